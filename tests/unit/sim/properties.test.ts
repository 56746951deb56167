import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, run } from '../../../src/sim/index.ts';
import { stateAt } from '../../../src/sim/trace/traceAt.ts';
import { traceLines } from '../../../src/sim/trace/jsonLines.ts';
import type { Trace } from '../../../src/sim/index.ts';
import { anyVector, vectorFor } from './arbitraries.ts';

const RUNS = { numRuns: 1000 };

function traced(vector: object, keyframeEvery?: number) {
  const parsed = parseScenario(vector);
  if (!parsed.ok) throw new Error(parsed.error);
  return run(parsed.scenario, { trace: true, keyframeEvery });
}

// 1,000 cases per property take seconds, more on a loaded 2-core machine: allow it, without weakening a property.
describe('simulator properties', { timeout: 120_000 }, () => {
  it('random valid vectors parse and run without throwing', () => {
    fc.assert(fc.property(anyVector, (vector) => {
      const parsed = parseScenario(vector);
      if (!parsed.ok) throw new Error(parsed.error);
      run(parsed.scenario);
    }), RUNS);
  });

  it('watermarks never decrease, at the operator or at any partition', () => {
    fc.assert(fc.property(anyVector, (vector) => {
      const { watermarks: w } = traced(vector).trace!;
      const last = new Map<number, number>();
      for (let i = 0; i < w.length; i++) {
        expect(w.value[i]).toBeGreaterThanOrEqual(last.get(w.scope[i]) ?? -Infinity);
        last.set(w.scope[i], w.value[i]);
      }
    }), RUNS);
  });

  it('nothing disappears silently: every record is held by a window or has a drop entry with a rule and a reason', () => {
    const profiles = fc.constantFrom('flink', 'beam', 'kafka-streams', 'spark').chain(vectorFor);
    fc.assert(fc.property(profiles, (vector) => {
      const trace = traced(vector).trace!;
      const assigned = new Set(trace.assignments.record);
      const dropped = new Set(trace.drops.map((d) => d.record));
      for (let r = 0; r < trace.records.length; r++) expect(assigned.has(r) || dropped.has(r)).toBe(true);
      for (const d of trace.drops) expect(d.rule && d.reason.startsWith('late')).toBeTruthy();
    }), RUNS);
  });

  it('R4: under flink and beam every accepted record counts in the last pane of each of its windows', () => {
    const vectors = fc.constantFrom('flink', 'beam').chain(vectorFor).map((v) => ({
      ...v, pipeline: { ...v.pipeline, aggregate: 'count', accumulation: 'accumulating', trigger: { type: 'default' }, window: v.pipeline.window.type === 'count' ? { type: 'tumbling', size: 10 } : v.pipeline.window },
    }));
    fc.assert(fc.property(vectors, (vector) => {
      const trace = traced(vector).trace!;
      const held = new Map<number, number>();
      for (const id of trace.assignments.windowId) held.set(id, (held.get(id) ?? 0) + 1);
      const lastPane = new Map<number, number>();
      for (const p of trace.panes) if (!p.retract) lastPane.set(p.windowId, p.value as number);
      // Merged-away sessions hand their records to the merged window.
      const mergedAway = new Set(trace.events.flatMap((e) => (e.kind === 'window-merged' ? e.from : [])));
      for (const [id, value] of lastPane) if (!mergedAway.has(id)) expect(value).toBe(countWithMerges(trace, id, held));
    }), RUNS);
  });

  // Sessions are left out: a merged window starts from the merged pane states, which discarding has emptied.
  it('R4.6, R4.11: discarding panes of a window add up to its last accumulating pane', () => {
    const vectors = fc.constantFrom('flink', 'beam').chain(vectorFor).filter((v) => v.pipeline.window.type !== 'count' && v.pipeline.window.type !== 'session');
    fc.assert(fc.property(vectors, (vector) => {
      const withMode = (accumulation: string) => traced({ ...vector, pipeline: { ...vector.pipeline, aggregate: 'sum', accumulation } }).trace!;
      const discarding = withMode('discarding');
      const accumulating = withMode('accumulating');
      const sums = new Map<string, number>();
      for (const p of discarding.panes) sums.set(`${p.key} ${p.start} ${p.end}`, (sums.get(`${p.key} ${p.start} ${p.end}`) ?? 0) + (p.value as number));
      const last = new Map<string, number>();
      for (const p of accumulating.panes) last.set(`${p.key} ${p.start} ${p.end}`, p.value as number);
      expect(sums).toEqual(last);
    }), RUNS);
  });

  it('the same scenario and seed give a byte-identical trace', () => {
    const scenario = fc.record({ seed: fc.integer({ min: 0, max: 1000 }), count: fc.integer({ min: 1, max: 200 }), profile: fc.constantFrom('flink', 'beam', 'kafka-streams', 'spark', 'storm') });
    fc.assert(fc.property(scenario, ({ seed, count, profile }) => {
      const vector = {
        format: 'eventide.scenario/1', profile, seed,
        pipeline: { window: { type: 'tumbling', size: 1000 }, watermark: { type: 'bounded', delay: 200 }, partitions: 2 },
        generator: { count, ratePerSec: 100, keys: { count: 5, distribution: { type: 'zipf', exponent: 1.1 } }, disorder: { type: 'exponential', meanDelayMs: 100, maxDelayMs: 500 }, partitions: 2 },
        steps: [{ advance: 5000 }],
      };
      expect([...traceLines(traced(vector).trace!)].join('\n')).toBe([...traceLines(traced(vector).trace!)].join('\n'));
    }), RUNS);
  });

  it('traceAt(t) from keyframes equals replaying the trace from the start to t', () => {
    fc.assert(fc.property(anyVector, fc.integer({ min: 0, max: 6000 }), (vector, t) => {
      const trace = traced(vector, 5).trace!;
      expect(stateAt(trace, t, true)).toEqual(stateAt(trace, t, false));
    }), RUNS);
  });

  it('random invalid input gives one clear line naming a place, never a crash', () => {
    const garbage = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant(-1), fc.array(fc.integer()), fc.object());
    const mutated = fc.tuple(anyVector, fc.constantFrom('profile', 'pipeline', 'steps', 'window', 'size', 'record', 'ts', 'watermark'), garbage)
      .map(([vector, field, value]) => mutate(vector, field, value));
    fc.assert(fc.property(mutated, (input) => {
      const parsed = parseScenario(input);
      if (parsed.ok) return void run(parsed.scenario);
      expect(parsed.error).toMatch(/^[^\n]+$/);
      expect(parsed.error).toMatch(/^\S[^\n]*?: [^\n]+$/);
      expect(parsed.error).not.toMatch(/\bat .+\.ts:\d+/);
    }), RUNS);
  });
});

function countWithMerges(trace: Trace, id: number, held: Map<number, number>): number {
  let count = held.get(id) ?? 0;
  for (const e of trace.events) if (e.kind === 'window-merged' && e.into === id) count += e.from.reduce((n, f) => n + countWithMerges(trace, f, held), 0);
  return count;
}

function mutate(vector: Record<string, unknown>, field: string, value: unknown): unknown {
  const copy = structuredClone(vector) as Record<string, any>;
  if (field === 'profile' || field === 'pipeline' || field === 'steps') copy[field] = value;
  else if (field === 'window') copy.pipeline.window = value;
  else if (field === 'size') copy.pipeline.window.size = value;
  else if (field === 'watermark') copy.pipeline.watermark = value;
  else if (copy.steps[0]) copy.steps[0] = field === 'record' ? { record: value } : { record: { ts: value } };
  return copy;
}
