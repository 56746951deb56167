// Watermarks, idleness and "down" time in the runtime trace (R3.4–R3.6, R3.11, R7.12): what a dataflow view reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TaskState, type RuntimeTrace, type StepSeries } from '../../../../src/sim/runtime/types.ts';
import { crashes, inputSteps, jobSettings, runJob, windowPipeline, withCrashes, type Step } from './jobs.ts';

/** The value of a step series at `t` (after every entry at t), or `before` before its first entry. */
function at(series: StepSeries, t: number, before = -Infinity): number {
  let value = before;
  for (let i = 0; i < series.procTimeMs.length && series.procTimeMs[i] <= t; i++) value = series.value[i];
  return value;
}

const restoredAt = (trace: RuntimeTrace) => new Set(trace.events.flatMap((e) => (e.kind === 'restored' ? [e.procTimeMs] : [])));
const taskId = (trace: RuntimeTrace, name: string) => trace.graph.tasks.find((t) => t.name === name)!.id;
const channelId = (trace: RuntimeTrace, from: string, to: string) =>
  trace.graph.channels.find((c) => c.from === taskId(trace, from) && c.to === taskId(trace, to))!.id;

/** The runtime form of vectors/flink-idleness.json: partition 1 falls silent and goes idle at 1000 ms. */
const idlenessSteps: Step[] = [
  { record: { key: 'k', ts: 5, partition: 0 } }, { record: { key: 'k', ts: 3, partition: 1 } }, { advance: 250 },
  { record: { key: 'k', ts: 15, partition: 0 } }, { advance: 200 }, { record: { key: 'k', ts: 16, partition: 0 } }, { advance: 200 },
  { record: { key: 'k', ts: 17, partition: 0 } }, { advance: 200 }, { record: { key: 'k', ts: 18, partition: 0 } }, { advance: 200 },
  { record: { key: 'k', ts: 8, partition: 1 } }, { end: true },
];
const idlenessPipeline = windowPipeline({ parallelism: 1, checkpoint: { mode: 'none' } }, {
  watermark: { type: 'bounded', delay: 0, emit: 'periodic', interval: 200, idleness: 400 }, lateOutput: true,
});

describe('watermarks in the runtime trace', () => {
  it('never moves a channel watermark back, except to −∞ when the job restores (R3.3, R3.11)', () => {
    fc.assert(fc.property(inputSteps, crashes, jobSettings, (steps, schedule, s) => {
      const r = runJob(windowPipeline({ parallelism: 2, checkpoint: { interval: s.interval }, restartDelay: s.restartDelay }), withCrashes(steps, schedule), true);
      const trace = r.runtime!;
      const restores = restoredAt(trace);
      for (const series of [...trace.watermarks.channels, ...trace.watermarks.tasks, ...trace.watermarks.partitions]) {
        for (let i = 1; i < series.value.length; i++) {
          if (series.value[i] < series.value[i - 1]) {
            expect(series.value[i]).toBe(-Infinity);
            expect(restores.has(series.procTimeMs[i])).toBe(true);
          }
        }
      }
    }), { numRuns: 150 });
  }, 60_000);

  it('a window subtask forwards exactly the minimum over its input channels at every moment (R3.6)', () => {
    fc.assert(fc.property(inputSteps, jobSettings, (steps, s) => {
      const pipeline = windowPipeline({ parallelism: 2, checkpoint: { interval: s.interval }, window: { serviceMs: s.windowServiceMs }, bufferCapacity: s.bufferCapacity });
      const trace = runJob(pipeline, [...steps, { end: true }], true).runtime!;
      const { watermarks, graph } = trace;
      for (const task of graph.tasks.filter((t) => graph.operators[t.operator].kind === 'window')) {
        const inputs = graph.channels.filter((c) => c.to === task.id);
        const times = new Set([...watermarks.tasks[task.id].procTimeMs, ...inputs.flatMap((c) => [...watermarks.channels[c.id].procTimeMs])]);
        for (const t of times) {
          expect(at(watermarks.tasks[task.id], t)).toBe(Math.min(...inputs.map((c) => at(watermarks.channels[c.id], t))));
        }
      }
    }), { numRuns: 150 });
  }, 60_000);

  it('flags a silent partition idle at 1000 ms and leaves it out of the minimum, as the single-operator run does (R3.5, R3.6)', () => {
    const r = runJob(idlenessPipeline, idlenessSteps, true);
    const { watermarks } = r.runtime!;
    const trace = r.runtime!;
    expect(at(watermarks.partitionIdle[1], 999, 0)).toBe(0);
    expect(at(watermarks.partitionIdle[1], 1000, 0)).toBe(1);
    expect(at(watermarks.partitionIdle[0], 1000, 0)).toBe(0);
    // source-1 reads only partition 1: its output, and the channel it feeds, are IDLE.
    expect(at(watermarks.taskIdle[taskId(trace, 'source-1')], 1000, 0)).toBe(1);
    expect(at(watermarks.channelIdle[channelId(trace, 'source-1', 'window-0')], 1000, 0)).toBe(1);
    // Before: held back by partition 1 at W = 2; after: partition 0's W = 17 alone.
    const window = watermarks.tasks[taskId(trace, 'window-0')];
    expect(at(window, 999)).toBe(2);
    expect(at(window, 1000)).toBe(17);
    expect(r.result.emitted).toEqual([
      { step: 10, key: 'k', start: 0, end: 10, value: 2, timing: 'ON_TIME', ts: 9 },
      { step: 12, key: 'k', start: 10, end: 20, value: 4, timing: 'ON_TIME', ts: 19 },
    ]);
    // The late record is read in the ms after it arrived, when the `end` step has arrived too.
    expect(r.result.late.map(({ key, ts }) => ({ key, ts }))).toEqual([{ key: 'k', ts: 8 }]);
  });

  it('a partition that reads a record again is active again once its watermark moves (R3.5)', () => {
    const r = runJob(idlenessPipeline, [...idlenessSteps.slice(0, -1), { record: { key: 'k', ts: 30, partition: 1 } }, { advance: 200 }, { end: true }], true);
    const { watermarks } = r.runtime!;
    expect(at(watermarks.partitionIdle[1], 1050, 0)).toBe(1);
    // The emission at 1200 moves partition 1 from 2 to 29: ACTIVE again, and the channel with it.
    expect(at(watermarks.partitionIdle[1], 1200, 0)).toBe(0);
    expect(at(watermarks.channelIdle[channelId(r.runtime!, 'source-1', 'window-0')], 1200, 0)).toBe(0);
  });
});

describe('the job while it is down', () => {
  const crashed = () => runJob(
    windowPipeline({ parallelism: 1, checkpoint: { interval: 50 }, restartDelay: 300 }, { partitions: 1 }),
    [{ record: { key: 'a', ts: 1 } }, { advance: 105 }, { crash: { operator: 'window', subtask: 0 } }, { advance: 1000 }, { record: { key: 'a', ts: 2 } }, { end: true }],
    true,
  ).runtime!;

  it('samples every task as down from the crash until the restart delay has passed (R7.12)', () => {
    const { samples, graph } = crashed();
    const stateAt = (t: number) => {
      let row = -1;
      for (let i = 0; i < samples.length && samples.procTimeMs[i] <= t; i++) row = i;
      return Array.from(samples.state.subarray(row * graph.tasks.length, (row + 1) * graph.tasks.length));
    };
    const down = graph.tasks.map(() => TaskState.Down);
    expect(stateAt(105)).toEqual(down);
    expect(stateAt(250)).toEqual(down);
    expect(stateAt(400)).toEqual(down);
    // Rows every 10 ms while down, so the gauge shows a restart in progress instead of a gap.
    const downRows = Array.from(samples.procTimeMs).filter((t) => t > 105 && t < 405);
    expect(downRows).toEqual(Array.from({ length: 30 }, (_, i) => 110 + 10 * i));
    // The restart at 405 ms; the next row is on the 10 ms grid.
    expect(stateAt(410)).not.toEqual(down);
  });

  it('reports the down time in the metrics bucket and keeps the four ratios at 1000 ms per second', () => {
    const trace = crashed();
    const first = trace.metrics[0];
    expect(first.downMs).toBe(300);
    for (const t of first.tasks) {
      expect(t.downMsPerSecond).toBe(300);
      expect(t.busyMsPerSecond + t.backPressuredMsPerSecond + t.idleMsPerSecond + t.downMsPerSecond).toBeCloseTo(1000, 5);
    }
  });
});
