// The runtime trace at processing time t comes from the simulator's one lookup (runtimeAt, STYLE §1); the views
// add only the moments playback steps between.
import type { RuntimeTrace } from '../../sim/runtime/types.ts';

export { runtimeAt, type RuntimeNow } from '../../sim/index.ts';

/** Every distinct time something happens in the job: playback steps from one to the next. */
export function runtimeMoments(runtime: RuntimeTrace, arrivalsMs: ArrayLike<number>): Float64Array {
  const times = new Set<number>();
  for (const event of runtime.events) times.add(event.procTimeMs);
  for (const write of runtime.writes) times.add(write.procTimeMs);
  for (const bucket of runtime.metrics) times.add(bucket.procTimeMs);
  for (let i = 0; i < arrivalsMs.length; i++) times.add(arrivalsMs[i]);
  return Float64Array.from(times).sort();
}
