// The one query over a trace: what is true at processing time t. Starts from the nearest keyframe at or before t
// and replays only the rows after it, so a seek costs at most one keyframe interval.
import type { Keyframe, OpenWindow, Trace, TraceState } from '../types.ts';

/** Number of leading entries with procTimeMs ≤ t (every table is in processing-time order). */
function countUpTo(length: number, procTimeMs: (i: number) => number, t: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (procTimeMs(mid) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function nearestKeyframe(trace: Trace, t: number): Keyframe | undefined {
  const n = countUpTo(trace.keyframes.length, (i) => trace.keyframes[i].procTimeMs, t);
  return n > 0 ? trace.keyframes[n - 1] : undefined;
}

/** `useKeyframes: false` replays from the start: the reference the keyframed seek must equal. */
export function stateAt(trace: Trace, t: number, useKeyframes: boolean): TraceState {
  const kf = useKeyframes ? nearestKeyframe(trace, t) : undefined;
  const { assignments: a, watermarks: w } = trace;
  // Copy-on-write: the keyframe's arrays are shared until a replayed assignment adds to one.
  const open = new Map<number, number[]>(kf?.open);
  const owned = new Set<number>();
  const partitionWm = kf ? Array.from(kf.partitionWm) : new Array<number>(trace.partitions).fill(-Infinity);
  const partitionIdle = kf ? Array.from(kf.partitionIdle, (x) => x === 1) : new Array<boolean>(trace.partitions).fill(false);
  const partitionPaused = kf ? Array.from(kf.partitionPaused, (x) => x === 1) : new Array<boolean>(trace.partitions).fill(false);
  let operatorWm = kf ? kf.operatorWm : -Infinity;
  const timers = kf ? { ...kf.timers } : { set: 0, fired: 0, deleted: 0 };

  const aEnd = countUpTo(a.length, (i) => a.procTimeMs[i], t);
  const pEnd = countUpTo(trace.panes.length, (i) => trace.panes[i].procTimeMs, t);
  const eEnd = countUpTo(trace.events.length, (i) => trace.events[i].procTimeMs, t);
  let ai = kf ? kf.assignments : 0;
  let pi = kf ? kf.panes : 0;
  let ei = kf ? kf.events : 0;
  // Window contents change by assignments, purging panes, merges and closes: apply them in sequence order.
  for (;;) {
    const aSeq = ai < aEnd ? a.seq[ai] : Infinity;
    const pSeq = pi < pEnd ? trace.panes[pi].seq : Infinity;
    const eSeq = ei < eEnd ? trace.events[ei].seq : Infinity;
    if (aSeq === Infinity && pSeq === Infinity && eSeq === Infinity) break;
    if (aSeq < pSeq && aSeq < eSeq) {
      const id = a.windowId[ai];
      const held = open.get(id);
      if (!held) {
        open.set(id, [a.record[ai]]);
        owned.add(id);
      } else if (owned.has(id)) {
        held.push(a.record[ai]);
      } else {
        open.set(id, [...held, a.record[ai]]);
        owned.add(id);
      }
      ai++;
    } else if (pSeq < eSeq) {
      if (trace.panes[pi].purged) open.delete(trace.panes[pi].windowId);
      pi++;
    } else {
      const e = trace.events[ei++];
      if (e.kind === 'idle') partitionIdle[e.partition] = e.isIdle;
      else if (e.kind === 'alignment-paused' || e.kind === 'alignment-resumed') partitionPaused[e.partition] = e.kind === 'alignment-paused';
      else if (e.kind === 'timer-set') timers.set++;
      else if (e.kind === 'timer-fired') timers.fired++;
      else if (e.kind === 'timer-deleted') timers.deleted++;
      else if (e.kind === 'window-closed') open.delete(e.windowId);
      else if (e.kind === 'window-merged') {
        const merged = e.from.flatMap((id) => open.get(id) ?? []).sort((x, y) => x - y);
        for (const id of e.from) open.delete(id);
        if (merged.length > 0) {
          open.set(e.into, merged);
          owned.add(e.into);
        }
      }
    }
  }
  const o = trace.outputWatermarks;
  const oEnd = countUpTo(o.length, (i) => o.procTimeMs[i], t);
  const outputWm = oEnd > 0 ? o.value[oEnd - 1] : kf && kf.outputWatermarks > 0 ? kf.outputWm : -Infinity;
  const wEnd = countUpTo(w.length, (i) => w.procTimeMs[i], t);
  for (let i = kf ? kf.watermarks : 0; i < wEnd; i++) {
    if (w.scope[i] < 0) operatorWm = w.value[i];
    else partitionWm[w.scope[i]] = w.value[i];
  }

  // Map order is the order windows first received a record, the same whichever keyframe the replay started from.
  const openWindows: OpenWindow[] = [];
  let heldRecords = 0;
  for (const [windowId, held] of open) {
    const keyId = trace.windows.keyId[windowId];
    openWindows.push({ windowId, keyId, key: trace.keys[keyId], start: trace.windows.start[windowId], end: trace.windows.end[windowId], records: held });
    heldRecords += held.length;
  }
  return {
    procTimeMs: t, operatorWm, outputWm: trace.profile === 'beam' ? outputWm : operatorWm, partitionWm, partitionIdle, partitionPaused, openWindows,
    records: countUpTo(trace.records.length, (i) => trace.records.procTimeMs[i], t),
    panes: pEnd,
    drops: countUpTo(trace.drops.length, (i) => trace.drops[i].procTimeMs, t),
    events: eEnd,
    timers: { ...timers, pending: timers.set - timers.fired - timers.deleted },
    stateSize: { windows: openWindows.length, records: heldRecords },
  };
}

/** The state at processing time t: equal to replaying the run up to and including t. */
export function traceAt(trace: Trace, procTimeMs: number): TraceState {
  return stateAt(trace, procTimeMs, true);
}
