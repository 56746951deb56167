// Beam TimestampCombiner (R4.15), a scenario-format option: the output timestamp of each pane, hand-computed.
import { describe, expect, it } from 'vitest';
import { parseScenario, run, type EmittedEntry } from '../../../src/sim/index.ts';
import { parseError, records } from './helpers.ts';

function panes(pipeline: Record<string, unknown>, steps: unknown[]): Pick<EmittedEntry, 'value' | 'timing' | 'ts'>[] {
  const parsed = parseScenario({
    format: 'eventide.scenario/1', name: 'combiner', profile: 'beam',
    pipeline: { window: { type: 'tumbling', size: 10 }, watermark: { type: 'explicit' }, aggregate: 'list', ...pipeline }, steps,
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return run(parsed.scenario).result.emitted.map(({ value, timing, ts }) => ({ value, timing, ts }));
}

describe('beam TimestampCombiner (R4.15)', () => {
  const steps = [...records('k', 7, 3, 5), { watermark: 10 }];

  it('R4.15: END_OF_WINDOW (the default) stamps the pane with maxTs 9', () => {
    expect(panes({}, steps)).toEqual([{ value: [3, 5, 7], timing: 'ON_TIME', ts: 9 }]);
    expect(panes({ timestampCombiner: 'end-of-window' }, steps)).toEqual([{ value: [3, 5, 7], timing: 'ON_TIME', ts: 9 }]);
  });

  it('R4.15: EARLIEST stamps the pane with its smallest event time, LATEST with its largest', () => {
    expect(panes({ timestampCombiner: 'earliest' }, steps)).toEqual([{ value: [3, 5, 7], timing: 'ON_TIME', ts: 3 }]);
    expect(panes({ timestampCombiner: 'latest' }, steps)).toEqual([{ value: [3, 5, 7], timing: 'ON_TIME', ts: 7 }]);
  });

  it('R4.15: the hold is released at each firing, so an accumulating ON_TIME pane after an early one is stamped by its new element only', () => {
    const pipeline = { timestampCombiner: 'earliest', accumulation: 'accumulating', trigger: { type: 'afterWatermark', early: { type: 'count', n: 2 } } };
    expect(panes(pipeline, [...records('k', 7, 3, 8), { watermark: 10 }])).toEqual([
      { value: [3, 7], timing: 'EARLY', ts: 3 },
      { value: [3, 7, 8], timing: 'ON_TIME', ts: 8 },
    ]);
  });

  it('R4.13, R4.15: an empty ON_TIME pane holds no element, so it takes the end-of-window time 9', () => {
    const pipeline = { timestampCombiner: 'latest', trigger: { type: 'afterWatermark', early: { type: 'count', n: 2 } } };
    expect(panes(pipeline, [...records('k', 7, 3), { watermark: 10 }])).toEqual([
      { value: [3, 7], timing: 'EARLY', ts: 7 },
      { value: [], timing: 'ON_TIME', ts: 9 },
    ]);
  });

  it('R4.15: a LATE pane is stamped maxTs: its element gets a GC hold, which extractAndRelease clips to the end of the window', () => {
    expect(panes({ timestampCombiner: 'earliest', allowedLateness: 20 }, [...records('k', 5), { watermark: 10 }, ...records('k', 2)])).toEqual([
      { value: [5], timing: 'ON_TIME', ts: 5 },
      { value: [2], timing: 'LATE', ts: 9 },
    ]);
  });

  it('R2.6, R4.15: merged sessions combine their holds', () => {
    const pipeline = { window: { type: 'session', gap: 10 }, timestampCombiner: 'earliest' };
    expect(panes(pipeline, [...records('k', 20, 4, 12), { watermark: 100 }])).toEqual([{ value: [4, 12, 20], timing: 'ON_TIME', ts: 4 }]);
  });

  it('is a Beam scenario option: Flink reports it unsupported and vectors reject it', () => {
    const parsed = parseScenario({ format: 'eventide.scenario/1', profile: 'flink', pipeline: { window: { type: 'tumbling', size: 10 }, timestampCombiner: 'earliest' }, steps: [] });
    expect(parsed).toMatchObject({ ok: false, kind: 'unsupported' });
    expect(parseError({ profile: 'beam', pipeline: { window: { type: 'tumbling', size: 10 }, timestampCombiner: 'earliest' }, steps: [] }))
      .toBe('invalid: pipeline.timestampCombiner: only scenarios ("format": "eventide.scenario/1") have this option');
  });
});
