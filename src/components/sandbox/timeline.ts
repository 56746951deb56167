// A/B compare scrubs one clock over two runs: the union of their moments and the widest extent.
import type { Timeline } from '../sim/playback.svelte.ts';

export function mergeTimelines(timelines: Timeline[]): Timeline {
  if (timelines.length === 1) return timelines[0];
  const all = Float64Array.from(timelines.flatMap((t) => Array.from(t.momentsMs))).sort();
  const moments = all.filter((value, i) => i === 0 || value !== all[i - 1]);
  return { momentsMs: moments, startMs: Math.min(...timelines.map((t) => t.startMs)), endMs: Math.max(...timelines.map((t) => t.endMs)) };
}
