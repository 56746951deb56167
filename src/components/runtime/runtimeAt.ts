// What the runtime trace says at processing time t: the last sample row, the last finished metrics bucket, and how
// many events and sink writes have happened. The simulator's `traceAt` covers the core trace only, so the runtime
// views share this one read-only lookup instead of each bisecting the trace its own way (STYLE §1).
import { bisectRight, bisector } from 'd3';
import type { RuntimeTrace } from '../../sim/runtime/types.ts';

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

const byTime = bisector((d: { procTimeMs: number }) => d.procTimeMs).right;

export function runtimeAt(runtime: RuntimeTrace, procTimeMs: number): RuntimeNow {
  const { samples } = runtime;
  return {
    procTimeMs,
    row: bisectRight(samples.procTimeMs, procTimeMs, 0, samples.length) - 1,
    bucket: byTime(runtime.metrics, procTimeMs) - 1,
    events: byTime(runtime.events, procTimeMs),
    writes: byTime(runtime.writes, procTimeMs),
  };
}

/** Every distinct time something happens in the job: playback steps from one to the next. */
export function runtimeMoments(runtime: RuntimeTrace, arrivalsMs: ArrayLike<number>): Float64Array {
  const times = new Set<number>();
  for (const event of runtime.events) times.add(event.procTimeMs);
  for (const write of runtime.writes) times.add(write.procTimeMs);
  for (const bucket of runtime.metrics) times.add(bucket.procTimeMs);
  for (let i = 0; i < arrivalsMs.length; i++) times.add(arrivalsMs[i]);
  return Float64Array.from(times).sort();
}
