// The checkpoint and recovery view's reading of the runtime trace up to time t: every checkpoint with its progress
// per task (barriers received on how many input channels, aligned, snapshotted), the rewinds, and the sink's
// writes as a read_uncommitted and a read_committed reader see them (R7.7–R7.13). Read only; nothing decided here.
import type { RuntimeTrace, SinkWrite } from '../../sim/runtime/types.ts';
import type { RuntimeNow } from './runtimeAt.ts';

export type TaskProgress = 'waiting' | 'aligning' | 'snapshotted';

export interface CheckpointAt {
  id: number;
  startedMs: number;
  offsets: number[];
  status: 'in flight' | 'completed' | 'failed';
  endedMs?: number;
  durationMs?: number;
  bytes?: number;
  reason?: string;
  isFinal: boolean;
  /** Per task: input channels that delivered this barrier, and whether the task snapshotted. */
  barriers: number[];
  aligned: (number | undefined)[];
  snapshotted: boolean[];
}

export function checkpointsAt(runtime: RuntimeTrace, now: RuntimeNow): CheckpointAt[] {
  const byId = new Map<number, CheckpointAt>();
  const tasks = runtime.graph.tasks.length;
  for (let i = 0; i < now.events; i++) {
    const e = runtime.events[i];
    if (e.kind === 'checkpoint-started') {
      byId.set(e.checkpoint, { id: e.checkpoint, startedMs: e.procTimeMs, offsets: e.offsets, status: 'in flight', isFinal: false,
        barriers: new Array(tasks).fill(0), aligned: new Array(tasks).fill(undefined), snapshotted: new Array(tasks).fill(false) });
      continue;
    }
    const c = 'checkpoint' in e ? byId.get(e.checkpoint) : undefined;
    if (!c) continue;
    if (e.kind === 'barrier') c.barriers[e.task]++;
    else if (e.kind === 'aligned') c.aligned[e.task] = e.alignmentMs;
    else if (e.kind === 'snapshot') c.snapshotted[e.task] = true;
    else if (e.kind === 'checkpoint-completed') Object.assign(c, { status: 'completed', endedMs: e.procTimeMs, durationMs: e.durationMs, bytes: e.bytes, isFinal: e.isFinal });
    else if (e.kind === 'checkpoint-failed') Object.assign(c, { status: 'failed', endedMs: e.procTimeMs, reason: e.reason });
  }
  return [...byId.values()];
}

export function progressOf(c: CheckpointAt, task: number): TaskProgress {
  if (c.snapshotted[task]) return 'snapshotted';
  return c.barriers[task] > 0 ? 'aligning' : 'waiting';
}

/** Input channels per task (sources have none: their barrier starts at the checkpoint trigger). */
export function inputCounts(runtime: RuntimeTrace): number[] {
  const counts = runtime.graph.tasks.map(() => 0);
  for (const channel of runtime.graph.channels) counts[channel.to]++;
  return counts;
}

export interface Rewind { procTimeMs: number; partition: number; fromOffset: number; toOffset: number }

export function rewindsAt(runtime: RuntimeTrace, now: RuntimeNow): Rewind[] {
  const rewinds: Rewind[] = [];
  for (let i = 0; i < now.events; i++) {
    const e = runtime.events[i];
    if (e.kind === 'rewound') rewinds.push(e);
  }
  return rewinds;
}

export interface SinkView {
  /** read_uncommitted: every write so far, in write order. */
  uncommitted: SinkWrite[];
  /** read_committed: writes visible by t, in commit order; only differs for a transactional sink. */
  committed: SinkWrite[];
  duplicates: number;
  replays: number;
}

export function sinkAt(runtime: RuntimeTrace, now: RuntimeNow): SinkView {
  const uncommitted = runtime.writes.slice(0, now.writes);
  const committed = runtime.writes.filter((w) => w.visibleAtMs <= now.procTimeMs)
    .map((write, order) => ({ write, order }))
    .sort((a, b) => a.write.visibleAtMs - b.write.visibleAtMs || a.order - b.order)
    .map(({ write }) => write);
  return { uncommitted, committed, duplicates: uncommitted.filter((w) => w.isDuplicate).length, replays: uncommitted.filter((w) => w.isReplay).length };
}
