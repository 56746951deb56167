// What the dataflow view shows of each task and channel at time t, read from the runtime trace: the task's state
// in the last sample row (R7.6), its status and counts in the last finished metrics bucket, each input buffer's
// fill, and which keys a window subtask owns (the simulator's own key → key group → subtask functions, R7.1–R7.2).
import { keyGroupOf, subtaskOfKeyGroup } from '../../sim/index.ts';
import { TaskState, type RuntimeEvent, type RuntimeTrace, type TaskMetrics } from '../../sim/runtime/types.ts';
import type { RuntimeNow } from './runtimeAt.ts';

export type StateName = 'idle' | 'busy' | 'back-pressured' | 'down';
const STATE_NAMES: StateName[] = ['idle', 'busy', 'back-pressured', 'down'];

export interface TaskView {
  task: number;
  name: string;
  state: StateName;
  /** From the last finished metrics bucket (undefined before the first one ends). */
  metrics?: TaskMetrics;
  /** Records waiting in this task's input buffers, and their total capacity. */
  queued: number;
  capacity: number;
  keyGroups?: { first: number; last: number };
}

export function taskViews(runtime: RuntimeTrace, now: RuntimeNow): TaskView[] {
  const { graph, samples } = runtime;
  const bucket = now.bucket >= 0 ? runtime.metrics[now.bucket] : undefined;
  return graph.tasks.map((task) => {
    const code = now.row >= 0 ? samples.state[now.row * graph.tasks.length + task.id] : TaskState.Idle;
    const inputs = graph.channels.filter((c) => c.to === task.id);
    return {
      task: task.id,
      name: task.name,
      state: STATE_NAMES[code],
      metrics: bucket?.tasks[task.id],
      queued: inputs.reduce((sum, c) => sum + channelFill(runtime, now, c.id), 0),
      capacity: inputs.reduce((sum, c) => sum + c.capacity, 0),
      ...(graph.keyGroups[task.id] ? { keyGroups: graph.keyGroups[task.id]! } : {}),
    };
  });
}

export function channelFill(runtime: RuntimeTrace, now: RuntimeNow, channel: number): number {
  return now.row >= 0 ? runtime.samples.channelFill[now.row * runtime.graph.channels.length + channel] : 0;
}

/** Records queued in every channel: the records in flight between tasks. */
export function recordsInFlight(runtime: RuntimeTrace, now: RuntimeNow): number {
  let total = 0;
  for (const channel of runtime.graph.channels) total += channelFill(runtime, now, channel.id);
  return total;
}

export interface KeyRoute { key: string; keyGroup: number; subtask: number }

/** Each key's key group and the window subtask that owns it. */
export function keyRoutes(runtime: RuntimeTrace, keys: readonly string[]): KeyRoute[] {
  const { graph } = runtime;
  const window = graph.operators.findIndex((o) => o.kind === 'window');
  const parallelism = graph.operators[window].parallelism;
  return keys.map((key) => {
    const keyGroup = keyGroupOf(key, graph.maxParallelism);
    return { key, keyGroup, subtask: subtaskOfKeyGroup(keyGroup, parallelism, graph.maxParallelism) };
  });
}

export interface Skew { received: number[]; max: number; mean: number; ratio: number }

/** Records each window subtask received over the finished buckets so far; ratio = busiest / mean (1 = even). */
export function windowSkew(runtime: RuntimeTrace, now: RuntimeNow): Skew {
  const windowTasks = runtime.graph.tasks.filter((t) => runtime.graph.operators[t.operator].kind === 'window');
  const received = windowTasks.map(() => 0);
  for (let b = 0; b <= now.bucket; b++) windowTasks.forEach((t, i) => (received[i] += runtime.metrics[b].tasks[t.id].recordsIn));
  const max = Math.max(...received);
  const mean = received.reduce((a, b) => a + b, 0) / received.length;
  return { received, max, mean, ratio: mean > 0 ? max / mean : 1 };
}

/**
 * The job-level news a task box cannot show: the last restart scheduled and not yet done, or a job that gave up.
 * Read from the events; the samples have no rows while the job waits to restart.
 */
export function jobNotice(runtime: RuntimeTrace, now: RuntimeNow): RuntimeEvent | undefined {
  for (let i = now.events - 1; i >= 0; i--) {
    const e = runtime.events[i];
    if (e.kind === 'restored') return undefined;
    if (e.kind === 'restart-scheduled' || e.kind === 'job-failed') return e;
  }
  return undefined;
}
