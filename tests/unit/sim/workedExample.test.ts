// Spec R9.7: one key, tumbling 10, count, L = 0; the table's outputs for every profile.
import { describe, expect, it } from 'vitest';
import { brief, lateSteps, records, runVector } from './helpers.ts';

const steps = [...records('k', 1, 8, 12, 3, 15, 9, 21, 4), { end: true }];
const window = { type: 'tumbling', size: 10 };

describe('R9.7 worked example', () => {
  it('flink (D = 5 per record) fires [0,10)=3 ON_TIME at step 4, drops 9 and 4, flushes the rest at the end', () => {
    const { result } = runVector({ profile: 'flink', pipeline: { window, watermark: { type: 'bounded', delay: 5, emit: 'per-record' }, lateOutput: true }, steps });
    expect(brief(result.emitted)).toEqual([
      { step: 4, start: 0, end: 10, value: 3, timing: 'ON_TIME' },
      { step: 8, start: 10, end: 20, value: 2, timing: 'ON_TIME' },
      { step: 8, start: 20, end: 30, value: 1, timing: 'ON_TIME' },
    ]);
    expect(result.emitted.map((e) => e.ts)).toEqual([9, 19, 29]);
    expect(lateSteps(result.late)).toEqual([{ step: 5, ts: 9 }, { step: 7, ts: 4 }]);
    expect(result.watermarks.slice(0, 5).map((w) => w.wm)).toEqual([-5, 2, 6, 9, 15]);
  });

  it('beam (W = max − 5) gives the same panes with watermarks one higher', () => {
    const { result } = runVector({ profile: 'beam', pipeline: { window, watermark: { type: 'bounded', delay: 5 }, lateOutput: true }, steps });
    expect(brief(result.emitted)).toEqual([
      { step: 4, start: 0, end: 10, value: 3, timing: 'ON_TIME' },
      { step: 8, start: 10, end: 20, value: 2, timing: 'ON_TIME' },
      { step: 8, start: 20, end: 30, value: 1, timing: 'ON_TIME' },
    ]);
    expect(lateSteps(result.late)).toEqual([{ step: 5, ts: 9 }, { step: 7, ts: 4 }]);
    expect(result.watermarks.slice(0, 5).map((w) => w.wm)).toEqual([-4, 3, 7, 10, 16]);
  });

  it('kafka-streams (G = 5, cache off) forwards every update with the max record timestamp, and end flushes nothing', () => {
    const { result } = runVector({ profile: 'kafka-streams', pipeline: { window, grace: 5, lateOutput: true }, steps });
    expect(result.emitted.map((e) => [e.step, e.start, e.value, e.ts])).toEqual([
      [0, 0, 1, 1], [1, 0, 2, 8], [2, 10, 1, 12], [3, 0, 3, 8], [4, 10, 2, 15], [6, 20, 1, 21],
    ]);
    expect(lateSteps(result.late)).toEqual([{ step: 5, ts: 9 }, { step: 7, ts: 4 }]);
  });

  it('kafka-streams with suppress emits [0,10)=3 with its own timestamp 8 at step 4 only', () => {
    const { result } = runVector({ profile: 'kafka-streams', pipeline: { window, grace: 5, emit: 'final' }, steps });
    expect(result.emitted).toEqual([{ step: 4, key: 'k', start: 0, end: 10, value: 3, timing: 'ON_TIME', ts: 8 }]);
  });

  const batches = [{ batch: [{ key: 'k', ts: 1 }, { key: 'k', ts: 8 }, { key: 'k', ts: 12 }] }, { batch: [{ key: 'k', ts: 3 }, { key: 'k', ts: 15 }] },
    { batch: [{ key: 'k', ts: 9 }, { key: 'k', ts: 21 }] }, { batch: [{ key: 'k', ts: 4 }] }];

  it('spark (D = 5, append) evicts [0,10)=3 in the no-data batch after {3,15} and judges 9 against W = 10', () => {
    const { result } = runVector({ profile: 'spark', pipeline: { window, watermark: { type: 'bounded', delay: 5 }, lateOutput: true }, steps: batches });
    expect(brief(result.emitted)).toEqual([{ step: 1, start: 0, end: 10, value: 3, timing: 'ON_TIME' }]);
    expect(lateSteps(result.late)).toEqual([{ step: 2, ts: 9 }, { step: 3, ts: 4 }]);
  });

  it('spark without no-data batches accepts 9 against W = 7 and emits [0,10)=4 a batch later', () => {
    const { result } = runVector({ profile: 'spark', pipeline: { window, watermark: { type: 'bounded', delay: 5 }, noDataBatches: false, lateOutput: true }, steps: batches });
    expect(brief(result.emitted)).toEqual([{ step: 2, start: 0, end: 10, value: 4, timing: 'ON_TIME' }]);
    expect(lateSteps(result.late)).toEqual([{ step: 3, ts: 4 }]);
  });
});
