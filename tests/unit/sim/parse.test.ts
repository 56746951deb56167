import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/sim/index.ts';
import { parseError } from './helpers.ts';

const flink = (pipeline: object, steps: unknown[] = []) => ({ profile: 'flink', pipeline: { window: { type: 'tumbling', size: 10 }, ...pipeline }, steps });

describe('parseScenario', () => {
  it('names the step, the field and the value of a bad timestamp', () => {
    expect(parseError(flink({}, [{ record: { ts: 1 } }, { record: { ts: 2 } }, { record: { ts: 3 } }, { record: { ts: 'x' } }]))).toBe('invalid: steps[3].record.ts: expected an integer, got "x"');
  });

  it('rejects a negative window size (public example invalid-negative-size)', () => {
    const vector = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/invalid-negative-size.json'), 'utf8'));
    expect(parseError(vector)).toBe('invalid: pipeline.window.size: expected an integer > 0, got -10');
  });

  it('rejects an offset as large as the size', () => {
    expect(parseError(flink({ window: { type: 'tumbling', size: 10, offset: 10 } }))).toBe('invalid: pipeline.window.offset: expected |offset| < size (10), got 10');
  });

  it('rejects unknown fields so that typos do not pass silently', () => {
    expect(parseError(flink({ alowedLateness: 5 }))).toBe('invalid: pipeline.alowedLateness: unknown field');
  });

  it('rejects absurd fan-out instead of hanging', () => {
    expect(parseError(flink({ window: { type: 'sliding', size: 1_000_000, slide: 1 } }))).toMatch(/^invalid: pipeline.window.slide: size \/ slide gives more than 10000 windows per record/);
  });

  it('rejects more than 1,000,000 generated events', () => {
    const scenario = { format: 'eventide.scenario/1', profile: 'flink', pipeline: { window: { type: 'tumbling', size: 10 } }, generator: { count: 2_000_000, ratePerSec: 10 } };
    expect(parseError(scenario)).toBe('invalid: generator.count: expected at most 1,000,000, got 2000000');
  });

  it('reports a feature the profile\'s engine does not have as unsupported (exit 3)', () => {
    expect(parseError(flink({ window: { type: 'kafka-sliding', size: 10 } }))).toBe('unsupported: unsupported: kafka-sliding windows under flink');
    expect(parseError({ profile: 'kafka-streams', pipeline: { window: { type: 'tumbling', size: 10 }, allowedLateness: 5 }, steps: [] })).toBe('unsupported: unsupported: allowedLateness under kafka-streams');
  });

  it('rejects watermark steps under kafka-streams, whose time moves with records', () => {
    expect(parseError({ profile: 'kafka-streams', pipeline: { window: { type: 'tumbling', size: 10 } }, steps: [{ watermark: 5 }] })).toBe('invalid: steps[0].watermark: kafka-streams takes no watermark steps (its progress comes from the data)');
  });

  it('reads JSON text and reports bad JSON at the top level', () => {
    const parsed = parseScenario('{');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/^\(top level\): not valid JSON/);
  });

  it('fills in the profile defaults of R4.27', () => {
    const parsed = parseScenario(flink({ watermark: { type: 'bounded', delay: 5 } }));
    expect(parsed.ok && parsed.scenario.pipeline).toMatchObject({ accumulation: 'accumulating', allowedLateness: 0, watermark: { emit: 'periodic', interval: 200 } });
  });
});
