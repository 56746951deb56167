import { describe, expect, it } from 'vitest';
import { brief, lateSteps, records, runVector } from './helpers.ts';

const perRecord = (delay: number) => ({ type: 'bounded', delay, emit: 'per-record' });

describe('flink profile', () => {
  it('R2.2: a tumbling window with offset 3 puts t=2 in [-7,3) and t=13 in [13,23)', () => {
    const { result } = runVector({ profile: 'flink', pipeline: { window: { type: 'tumbling', size: 10, offset: 3 }, watermark: { type: 'explicit' } }, steps: [...records('k', 2, 13), { end: true }] });
    expect(result.emitted.map((e) => [e.start, e.end])).toEqual([[-7, 3], [13, 23]]);
  });

  it('R2.3: a sliding window counts the record in every window that contains it', () => {
    const { result } = runVector({ profile: 'flink', pipeline: { window: { type: 'sliding', size: 10, slide: 5 }, watermark: { type: 'explicit' } }, steps: [...records('k', 7), { end: true }] });
    expect(result.emitted.map((e) => [e.start, e.end, e.value])).toEqual([[0, 10, 1], [5, 15, 1]]);
  });

  it('R3.1: the bounded watermark is max − D − 1 and never goes back (R3.3)', () => {
    const { result } = runVector({ profile: 'flink', pipeline: { window: { type: 'tumbling', size: 10 }, watermark: perRecord(2) }, steps: records('k', 10, 4, 12) });
    expect(result.watermarks.map((w) => w.wm)).toEqual([7, 9]);
  });

  it('R3.2: periodic watermarks are emitted every 200 ms by default, seeing records that arrived at that instant', () => {
    const { result } = runVector({ profile: 'flink', pipeline: { window: { type: 'tumbling', size: 10 }, watermark: { type: 'bounded', delay: 0 } }, steps: [...records('k', 15), { advance: 199 }, { advance: 1 }] });
    expect(result.watermarks).toEqual([{ step: 2, wm: 14 }]);
  });

  it('R4.1: a record behind the watermark plus allowed lateness goes to the late output', () => {
    const { result } = runVector({ profile: 'flink', pipeline: { window: { type: 'tumbling', size: 10 }, watermark: perRecord(0), lateOutput: true }, steps: records('k', 10, 9) });
    expect(lateSteps(result.late)).toEqual([{ step: 1, ts: 9 }]);
  });

  it('R4.1: without lateOutput the late record is dropped and not reported', () => {
    const { result, trace } = runVector({ profile: 'flink', pipeline: { window: { type: 'tumbling', size: 10 }, watermark: perRecord(0) }, steps: records('k', 10, 9) }, true);
    expect(result.late).toEqual([]);
    expect(trace!.drops[0]).toMatchObject({ rule: 'R4.1', toSideOutput: false, reason: 'late: window [0,10) maxTs 9 + allowed lateness 0 = 9 ≤ watermark 9 (times in ms)' });
  });

  it('R4.2, R4.3: with allowed lateness a late element re-fires the window with all its contents, LATE', () => {
    const { result } = runVector({ profile: 'flink', pipeline: { window: { type: 'tumbling', size: 10 }, watermark: perRecord(0), allowedLateness: 5 }, steps: records('k', 1, 2, 10, 9, 16, 8) });
    expect(brief(result.emitted)).toEqual([
      { step: 2, start: 0, end: 10, value: 2, timing: 'ON_TIME' },
      { step: 3, start: 0, end: 10, value: 3, timing: 'LATE' },
    ]);
  });

  it('R4.6: discarding (purging) panes carry only what arrived since the last firing', () => {
    const { result } = runVector({ profile: 'flink', pipeline: { window: { type: 'tumbling', size: 10 }, watermark: perRecord(0), allowedLateness: 5, accumulation: 'discarding', aggregate: 'sum' }, steps: [{ record: { key: 'k', ts: 1, value: 4 } }, { record: { key: 'k', ts: 10, value: 1 } }, { record: { key: 'k', ts: 5, value: 7 } }] });
    expect(result.emitted.filter((e) => e.start === 0).map((e) => e.value)).toEqual([4, 7]);
  });

  it('R4.12 (Sim): retracting panes retract the previous value before the new one', () => {
    const { result } = runVector({ profile: 'flink', pipeline: { window: { type: 'tumbling', size: 10 }, watermark: perRecord(0), allowedLateness: 5, accumulation: 'retracting' }, steps: records('k', 1, 10, 5) });
    expect(brief(result.emitted).filter((e) => e.start === 0)).toEqual([
      { step: 1, start: 0, end: 10, value: 1, timing: 'ON_TIME' },
      { step: 2, start: 0, end: 10, value: 1, timing: 'LATE', retract: true },
      { step: 2, start: 0, end: 10, value: 2, timing: 'LATE' },
    ]);
  });

  it('R2.6: Flink sessions merge when the gap is exactly g, and a late record bridges two sessions', () => {
    const { result, trace } = runVector({ profile: 'flink', pipeline: { window: { type: 'session', gap: 10 }, watermark: { type: 'explicit' } }, steps: [...records('k', 0, 20, 10), { end: true }] }, true);
    expect(result.emitted.map((e) => [e.start, e.end, e.value])).toEqual([[0, 30, 3]]);
    expect(trace!.events.filter((e) => e.kind === 'window-merged')).toHaveLength(1);
  });

  it('R2.9: countWindow(3) fires and purges every third element of a key, EARLY (the watermark is below +∞)', () => {
    const { result } = runVector({ profile: 'flink', pipeline: { window: { type: 'count', size: 3 } }, steps: records('k', 1, 2, 3, 4, 5, 6, 7) });
    expect(result.emitted.map((e) => [e.step, e.value, e.timing, e.start])).toEqual([[2, 3, 'EARLY', undefined], [5, 3, 'EARLY', undefined]]);
  });

  it('R2.9: countWindow(3, 1) fires on every element over the newest three', () => {
    const { result } = runVector({ profile: 'flink', pipeline: { window: { type: 'count', size: 3, slide: 1 }, aggregate: 'list' }, steps: records('k', 1, 2, 3, 4) });
    expect(result.emitted.map((e) => e.value)).toEqual([[1], [1, 2], [1, 2, 3], [2, 3, 4]]);
  });

  it('R2.8: a global window with the default trigger never fires under Flink', () => {
    const { result } = runVector({ profile: 'flink', pipeline: { window: { type: 'global' } }, steps: [...records('k', 1, 2), { end: true }] });
    expect(result.emitted).toEqual([]);
  });

  it('R4.5: a count trigger fires EARLY panes before the watermark reaches the window end', () => {
    const { result } = runVector({ profile: 'flink', pipeline: { window: { type: 'tumbling', size: 10 }, watermark: { type: 'explicit' }, trigger: { type: 'count', n: 2 } }, steps: [...records('k', 1, 2, 3, 4)] });
    expect(result.emitted.map((e) => [e.step, e.value, e.timing])).toEqual([[1, 2, 'EARLY'], [3, 4, 'EARLY']]);
  });

  it('R3.6: with two partitions the operator watermark is the minimum, so the slow partition holds the window open', () => {
    const steps = [{ record: { key: 'k', ts: 1, partition: 0 } }, { record: { key: 'k', ts: 30, partition: 0 } }, { record: { key: 'k', ts: 12, partition: 1 } }];
    const { result } = runVector({ profile: 'flink', pipeline: { window: { type: 'tumbling', size: 10 }, watermark: perRecord(0), partitions: 2 }, steps });
    expect(result.watermarks.map((w) => w.wm)).toEqual([11]);
    expect(brief(result.emitted)).toEqual([{ step: 2, start: 0, end: 10, value: 1, timing: 'ON_TIME' }]);
  });

  it('R3.5, R3.6: an idle partition leaves the minimum, and when it resumes its records are late', () => {
    const busy = Array.from({ length: 10 }, (_, i) => [{ advance: 100 }, { record: { key: 'k', ts: 30 + i, partition: 0 } }]).flat();
    const steps = [{ record: { key: 'k', ts: 1, partition: 1 } }, ...busy, { record: { key: 'k', ts: 5, partition: 1 } }];
    const { result, trace } = runVector({ profile: 'flink', pipeline: { window: { type: 'tumbling', size: 10 }, watermark: { type: 'bounded', delay: 0, idleness: 300 }, partitions: 2, lateOutput: true }, steps }, true);
    expect(trace!.events.filter((e) => e.kind === 'idle')).toMatchObject([{ partition: 1, isIdle: true, procTimeMs: 800 }]);
    expect(result.watermarks[0].wm).toBe(0);
    expect(lateSteps(result.late)).toEqual([{ step: 21, ts: 5 }]);
  });

  it('R1.4: processing-time windows fire when the clock reaches the window end', () => {
    const { result } = runVector({ profile: 'flink', pipeline: { window: { type: 'tumbling', size: 100, time: 'processing' } }, steps: [{ record: { key: 'k' } }, { advance: 50 }, { record: { key: 'k' } }, { advance: 60 }] });
    expect(result.emitted.map((e) => [e.step, e.start, e.end, e.value])).toEqual([[3, 0, 100, 2]]);
  });
});
