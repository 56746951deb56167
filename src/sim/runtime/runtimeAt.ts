// What the runtime trace says at processing time t, for every view and grader alike: the last sample row, the last
// finished metrics bucket, how many events and sink writes have happened, and the value of a step series. Every
// lookup is a binary search over times that never decrease.
import type { RuntimeTrace, StepSeries } from './types.ts';

export interface RuntimeNow {
  procTimeMs: number;
  /** Last sample row with procTimeMs ≤ t; −1 before the first (every task idle, every channel empty). */
  row: number;
  /** Last metrics bucket that ended by t; −1 before the first one ends. */
  bucket: number;
  /** Prefix counts: `events[0 … events)` and `writes[0 … writes)` have happened. */
  events: number;
  writes: number;
}

/** How many of the first `length` items have a time ≤ t. */
function countUpTo(length: number, timeOf: (i: number) => number, t: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeOf(mid) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function runtimeAt(runtime: RuntimeTrace, procTimeMs: number): RuntimeNow {
  const { samples, metrics, events, writes } = runtime;
  return {
    procTimeMs,
    row: countUpTo(samples.length, (i) => samples.procTimeMs[i], procTimeMs) - 1,
    bucket: countUpTo(metrics.length, (i) => metrics[i].procTimeMs, procTimeMs) - 1,
    events: countUpTo(events.length, (i) => events[i].procTimeMs, procTimeMs),
    writes: countUpTo(writes.length, (i) => writes[i].procTimeMs, procTimeMs),
  };
}

/** A step series' value at t (its last entry at or before t), or `before` (−∞ for watermarks, 0 for flags). */
export function seriesAt(series: StepSeries, procTimeMs: number, before = -Infinity): number {
  const n = countUpTo(series.procTimeMs.length, (i) => series.procTimeMs[i], procTimeMs);
  return n === 0 ? before : series.value[n - 1];
}
