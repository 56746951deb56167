import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { variantScenario, type VarySpec } from '../../../src/exercises/variant.ts';

const scenario = {
  format: 'eventide.scenario/1', profile: 'flink',
  pipeline: { window: { type: 'tumbling', size: 10_000 }, watermark: { type: 'bounded', delay: 5000 } },
  events: [1, 4, 12, 3, 15, 9].map((s, i) => ({ ts: s * 1000, arrivalMs: (s + 1 + i) * 1000 })),
  steps: [],
};
const vary: VarySpec = { order: true, tsJitterMs: 2000, tsStepMs: 1000, params: { 'pipeline.watermark.delay': { min: 2000, max: 6000, step: 1000 } } };
type Raw = typeof scenario;

describe('seeded variants', () => {
  it('seed 1 is the scenario exactly as written', () => {
    expect(variantScenario(scenario, vary, 1)).toEqual(scenario);
  });

  it('the same seed always gives the same variant, and the original is never changed', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 2 ** 31 - 1 }), (seed) => {
      const before = structuredClone(scenario);
      expect(variantScenario(scenario, vary, seed)).toEqual(variantScenario(scenario, vary, seed));
      expect(scenario).toEqual(before);
    }), { numRuns: 300 });
  });

  it('a variant keeps its parameters in range, the written arrival times and whole-second time stamps', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 2 ** 31 - 1 }), (seed) => {
      const variant = variantScenario(scenario, vary, seed) as Raw;
      expect([2000, 3000, 4000, 5000, 6000]).toContain(variant.pipeline.watermark.delay);
      const arrivals = (events: Raw['events']) => events.map((e) => e.arrivalMs).sort((a, b) => a - b);
      expect(arrivals(variant.events)).toEqual(arrivals(scenario.events));
      for (const event of variant.events) expect(event.ts % 1000).toBe(0);
    }), { numRuns: 300 });
  });

  it('a new arrival order never makes a record arrive before it happened', () => {
    const orderOnly: VarySpec = { ...vary, tsJitterMs: 0, params: {} };
    fc.assert(fc.property(fc.integer({ min: 2, max: 2 ** 31 - 1 }), (seed) => {
      const variant = variantScenario(scenario, orderOnly, seed) as Raw;
      for (const event of variant.events) expect(event.ts).toBeLessThanOrEqual(event.arrivalMs);
    }), { numRuns: 300 });
  });

  it('different seeds give different variants', () => {
    const variants = new Set(Array.from({ length: 20 }, (_, i) => JSON.stringify(variantScenario(scenario, vary, i + 2))));
    expect(variants.size).toBeGreaterThan(15);
  });

  it('a seed outside 1 … 2^31 − 1 is refused with the range', () => {
    expect(() => variantScenario(scenario, vary, 0)).toThrow('seed must be an integer from 1 to 2147483647, got 0');
    expect(() => variantScenario(scenario, vary, 1.5)).toThrow(/got 1.5/);
  });

  it('a field drawn from a list takes one of its values whole, and a numbered part of a path indexes an array', () => {
    const storm = { ...scenario, pipeline: { ...scenario.pipeline, runtime: { threads: [2, 2], bolts: [{ name: 'count', serviceMs: 2000 }] } } };
    const lists: VarySpec = {
      order: false, tsJitterMs: 0, tsStepMs: 1000,
      params: { 'pipeline.runtime.threads': { choices: [[3, 3, 3], [1, 1]] }, 'pipeline.runtime.bolts.0.serviceMs': { min: 1000, max: 3000, step: 1000 } },
    };
    const seen = new Set<string>();
    for (let seed = 2; seed < 40; seed++) {
      const runtime = (variantScenario(storm, lists, seed) as typeof storm).pipeline.runtime;
      expect([[3, 3, 3], [1, 1]]).toContainEqual(runtime.threads);
      expect(runtime.bolts).toEqual([{ name: 'count', serviceMs: expect.any(Number) }]);
      expect([1000, 2000, 3000]).toContain(runtime.bolts[0].serviceMs);
      seen.add(JSON.stringify(runtime));
    }
    expect(seen.size).toBeGreaterThan(3);
  });
});
