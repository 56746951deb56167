// The two baselines the simulator is measured against, computing the same keyed tumbling count with Flink's
// periodic bounded-out-of-orderness watermark (W = max − D − 1 every `intervalMs` of arrival time; a window
// [s, e) fires when W ≥ e − 1; a record is dropped when its window's e − 1 ≤ W; the end flushes everything).
import { from, lastValueFrom, mergeMap, scan, toArray } from 'rxjs';
import type { GeneratedEvents } from '../../src/sim/generator.ts';

export interface Job { sizeMs: number; delayMs: number; intervalMs: number }
/** One fired window: key id, window start, count. */
export type Fired = [number, number, number];

/** A plain loop written for speed: numeric keys, one Map per window start, windows fired in start order. */
export function plainLoop(input: GeneratedEvents, job: Job): Fired[] {
  const { arrivalMs, ts, keyId } = input;
  const open = new Map<number, Map<number, number>>();
  const fired: Fired[] = [];
  let maxTs = -Infinity;
  let wm = -Infinity;
  let nextTick = job.intervalMs;
  let lowestStart = Infinity;
  const fireUpTo = (watermark: number) => {
    while (lowestStart !== Infinity && lowestStart + job.sizeMs - 1 <= watermark) {
      const counts = open.get(lowestStart)!;
      const keys = [...counts.keys()].sort((a, b) => a - b);
      for (const k of keys) fired.push([k, lowestStart, counts.get(k)!]);
      open.delete(lowestStart);
      lowestStart = open.size === 0 ? Infinity : Math.min(...open.keys());
    }
  };
  for (let i = 0; i < input.count; i++) {
    while (nextTick < arrivalMs[i]) {
      const next = maxTs - job.delayMs - 1;
      if (next > wm) fireUpTo((wm = next));
      nextTick += job.intervalMs;
    }
    const t = ts[i];
    const start = t - (((t % job.sizeMs) + job.sizeMs) % job.sizeMs);
    if (start + job.sizeMs - 1 > wm) {
      let counts = open.get(start);
      if (!counts) {
        open.set(start, (counts = new Map()));
        if (start < lowestStart) lowestStart = start;
      }
      counts.set(keyId[i], (counts.get(keyId[i]) ?? 0) + 1);
    }
    if (t > maxTs) maxTs = t;
  }
  fireUpTo(Infinity);
  return fired;
}

type Input = { kind: 'record'; key: number; ts: number } | { kind: 'tick' } | { kind: 'end' };
interface State { windows: Map<string, { key: number; start: number; count: number }>; maxTs: number; wm: number; fired: Fired[] }

/** An idiomatic RxJS pipeline: an event stream with watermark ticks, state in `scan`, fired windows flattened. */
export async function rxjsPipeline(input: GeneratedEvents, job: Job): Promise<Fired[]> {
  function* events(): Generator<Input> {
    let nextTick = job.intervalMs;
    for (let i = 0; i < input.count; i++) {
      while (nextTick < input.arrivalMs[i]) {
        yield { kind: 'tick' };
        nextTick += job.intervalMs;
      }
      yield { kind: 'record', key: input.keyId[i], ts: input.ts[i] };
    }
    yield { kind: 'end' };
  }
  const closeUpTo = (state: State, wm: number): Fired[] => {
    const due = [...state.windows.entries()].filter(([, w]) => w.start + job.sizeMs - 1 <= wm);
    for (const [id] of due) state.windows.delete(id);
    return due.map(([, w]) => [w.key, w.start, w.count]);
  };
  const step = (state: State, e: Input): State => {
    if (e.kind === 'record') {
      const start = e.ts - (((e.ts % job.sizeMs) + job.sizeMs) % job.sizeMs);
      if (start + job.sizeMs - 1 > state.wm) {
        const id = `${e.key}@${start}`;
        const w = state.windows.get(id) ?? { key: e.key, start, count: 0 };
        w.count++;
        state.windows.set(id, w);
      }
      return { ...state, maxTs: Math.max(state.maxTs, e.ts), fired: [] };
    }
    const wm = e.kind === 'end' ? Infinity : state.maxTs - job.delayMs - 1;
    if (wm <= state.wm) return { ...state, fired: [] };
    return { ...state, wm, fired: closeUpTo(state, wm) };
  };
  const initial: State = { windows: new Map(), maxTs: -Infinity, wm: -Infinity, fired: [] };
  return lastValueFrom(from(events()).pipe(scan(step, initial), mergeMap((s) => s.fired), toArray()));
}
