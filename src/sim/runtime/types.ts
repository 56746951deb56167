// Types of the parallel runtime (spec §7): the job a scenario describes (spec.ts, re-exported here), and the runtime
// trace that dataflow, checkpoint and metrics views read. Times are virtual ms.
import type { PaneValue } from '../types.ts';
import type { Grouping, KafkaStreamsSpec, OperatorKind, Partitioning } from './spec.ts';

export * from './spec.ts';

// ─── Result additions (vectors.md "Runtime vectors") ───────────────────────────────────────────

export interface SinkRow { key: string; start?: number; end?: number; value: PaneValue }
export interface SinkResult { committed: SinkRow[]; all: SinkRow[]; table?: SinkRow[] }
export interface CheckpointEntry { id: number; started: number; completed: number }

// ─── Runtime trace ──────────────────────────────────────────────────────────────────────────────

export interface TaskInfo { id: number; operator: number; subtask: number; name: string }
/** A producer→consumer subtask pair (R7.5). */
export interface ChannelInfo { id: number; from: number; to: number; capacity: number }

export interface RuntimeGraph {
  operators: { name: string; kind: OperatorKind; parallelism: number; partitioning: Partitioning }[];
  tasks: TaskInfo[];
  channels: ChannelInfo[];
  maxParallelism: number;
  /** Task id → first..last key group it owns at the start (window tasks only, R7.2; `rescale` events change it). */
  keyGroups: ({ first: number; last: number } | null)[];
  partitions: number;
}

/** Task state codes in `samples.state` (R7.6). */
export const TaskState = { Idle: 0, Busy: 1, BackPressured: 2, Down: 3 } as const;

/** Fine-grained samples for live views: one row every `everyMs` while the job is active. */
export interface RuntimeSamples {
  everyMs: number;
  length: number;
  procTimeMs: Float64Array;
  /** Row-major [sample × channel]: records queued in the channel. */
  channelFill: Uint16Array;
  /** Row-major [sample × task]: TaskState. */
  state: Uint8Array;
  /** Row-major [sample × partition]: consumer lag in records (log end − committed read offset). */
  consumerLag: Float64Array;
}

/**
 * R7.6 ratios, as ms per 1000 ms of the bucket (Flink's busyTimeMsPerSecond and friends). Busy, back-pressured,
 * idle and down sum to 1000: down is the time the job spent failed over, waiting for its restart (no task exists then).
 */
export interface TaskMetrics {
  task: number;
  busyMsPerSecond: number;
  backPressuredMsPerSecond: number;
  idleMsPerSecond: number;
  downMsPerSecond: number;
  /** R7.6: OK ≤ 10 %, LOW ≤ 50 %, HIGH > 50 % back-pressured. */
  status: 'OK' | 'LOW' | 'HIGH';
  recordsIn: number;
  recordsOut: number;
  /** Window tasks: now − watermark, in ms (NaN before the first watermark or for other tasks). */
  watermarkLagMs: number;
  /** Window tasks: open windows + elements held; bytes by the size model. */
  stateEntries: number;
  stateBytes: number;
  /** Heap model: a base plus state held on the heap. */
  heapMB: number;
}

/** One bucket of `metricsIntervalMs` ending at `procTimeMs`. */
export interface MetricsBucket {
  procTimeMs: number;
  durationMs: number;
  tasks: TaskMetrics[];
  /** Records per second per operator (by `recordsOut` of its subtasks; sinks by writes). */
  throughput: number[];
  latencyMs: { p50: number; p95: number; p99: number; samples: number };
  consumerLag: number;
  /** Time to read the lag at the last bucket's net drain rate; Infinity when it grows. */
  drainTimeMs: number;
  restarts: number;
  /** Ms of this bucket the job was down (failed over, waiting for the restart delay or a rescale pause). */
  downMs: number;
}

/**
 * A step function over processing time: `value[i]` holds from `procTimeMs[i]` until the next entry (ascending; two
 * entries may share a ms, the later one wins). Before the first entry a watermark is −∞ and a flag is 0.
 */
export interface StepSeries { procTimeMs: Float64Array; value: Float64Array }

/**
 * Watermarks and idleness over processing time, one entry per change (never per record). After a restore every
 * watermark series gets a −∞ entry and every flag a 0 entry at the `restored` event's time (R3.11).
 */
export interface RuntimeWatermarks {
  /** By channel id: the last watermark that arrived on the channel, as the receiving task's valve holds it (R3.6). */
  channels: StepSeries[];
  /** By channel id: 1 while the channel's status is IDLE (every input of the sending task is idle, R3.6), else 0. */
  channelIdle: StepSeries[];
  /**
   * By task id: the watermark the task forwards — the min over its ACTIVE, aligned input channels (R3.6); a source:
   * over its non-idle partitions (R3.4); a window subtask fires its timers up to it first (R3.8); a sink holds it.
   */
  tasks: StepSeries[];
  /** By task id: 1 while the task's output is IDLE (all of its inputs or partitions are idle), else 0. */
  taskIdle: StepSeries[];
  /** By source partition: the watermark its own generator emitted (R3.1, R3.2). */
  partitions: StepSeries[];
  /** By source partition: 1 while the partition is idle (`withIdleness`, R3.5), else 0. */
  partitionIdle: StepSeries[];
}

export type RuntimeEvent =
  | { kind: 'checkpoint-started'; procTimeMs: number; checkpoint: number; offsets: number[] }
  | { kind: 'barrier'; procTimeMs: number; checkpoint: number; task: number; channel: number }
  | { kind: 'aligned'; procTimeMs: number; checkpoint: number; task: number; alignmentMs: number }
  | { kind: 'snapshot'; procTimeMs: number; checkpoint: number; task: number; bytes: number; inFlight: number }
  | { kind: 'checkpoint-completed'; procTimeMs: number; checkpoint: number; durationMs: number; bytes: number; isFinal: boolean }
  | { kind: 'checkpoint-failed'; procTimeMs: number; checkpoint: number; reason: string }
  | { kind: 'checkpoint-skipped'; procTimeMs: number; reason: string }
  | { kind: 'failure'; procTimeMs: number; failure: string; task: number; reason: string }
  | { kind: 'task-lost'; procTimeMs: number; task: number; reason: string }
  | { kind: 'restart-scheduled'; procTimeMs: number; atMs: number; attempt: number; reason: string }
  | { kind: 'job-failed'; procTimeMs: number; reason: string }
  | { kind: 'restored'; procTimeMs: number; checkpoint: number; offsets: number[]; reason: string }
  | { kind: 'rewound'; procTimeMs: number; partition: number; fromOffset: number; toOffset: number }
  /** Checkpointing off: records whose effect a failure destroyed (trace record indices). */
  | { kind: 'lost'; procTimeMs: number; records: number[]; reason: string }
  | { kind: 'transaction'; procTimeMs: number; task: number; txn: number; action: 'pre-commit' | 'commit' | 'abort'; writes: number }
  | { kind: 'side-effect'; procTimeMs: number; task: number; record: number; isDuplicate: boolean }
  | { kind: 'gc-pause'; procTimeMs: number; task: number; durationMs: number }
  | { kind: 'note'; procTimeMs: number; text: string }
  /**
   * The autoscaler changed an operator's parallelism (`operator`: its name; the window's key groups move between
   * subtasks, R7.2; a map or filter moves no state). One event per operator changed; they share one restart.
   */
  | { kind: 'rescale'; procTimeMs: number; from: number; to: number; movedKeyGroups: number; pauseMs: number; reason: string; operator: string }
  /** spark (R7.15): offsets/N written and batch N started (late when the previous one overran), sink write, commits/N. */
  /** storm (R7.16, R7.17): one change of a spout tuple's ack value; `ackVal` 16 hex digits, all zero when complete. */
  | { kind: 'acker'; procTimeMs: number; record: number; attempt: number; task: number; action: 'emit' | 'anchor' | 'ack' | 'complete' | 'timeout' | 'lost'; tuple: string; ackVal: string }
  /**
   * kafka-streams (R7.14): a stream thread's commit — `exactly_once_v2`: its transaction (outputs, changelog writes,
   * input offsets) commits or aborts; `at_least_once`: offsets are committed (outputs were visible at once).
   * `offsets[p]` is the committed offset per partition of the thread's tasks (−1: not one of its partitions).
   */
  | { kind: 'kafka-commit'; procTimeMs: number; thread: number; txn: number; action: 'commit' | 'abort'; outputs: number; changelog: number; offsets: number[] }
  /** kafka-streams: a task rebuilds its state store from its changelog before it processes again. */
  | { kind: 'restore'; procTimeMs: number; task: number; thread: number; changelogRecords: number; durationMs: number; reason: string }
  /** storm: a tuple went from task `from` to task `to` by the receiving bolt's grouping. */
  | { kind: 'route'; procTimeMs: number; record: number; attempt: number; from: number; to: number; grouping: Grouping }
  | { kind: 'micro-batch'; procTimeMs: number; batch: number; action: 'offsets' | 'write' | 'commit'; rows: number; offsets: number[]; attempt: number; lateByMs: number };

/** Every write a sink made, in order. */
export interface SinkWrite {
  procTimeMs: number;
  task: number;
  row: SinkRow;
  /** Transactional sinks: the transaction; −1 otherwise. */
  txn: number;
  /** When a read_committed reader first sees it (NaN: never — aborted or still open). */
  visibleAtMs: number;
  /** Equal to an earlier write (same key, window and value): what a read_uncommitted reader sees twice. */
  isDuplicate: boolean;
  /** Equal to a row a read_committed reader had already seen when this one became visible (false until then). */
  isCommittedDuplicate: boolean;
  /** Written while replaying input after a restore. */
  isReplay: boolean;
}

export interface RuntimeTrace {
  graph: RuntimeGraph;
  events: RuntimeEvent[];
  samples: RuntimeSamples;
  watermarks: RuntimeWatermarks;
  metrics: MetricsBucket[];
  writes: SinkWrite[];
  /** Per log record (index = trace.records index): how many times a source read it (≥ 2 means replayed). */
  reads: Uint16Array;
  endProcTimeMs: number;
  /** storm: spout tuples in flight (emitted, not yet acked or failed; R7.18 caps it), and the worker of each task. */
  storm?: { spoutPending: StepSeries; maxSpoutPending: number; workerOf: number[] };
  /** kafka-streams: which stream thread runs which tasks (graph task ids), from the task assignment. */
  kafka?: { guarantee: KafkaStreamsSpec['guarantee']; commitIntervalMs: number; threads: { instance: string; thread: string; tasks: number[] }[] };
}
