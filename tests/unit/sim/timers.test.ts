// Timers in the trace (timer-set / timer-fired / timer-deleted) and what traceAt counts, hand-computed per rule.
import { describe, expect, it } from 'vitest';
import { parseScenario, run, traceAt, type Trace, type TraceEvent } from '../../../src/sim/index.ts';
import { records, runVector } from './helpers.ts';

type TimerEvent = Extract<TraceEvent, { kind: 'timer-set' | 'timer-fired' | 'timer-deleted' }>;

/** [kind, timer time, domain, purpose, processing time it happened] for every timer row, in trace order. */
const timerRows = (trace: Trace) =>
  trace.events
    .filter((e): e is TimerEvent => e.kind.startsWith('timer-'))
    .map((e) => [e.kind, e.timerMs, e.domain, e.purpose, e.procTimeMs]);

const tumbling10 = { type: 'tumbling', size: 10 };
const explicit = { type: 'explicit' };

describe('timers of the Flink and Beam window operator', () => {
  it('R4.3: with allowed lateness 0 Flink has one timer at maxTs that fires the window and cleans it up', () => {
    const { trace } = runVector({ profile: 'flink', pipeline: { window: tumbling10, watermark: explicit }, steps: [...records('k', 1), { watermark: 8 }, { watermark: 9 }] }, true);
    expect(timerRows(trace!)).toEqual([
      ['timer-set', 9, 'event', 'end-of-window+cleanup', 0],
      ['timer-fired', 9, 'event', 'end-of-window+cleanup', 0],
    ]);
    // The firing comes from the watermark 9 step (index 2), not from 8.
    expect(trace!.events.find((e) => e.kind === 'timer-fired')!.step).toBe(2);
  });

  it('R4.3: with allowed lateness 5 the end-of-window timer at 9 and the cleanup timer at 14 fire separately', () => {
    const { trace } = runVector({ profile: 'flink', pipeline: { window: tumbling10, watermark: explicit, allowedLateness: 5 }, steps: [...records('k', 1), { watermark: 9 }, { watermark: 14 }] }, true);
    const rows = trace!.events.filter((e): e is TimerEvent => e.kind.startsWith('timer-')).map((e) => [e.kind, e.timerMs, e.purpose, e.step]);
    expect(rows).toEqual([
      ['timer-set', 9, 'end-of-window', 0],
      ['timer-set', 14, 'cleanup', 0],
      ['timer-fired', 9, 'end-of-window', 1],
      ['timer-fired', 14, 'cleanup', 2],
    ]);
  });

  it('R8.2: one watermark jump fires timers in timestamp order across windows: end of [0,10), end of [10,20), then cleanup of [0,10)', () => {
    const { trace } = runVector({ profile: 'flink', pipeline: { window: tumbling10, watermark: explicit, allowedLateness: 15 }, steps: [...records('k', 1, 11), { watermark: 30 }] }, true);
    const fired = trace!.events.filter((e): e is TimerEvent => e.kind === 'timer-fired').map((e) => [e.timerMs, e.purpose]);
    expect(fired).toEqual([[9, 'end-of-window'], [19, 'end-of-window'], [24, 'cleanup']]);
  });

  it('R4.9: a Beam timer at maxTs 9 fires only once the watermark is past it (10), not at 9', () => {
    const { trace } = runVector({ profile: 'beam', pipeline: { window: tumbling10, watermark: explicit }, steps: [...records('k', 1), { watermark: 9 }, { watermark: 10 }] }, true);
    const fired = trace!.events.filter((e) => e.kind === 'timer-fired');
    expect(fired.map((e) => [e.step, (e as TimerEvent).timerMs])).toEqual([[2, 9]]);
  });

  it('R4.7: a window created after its end (a late element within lateness) gets only a cleanup timer', () => {
    const { trace } = runVector({ profile: 'flink', pipeline: { window: tumbling10, watermark: explicit, allowedLateness: 5 }, steps: [{ watermark: 12 }, ...records('k', 3)] }, true);
    expect(timerRows(trace!)).toEqual([['timer-set', 14, 'event', 'cleanup', 0]]);
  });

  it('R2.6, R4.7: merging two sessions deletes both old timers and sets one for the merged window', () => {
    const { trace } = runVector({ profile: 'flink', pipeline: { window: { type: 'session', gap: 10 }, watermark: explicit }, steps: records('k', 0, 20, 10) }, true);
    expect(timerRows(trace!).map(([kind, at]) => [kind, at])).toEqual([
      ['timer-set', 9], ['timer-set', 29], ['timer-set', 29], ['timer-deleted', 9], ['timer-deleted', 29],
    ]);
    expect(traceAt(trace!, 0).timers).toEqual({ set: 3, fired: 0, deleted: 2, pending: 1 });
  });

  it('R1.4: a processing-time window sets a processing-time timer at maxTs 99 that fires during the advance', () => {
    const { trace } = runVector({ profile: 'flink', pipeline: { window: { type: 'tumbling', size: 100, time: 'processing' } }, steps: [{ record: { key: 'k' } }, { advance: 150 }] }, true);
    expect(timerRows(trace!)).toEqual([
      ['timer-set', 99, 'processing', 'end-of-window+cleanup', 0],
      ['timer-fired', 99, 'processing', 'end-of-window+cleanup', 99],
    ]);
  });

  it('traceAt counts the timers set, fired and still pending at each processing time', () => {
    const { trace } = runVector({ profile: 'flink', pipeline: { window: { type: 'tumbling', size: 100, time: 'processing' } }, steps: [{ record: { key: 'a' } }, { advance: 120 }, { record: { key: 'b' } }, { advance: 100 }] }, true);
    // a: [0,100) timer 99; b arrives at 120: [100,200) timer 199.
    expect(traceAt(trace!, 98).timers).toEqual({ set: 1, fired: 0, deleted: 0, pending: 1 });
    expect(traceAt(trace!, 99).timers).toEqual({ set: 1, fired: 1, deleted: 0, pending: 0 });
    expect(traceAt(trace!, 150).timers).toEqual({ set: 2, fired: 1, deleted: 0, pending: 1 });
    expect(traceAt(trace!, 220).timers).toEqual({ set: 2, fired: 2, deleted: 0, pending: 0 });
  });

  it('R4.9: a Beam early processing-time firing is a trigger timer, deleted when the ON_TIME pane resets the trigger', () => {
    const pipeline = { window: tumbling10, watermark: explicit, trigger: { type: 'afterWatermark', early: { type: 'processingTime', delay: 100 } } };
    const { trace } = runVector({ profile: 'beam', pipeline, steps: [...records('k', 1), { watermark: 10 }] }, true);
    expect(timerRows(trace!).map(([kind, at, domain, purpose]) => [kind, at, domain, purpose])).toEqual([
      ['timer-set', 9, 'event', 'end-of-window+cleanup'],
      ['timer-set', 101, 'processing', 'trigger'],
      ['timer-fired', 9, 'event', 'end-of-window+cleanup'],
      ['timer-deleted', 101, 'processing', 'trigger'],
    ]);
  });

  it('records no timers when tracing is off, and the result is the same', () => {
    const vector = { profile: 'flink', pipeline: { window: tumbling10, watermark: explicit, allowedLateness: 5 }, steps: [...records('k', 1, 12, 4), { watermark: 30 }] };
    expect(runVector(vector).result).toEqual(runVector(vector, true).result);
  });
});

describe('engine-wide processing-time timers', () => {
  it('R3.19: in runtime mode each Spark micro-batch is triggered by a processing-time timer at the next interval', () => {
    const parsed = parseScenario({
      format: 'eventide.scenario/1', name: 'spark trigger', profile: 'spark',
      pipeline: { window: tumbling10, watermark: { type: 'bounded', delay: 0 }, batchInterval: 1000, noDataBatches: false },
      events: [{ key: 'k', ts: 1, arrivalMs: 300 }, { key: 'k', ts: 2, arrivalMs: 1500 }], steps: [{ advance: 2000 }],
    });
    if (!parsed.ok) throw new Error(parsed.error);
    const trace = run(parsed.scenario, { trace: true }).trace!;
    // Records at 300 and 1500: batches at 1000 and 2000, each a timer set when the first record waits for it.
    expect(timerRows(trace)).toEqual([
      ['timer-set', 1000, 'processing', 'batch', 300],
      ['timer-fired', 1000, 'processing', 'batch', 1000],
      ['timer-set', 2000, 'processing', 'batch', 1500],
      ['timer-fired', 2000, 'processing', 'batch', 2000],
    ]);
    expect(trace.events.filter((e) => e.kind === 'batch').map((e) => e.procTimeMs)).toEqual([1000, 2000]);
  });
});
