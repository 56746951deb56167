// runtimeAt / seriesAt: what the runtime trace says at a processing time, the same for every view.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runtimeAt, seriesAt } from '../../../../src/sim/index.ts';
import { crashes, inputSteps, runJob, windowPipeline, withCrashes } from './jobs.ts';

describe('runtimeAt', () => {
  it('finds the last sample row, finished bucket, events and writes at or before t, as a scan would', () => {
    fc.assert(fc.property(inputSteps, crashes, fc.integer({ min: -5, max: 3000 }), (steps, schedule, t) => {
      const trace = runJob(windowPipeline({ parallelism: 2, checkpoint: { interval: 20 }, restartDelay: 15, sink: 'transactional' }), withCrashes(steps, schedule), true).runtime!;
      const now = runtimeAt(trace, t);
      const times = Array.from(trace.samples.procTimeMs);
      expect(now.row).toBe(times.filter((x) => x <= t).length - 1);
      expect(now.bucket).toBe(trace.metrics.filter((b) => b.procTimeMs <= t).length - 1);
      expect(now.events).toBe(trace.events.filter((e) => e.procTimeMs <= t).length);
      expect(now.writes).toBe(trace.writes.filter((w) => w.procTimeMs <= t).length);
      for (const series of trace.watermarks.tasks) {
        let value = -Infinity;
        for (let i = 0; i < series.procTimeMs.length && series.procTimeMs[i] <= t; i++) value = series.value[i];
        expect(seriesAt(series, t)).toBe(value);
      }
    }), { numRuns: 200 });
  }, 60_000);

  it('reads a flag series as 0 before its first entry', () => {
    expect(seriesAt({ procTimeMs: Float64Array.of(10), value: Float64Array.of(1) }, 9, 0)).toBe(0);
    expect(seriesAt({ procTimeMs: Float64Array.of(10), value: Float64Array.of(1) }, 10, 0)).toBe(1);
  });
});
