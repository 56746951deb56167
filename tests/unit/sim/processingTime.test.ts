// Flink processing-time triggers and windows, checked against apache/flink: ProcessingTimeTrigger,
// ContinuousProcessingTimeTrigger (FLINK-20443), WindowOperator cleanup, and end of input (FLINK-14231).
import { describe, expect, it } from 'vitest';
import { parseScenario, run } from '../../../src/sim/index.ts';
import { runVector } from './helpers.ts';

const processing100 = { type: 'tumbling', size: 100, time: 'processing' };
const firings = (emitted: { step: number; value: unknown; start?: number }[]) => emitted.map((e) => [e.step, e.start, e.value]);

describe('flink processing-time triggers and windows', () => {
  it('R1.4: ContinuousProcessingTimeTrigger(30) on a processing-time window [0,100) fires at 30, 60, 90 and once more at 99', () => {
    const { result, trace } = runVector({ profile: 'flink', pipeline: { window: processing100, trigger: { type: 'processingTime', interval: 30 } }, steps: [{ record: { key: 'k' } }, { advance: 150 }] }, true);
    expect(firings(result.emitted)).toEqual([[1, 0, 1], [1, 0, 1], [1, 0, 1], [1, 0, 1]]);
    expect(trace!.panes.map((p) => p.procTimeMs)).toEqual([30, 60, 90, 99]);
  });

  it('R4.3: CountTrigger on a processing-time window never fires at maxTs: the cleanup discards the two elements', () => {
    const { result, trace } = runVector({ profile: 'flink', pipeline: { window: processing100, trigger: { type: 'count', n: 5 } }, steps: [{ record: { key: 'k' } }, { record: { key: 'k' } }, { advance: 150 }] }, true);
    expect(result.emitted).toEqual([]);
    expect(trace!.events.filter((e) => e.kind === 'window-closed')).toHaveLength(1);
  });

  it('ContinuousProcessingTimeTrigger(10) on an event-time window [0,100) fires at 10, 20, …, 90 and at maxTs 99, then stops', () => {
    const pipeline = { window: { type: 'tumbling', size: 100 }, watermark: { type: 'explicit' }, trigger: { type: 'processingTime', interval: 10 } };
    const { result, trace } = runVector({ profile: 'flink', pipeline, steps: [{ advance: 7 }, { record: { key: 'k', ts: 5 } }, { advance: 150 }] }, true);
    // The first timer is the next multiple of 10 after p = 7; the interval is capped at window.maxTimestamp() = 99.
    expect(trace!.panes.map((p) => p.procTimeMs)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 99]);
    expect(result.emitted.every((e) => e.value === 1 && e.timing === 'EARLY')).toBe(true);
  });

  it('R3.9: at the end of input pending processing-time timers do not fire, so an open processing-time window emits nothing', () => {
    const { result } = runVector({ profile: 'flink', pipeline: { window: processing100 }, steps: [{ record: { key: 'k' } }, { advance: 50 }, { end: true }] });
    expect(result.emitted).toEqual([]);
  });

  it('R1.6: a record arriving at p = 99 comes before the timer at 99, so [0,100) fires with it', () => {
    const parsed = parseScenario({
      format: 'eventide.scenario/1', name: 'arrival at the timer instant', profile: 'flink', pipeline: { window: processing100 },
      events: [{ key: 'k', arrivalMs: 0 }, { key: 'k', arrivalMs: 99 }], steps: [{ advance: 200 }],
    });
    if (!parsed.ok) throw new Error(parsed.error);
    expect(run(parsed.scenario).result.emitted.map((e) => [e.start, e.value])).toEqual([[0, 2]]);
  });

  it('R1.5: after a harness advance to 99 has fired [0,100), a record at 99 opens the window again (fired at the next move)', () => {
    const { result } = runVector({ profile: 'flink', pipeline: { window: processing100 }, steps: [{ record: { key: 'k' } }, { advance: 99 }, { record: { key: 'k' } }, { advance: 1 }] });
    expect(firings(result.emitted)).toEqual([[1, 0, 1], [3, 0, 1]]);
  });
});
