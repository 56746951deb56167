import { describe, expect, it } from 'vitest';
import { brief, lateSteps, records, runVector } from './helpers.ts';

const tumbling10 = { type: 'tumbling', size: 10 };

describe('beam profile', () => {
  it('R4.8: a record is dropped only when maxTs + L < W (strict), so W = maxTs + 1 still drops and W = maxTs does not', () => {
    const { result } = runVector({ profile: 'beam', pipeline: { window: tumbling10, watermark: { type: 'explicit' }, lateOutput: true }, steps: [{ watermark: 9 }, ...records('k', 5), { watermark: 10 }, ...records('k', 6)] });
    expect(lateSteps(result.late)).toEqual([{ step: 3, ts: 6 }]);
    expect(brief(result.emitted)).toEqual([{ step: 2, start: 0, end: 10, value: 1, timing: 'ON_TIME' }]);
  });

  it('R4.9, R4.11: the default trigger fires one LATE pane per late element, discarding by default', () => {
    const { result } = runVector({ profile: 'beam', pipeline: { window: tumbling10, watermark: { type: 'explicit' }, allowedLateness: 10 }, steps: [...records('k', 1, 2), { watermark: 10 }, ...records('k', 3)] });
    expect(brief(result.emitted)).toEqual([
      { step: 2, start: 0, end: 10, value: 2, timing: 'ON_TIME' },
      { step: 3, start: 0, end: 10, value: 1, timing: 'LATE' },
    ]);
  });

  it('R4.9: AfterWatermark without late firings finishes, so later elements are dropped even within allowed lateness', () => {
    const { result } = runVector({ profile: 'beam', pipeline: { window: tumbling10, watermark: { type: 'explicit' }, allowedLateness: 10, trigger: { type: 'afterWatermark' }, lateOutput: true }, steps: [...records('k', 1), { watermark: 10 }, ...records('k', 3)] });
    expect(lateSteps(result.late)).toEqual([{ step: 2, ts: 3 }]);
  });

  it('R4.9, R4.10: early count firings are EARLY, then ON_TIME, with accumulating panes', () => {
    const { result } = runVector({ profile: 'beam', pipeline: { window: tumbling10, watermark: { type: 'explicit' }, accumulation: 'accumulating', trigger: { type: 'afterWatermark', early: { type: 'count', n: 2 } } }, steps: [...records('k', 1, 2, 3), { watermark: 10 }] });
    expect(brief(result.emitted)).toEqual([
      { step: 1, start: 0, end: 10, value: 2, timing: 'EARLY' },
      { step: 3, start: 0, end: 10, value: 3, timing: 'ON_TIME' },
    ]);
  });

  it('R4.13: the ON_TIME pane fires even when early firings left it empty', () => {
    const { result } = runVector({ profile: 'beam', pipeline: { window: tumbling10, watermark: { type: 'explicit' }, trigger: { type: 'afterWatermark', early: { type: 'count', n: 1 } } }, steps: [...records('k', 1), { watermark: 10 }] });
    expect(brief(result.emitted)).toEqual([
      { step: 0, start: 0, end: 10, value: 1, timing: 'EARLY' },
      { step: 1, start: 0, end: 10, value: 0, timing: 'ON_TIME' },
    ]);
  });

  it('R4.9: processing-time early firings fire strictly after first element of the pane + d, as Beam does', () => {
    const early = { window: tumbling10, watermark: { type: 'explicit' }, trigger: { type: 'afterWatermark', early: { type: 'processingTime', delay: 100 } } };
    const atDelay = runVector({ profile: 'beam', pipeline: early, steps: [...records('k', 1), { advance: 50 }, ...records('k', 2), { advance: 50 }] });
    expect(atDelay.result.emitted).toEqual([]);
    const pastDelay = runVector({ profile: 'beam', pipeline: early, steps: [...records('k', 1), { advance: 50 }, ...records('k', 2), { advance: 51 }] });
    expect(brief(pastDelay.result.emitted)).toEqual([{ step: 3, start: 0, end: 10, value: 2, timing: 'EARLY' }]);
  });

  it('R2.6: Beam sessions merge only when they overlap, so records exactly g apart stay apart', () => {
    const { result } = runVector({ profile: 'beam', pipeline: { window: { type: 'session', gap: 10 }, watermark: { type: 'explicit' } }, steps: [...records('k', 0, 10), { end: true }] });
    expect(result.emitted.map((e) => [e.start, e.end])).toEqual([[0, 10], [10, 20]]);
  });

  it('R2.8: a global window with the default trigger fires once the input ends', () => {
    const { result } = runVector({ profile: 'beam', pipeline: { window: { type: 'global' } }, steps: [...records('k', 1, 2), { end: true }] });
    expect(result.emitted.map((e) => [e.step, e.value, e.start])).toEqual([[2, 2, undefined]]);
  });
});

describe('kafka-streams profile', () => {
  it('R2.4: hopping windows start at 0 or later, so t=2 with size 10 advance 5 is only in [0,10)', () => {
    const { result } = runVector({ profile: 'kafka-streams', pipeline: { window: { type: 'sliding', size: 10, slide: 5 } }, steps: records('k', 2, 7) });
    expect(result.emitted.map((e) => [e.step, e.start, e.end])).toEqual([[0, 0, 10], [1, 0, 10], [1, 5, 15]]);
  });

  it('R4.16: a record is skipped for each window whose end is ≤ stream time − grace', () => {
    const { result } = runVector({ profile: 'kafka-streams', pipeline: { window: { type: 'sliding', size: 10, slide: 5 }, lateOutput: true }, steps: records('k', 12, 9) });
    expect(result.late.map((e) => [e.start, e.end])).toEqual([[0, 10]]);
    expect(result.emitted.filter((e) => e.step === 1).map((e) => [e.start, e.end])).toEqual([[5, 15]]);
  });

  it('R1.2: a negative timestamp is rejected', async () => {
    const { parseError } = await import('./helpers.ts');
    expect(parseError({ profile: 'kafka-streams', pipeline: { window: tumbling10 }, steps: records('k', -1) })).toBe('invalid: steps[0].record.ts: expected a timestamp ≥ 0 under kafka-streams, got -1');
  });

  it('R2.5: sliding windows are created where records enter and leave (the spec example)', () => {
    const { result } = runVector({ profile: 'kafka-streams', pipeline: { window: { type: 'kafka-sliding', size: 5000 } }, steps: records('k', 8000, 9200, 12400) });
    const last = new Map(result.emitted.map((e) => [`${e.start},${e.end}`, e.value]));
    expect(Object.fromEntries(last)).toEqual({ '3000,8000': 1, '4200,9200': 2, '7400,12400': 3, '8001,13001': 2, '9201,14201': 1 });
  });

  it('R2.7: a record bridging two sessions emits tombstones for both, then the merged session', () => {
    const { result } = runVector({ profile: 'kafka-streams', pipeline: { window: { type: 'session', gap: 5 } }, steps: records('k', 0, 10, 5) });
    expect(result.emitted.filter((e) => e.step === 2).map((e) => [e.start, e.end, e.value, e.ts])).toEqual([[0, 0, null, 0], [10, 10, null, 10], [0, 10, 3, 10]]);
  });

  it('R4.18: a session is accepted while its end ≥ stream time − grace − gap', () => {
    const { result } = runVector({ profile: 'kafka-streams', pipeline: { window: { type: 'session', gap: 5 }, lateOutput: true }, steps: records('k', 20, 15, 9) });
    expect(lateSteps(result.late)).toEqual([{ step: 2, ts: 9 }]);
  });

  it('R4.21: suppress for sessions waits until the session end ≤ stream time − grace − gap', () => {
    const { result } = runVector({ profile: 'kafka-streams', pipeline: { window: { type: 'session', gap: 5 }, emit: 'final' }, steps: records('k', 0, 3, 20) });
    expect(result.emitted.map((e) => [e.step, e.start, e.end, e.value])).toEqual([[2, 0, 3, 2]]);
  });

  it('R3.16: end flushes nothing', () => {
    const { result } = runVector({ profile: 'kafka-streams', pipeline: { window: tumbling10, emit: 'final' }, steps: [...records('k', 1), { end: true }] });
    expect(result.emitted).toEqual([]);
  });
});

describe('spark profile', () => {
  const wm5 = { type: 'bounded', delay: 5 };
  it('R4.23: update mode emits every window changed in the batch, without timing', () => {
    const { result } = runVector({ profile: 'spark', pipeline: { window: tumbling10, watermark: wm5, outputMode: 'update' }, steps: [{ batch: [{ key: 'k', ts: 1 }, { key: 'k', ts: 12 }] }, { batch: [{ key: 'k', ts: 13 }] }] });
    expect(result.emitted).toEqual([
      { step: 0, key: 'k', start: 0, end: 10, value: 1 }, { step: 0, key: 'k', start: 10, end: 20, value: 1 },
      { step: 1, key: 'k', start: 10, end: 20, value: 2 },
    ]);
  });

  it('R4.23: complete mode emits the whole table every batch', () => {
    const { result } = runVector({ profile: 'spark', pipeline: { window: tumbling10, outputMode: 'complete' }, steps: [{ batch: [{ key: 'k', ts: 1 }] }, { batch: [{ key: 'k', ts: 12 }] }] });
    expect(result.emitted.map((e) => [e.step, e.start, e.value])).toEqual([[0, 0, 1], [1, 0, 1], [1, 10, 1]]);
  });

  it('R4.25: session update mode is rejected as unsupported', async () => {
    const { parseError } = await import('./helpers.ts');
    expect(parseError({ profile: 'spark', pipeline: { window: { type: 'session', gap: 5 }, watermark: wm5, outputMode: 'update' }, steps: [] })).toBe('unsupported: unsupported: session windows in spark update mode (R4.25)');
  });

  it('R2.6, R4.25: spark sessions merge when the gap is exactly g and are appended once the watermark passes their end', () => {
    const { result } = runVector({ profile: 'spark', pipeline: { window: { type: 'session', gap: 5 }, watermark: wm5 }, steps: [{ batch: [{ key: 'k', ts: 0 }, { key: 'k', ts: 5 }] }, { batch: [{ key: 'k', ts: 40 }] }] });
    expect(result.emitted.map((e) => [e.step, e.start, e.end, e.value])).toEqual([[1, 0, 10, 2]]);
  });
});

describe('storm profile', () => {
  it('Windowing.md: windows (end − length, end] fire on the periodic watermark (max − lag), skipping empty ones', () => {
    const steps = [...records('k', 3, 5, 7, 18, 26, 36), { advance: 1000 }];
    const { result } = runVector({ profile: 'storm', pipeline: { window: { type: 'sliding', size: 20, slide: 10 }, watermark: { type: 'bounded', delay: 5 } }, steps });
    expect(result.emitted.map((e) => [e.start, e.end, e.value])).toEqual([[-10, 10, 3], [0, 20, 4], [10, 30, 2]]);
    expect(result.watermarks).toEqual([{ step: 6, wm: 31 }]);
  });

  it('WaterMarkEventGenerator.track: a tuple older than the last watermark is late', () => {
    const steps = [...records('k', 30), { advance: 1000 }, ...records('k', 20, 25)];
    const { result } = runVector({ profile: 'storm', pipeline: { window: tumbling10, watermark: { type: 'bounded', delay: 5 }, lateOutput: true }, steps });
    expect(lateSteps(result.late)).toEqual([{ step: 2, ts: 20 }]);
  });
});
