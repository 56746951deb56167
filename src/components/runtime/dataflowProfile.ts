// What the dataflow view shows depends on the engine the run models: Flink jobs have watermarks on every channel
// and key groups; a Storm topology has bolt tasks fed by stream groupings and (unless a bolt is windowed) no
// watermarks; Kafka Streams has instances → stream threads → tasks, stream time per task and commits; a Spark query
// is one driver planning micro-batches. Everything here is read from the runtime trace; the view decides nothing.
import type { ProfileId } from '../../sim/index.ts';
import { TaskState, type Grouping, type RuntimeTrace } from '../../sim/runtime/types.ts';
import type { RuntimeNow } from './runtimeAt.ts';

export type Routing = 'key-groups' | 'groupings' | 'threads' | 'none';

export interface DataflowShows {
  /** The run recorded watermarks (a Flink job always has them: −∞ before the first is a fact, not a gap). */
  watermarks: boolean;
  /** The run sampled each task's busy / idle / back-pressured state. */
  states: boolean;
  routing: Routing;
  /** Sentences naming what this profile's run does not have, so an absent row is explained, not left blank. */
  absent: string[];
}

export function dataflowShows(runtime: RuntimeTrace, profile: ProfileId): DataflowShows {
  const w = runtime.watermarks;
  const hasWatermarks = profile === 'flink' || [...w.tasks, ...w.channels, ...w.partitions].some((s) => s.procTimeMs.length > 0);
  const states = runtime.samples.length > 0 || profile === 'flink';
  const absent: string[] = [];
  if (!hasWatermarks) absent.push(NO_WATERMARKS[profile] ?? 'This run records no watermarks.');
  if (!states) absent.push('This run records no busy, idle or back-pressured samples per task, so the boxes name tasks only.');
  const routing: Routing = profile === 'storm' ? 'groupings' : profile === 'kafka-streams' ? 'threads' : profile === 'spark' ? 'none' : 'key-groups';
  return { watermarks: hasWatermarks, states, routing, absent };
}

const NO_WATERMARKS: Partial<Record<ProfileId, string>> = {
  storm: 'No watermarks: this topology has no windowed bolt, so its tuples carry no event-time progress.',
  'kafka-streams': 'No watermarks: Kafka Streams has none. Each task keeps its own stream time (the largest timestamp it has read), which closes its windows; the time plot shows when they fired.',
  spark: 'No per-task watermarks: Spark computes one watermark per query at the end of each micro-batch; the time plot shows it.',
};

/** The grouping a Storm bolt subscribes with, as the tuples routed to it say; before any tuple, from the partitioning. */
export function groupingOf(runtime: RuntimeTrace, operator: number): Grouping | undefined {
  const { graph } = runtime;
  for (const e of runtime.events) if (e.kind === 'route' && graph.tasks[e.to].operator === operator) return e.grouping;
  return undefined;
}

export interface BoltTaskLoad { task: number; name: string; worker: number; tuples: number; keys: string[] }

/** Tuples each bolt task of `operator` has received by t (route events, replays included) and the keys among them. */
export function boltLoads(runtime: RuntimeTrace, now: RuntimeNow, operator: number, keyOf: (record: number) => string): BoltTaskLoad[] {
  const { graph } = runtime;
  const loads = new Map(graph.tasks.filter((t) => t.operator === operator).map((t) => [t.id, { task: t.id, name: t.name, worker: runtime.storm?.workerOf[t.id] ?? 0, tuples: 0, keys: [] as string[] }]));
  for (let i = 0; i < now.events; i++) {
    const e = runtime.events[i];
    const load = e.kind === 'route' ? loads.get(e.to) : undefined;
    if (!load || e.kind !== 'route') continue;
    load.tuples++;
    const key = keyOf(e.record);
    if (!load.keys.includes(key)) load.keys.push(key);
  }
  return [...loads.values()];
}

export interface StreamThreadAt {
  instance: string;
  thread: string;
  tasks: { id: number; name: string }[];
  isDown: boolean;
  commits: number;
  aborts: number;
  lastCommitMs?: number;
}

/** Each stream thread's tasks (the assignment), whether it is down now, and its commits and aborts by t. */
export function streamThreadsAt(runtime: RuntimeTrace, now: RuntimeNow): StreamThreadAt[] {
  const { graph, samples } = runtime;
  const threads = (runtime.kafka?.threads ?? []).map((t) => ({
    instance: t.instance, thread: t.thread, tasks: t.tasks.map((id) => ({ id, name: graph.tasks[id].name })),
    isDown: now.row >= 0 && t.tasks.length > 0 && t.tasks.every((id) => samples.state[now.row * graph.tasks.length + id] === TaskState.Down),
    commits: 0, aborts: 0, lastCommitMs: undefined as number | undefined,
  }));
  for (let i = 0; i < now.events; i++) {
    const e = runtime.events[i];
    if (e.kind !== 'kafka-commit' || !threads[e.thread]) continue;
    if (e.action === 'commit') Object.assign(threads[e.thread], { commits: threads[e.thread].commits + 1, lastCommitMs: e.procTimeMs });
    else threads[e.thread].aborts++;
  }
  return threads;
}
