// How engines without Flink's checkpoints make their progress durable, read from the runtime trace up to t:
// Spark's micro-batches (offsets/N written when a batch is planned, the sink written at its end, commits/N after;
// R7.15) and Kafka Streams' commits per stream thread (R7.14). Read only; the simulator decides them.
import type { RuntimeTrace } from '../../sim/runtime/types.ts';
import type { RuntimeNow } from './runtimeAt.ts';

export interface BatchAt {
  batch: number;
  attempt: number;
  rows: number;
  offsets: number[];
  /** offsets/N written: the batch was planned and started (late by `lateByMs` when the previous one overran). */
  plannedMs: number;
  lateByMs: number;
  writtenMs?: number;
  /** commits/N written: the batch will never run again. */
  committedMs?: number;
}

/** Every attempt of every micro-batch started by t, oldest first. */
export function batchesAt(runtime: RuntimeTrace, now: RuntimeNow): BatchAt[] {
  const batches: BatchAt[] = [];
  const byAttempt = new Map<string, BatchAt>();
  for (let i = 0; i < now.events; i++) {
    const e = runtime.events[i];
    if (e.kind !== 'micro-batch') continue;
    if (e.action === 'offsets') {
      const planned = { batch: e.batch, attempt: e.attempt, rows: e.rows, offsets: e.offsets, plannedMs: e.procTimeMs, lateByMs: e.lateByMs };
      batches.push(planned);
      byAttempt.set(`${e.batch}:${e.attempt}`, planned);
      continue;
    }
    const b = byAttempt.get(`${e.batch}:${e.attempt}`);
    if (b && e.action === 'write') b.writtenMs = e.procTimeMs;
    else if (b) b.committedMs = e.procTimeMs;
  }
  return batches;
}

export interface CommitAt { procTimeMs: number; thread: string; isAbort: boolean; outputs: number; changelog: number; offsets: string }

/** Every Kafka Streams commit or abort by t, oldest first, with the committed offset of each of the thread's partitions. */
export function commitsAt(runtime: RuntimeTrace, now: RuntimeNow): CommitAt[] {
  const threads = runtime.kafka?.threads ?? [];
  const commits: CommitAt[] = [];
  for (let i = 0; i < now.events; i++) {
    const e = runtime.events[i];
    if (e.kind !== 'kafka-commit') continue;
    const t = threads[e.thread];
    commits.push({
      procTimeMs: e.procTimeMs, thread: t ? `${t.instance} ${t.thread}` : `thread ${e.thread}`, isAbort: e.action === 'abort',
      outputs: e.outputs, changelog: e.changelog,
      offsets: e.offsets.flatMap((o, p) => (o >= 0 ? [`partition ${p} → ${o}`] : [])).join(', '),
    });
  }
  return commits;
}

export interface AckCounts { emitted: number; completed: number; timedOut: number; lost: number }

/** Storm's acking by t (R7.16–R7.17): spout tuple trees emitted, completed (ack value 0), timed out or lost. */
export function ackCountsAt(runtime: RuntimeTrace, now: RuntimeNow): AckCounts {
  const counts = { emitted: new Set<string>(), completed: 0, timedOut: 0, lost: 0 };
  for (let i = 0; i < now.events; i++) {
    const e = runtime.events[i];
    if (e.kind !== 'acker') continue;
    if (e.action === 'emit') counts.emitted.add(`${e.record}:${e.attempt}`);
    else if (e.action === 'complete') counts.completed++;
    else if (e.action === 'timeout') counts.timedOut++;
    else if (e.action === 'lost') counts.lost++;
  }
  return { ...counts, emitted: counts.emitted.size };
}
