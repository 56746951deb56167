// "What is true at t" for the parallel runtime's trace (src/sim/runtime/types.ts), the counterpart of traceAt for
// the dataflow, checkpoint and metrics views: one place bisects the runtime's time-sorted tables.
import { bisector } from 'd3';
import type { MetricsBucket, RuntimeEvent, RuntimeTrace, SinkWrite } from '../../sim/index.ts';

export interface RuntimeState {
  /** Row of `samples` in force at t (the last with procTimeMs ≤ t), or −1 before the first. */
  sample: number;
  /** Prefix lengths: events, metric buckets and sink writes that happened by t. */
  events: number;
  metrics: number;
  writes: number;
}

const byEventTime = bisector((event: RuntimeEvent) => event.procTimeMs);
const byBucketTime = bisector((bucket: MetricsBucket) => bucket.procTimeMs);
const byWriteTime = bisector((write: SinkWrite) => write.procTimeMs);

export function runtimeAt(runtime: RuntimeTrace, procTimeMs: number): RuntimeState {
  const samples = runtime.samples.procTimeMs.subarray(0, runtime.samples.length);
  return {
    sample: bisector((t: number) => t).right(samples, procTimeMs) - 1,
    events: byEventTime.right(runtime.events, procTimeMs),
    metrics: byBucketTime.right(runtime.metrics, procTimeMs),
    writes: byWriteTime.right(runtime.writes, procTimeMs),
  };
}

export type CheckpointStatus = { id: number; startedMs: number; status: 'in flight' | 'completed' | 'failed'; endMs?: number; durationMs?: number; bytes?: number; reason?: string; barriers: number };

/** Checkpoints started by t, with what has become of each by then. */
export function checkpointsAt(runtime: RuntimeTrace, state: RuntimeState): CheckpointStatus[] {
  const byId = new Map<number, CheckpointStatus>();
  for (let i = 0; i < state.events; i++) {
    const event = runtime.events[i];
    if (event.kind === 'checkpoint-started') byId.set(event.checkpoint, { id: event.checkpoint, startedMs: event.procTimeMs, status: 'in flight', barriers: 0 });
    const known = 'checkpoint' in event ? byId.get(event.checkpoint) : undefined;
    if (!known) continue;
    if (event.kind === 'barrier') known.barriers++;
    if (event.kind === 'checkpoint-completed') Object.assign(known, { status: 'completed', endMs: event.procTimeMs, durationMs: event.durationMs, bytes: event.bytes });
    if (event.kind === 'checkpoint-failed') Object.assign(known, { status: 'failed', endMs: event.procTimeMs, reason: event.reason });
  }
  return [...byId.values()];
}

/** Task state codes at t, one per task (TaskState; idle before the first sample). */
export function taskStatesAt(runtime: RuntimeTrace, state: RuntimeState): number[] {
  const tasks = runtime.graph.tasks.length;
  if (state.sample < 0) return new Array(tasks).fill(0);
  return Array.from(runtime.samples.state.subarray(state.sample * tasks, (state.sample + 1) * tasks));
}

export function channelFillAt(runtime: RuntimeTrace, state: RuntimeState): number[] {
  const channels = runtime.graph.channels.length;
  if (state.sample < 0) return new Array(channels).fill(0);
  return Array.from(runtime.samples.channelFill.subarray(state.sample * channels, (state.sample + 1) * channels));
}

export function consumerLagAt(runtime: RuntimeTrace, state: RuntimeState): number[] {
  const partitions = runtime.graph.partitions;
  if (state.sample < 0) return new Array(partitions).fill(0);
  return Array.from(runtime.samples.consumerLag.subarray(state.sample * partitions, (state.sample + 1) * partitions));
}
