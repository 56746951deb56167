// The job a scenario describes (`pipeline.runtime`, canonical form after parsing; spec §7). Times are virtual ms.

/** `unaligned` is exactly-once too: barriers overtake in-flight data, which goes into the snapshot (R7.10). */
export type CheckpointMode = 'exactly-once' | 'unaligned' | 'at-least-once' | 'none';
/** `idempotent`: Spark's file sink, which writes each batch id once however often the batch runs (R7.15). */
export type SinkKind = 'at-least-once' | 'transactional' | 'upsert' | 'idempotent';
export type OperatorKind = 'source' | 'map' | 'filter' | 'window' | 'sink';
/** How an operator's input is spread over its subtasks (R7.1). */
export type Partitioning = 'forward' | 'rebalance' | 'broadcast' | 'hash';

/** Cost of one record in a subtask, in ms of its time (fractions allowed: 0.25 = four records per ms). */
export type ServiceTime =
  | { type: 'fixed'; ms: number }
  | { type: 'uniform'; minMs: number; maxMs: number }
  | { type: 'exponential'; meanMs: number };

export interface OperatorSpec {
  name: string;
  kind: OperatorKind;
  parallelism: number;
  partitioning: Partitioning;
  service: ServiceTime;
  /** Per-key cost that replaces `service` (a hot key is slow). */
  keyServiceMs: Record<string, number>;
  /** filter: records with a numeric value below this are dropped. */
  minValue?: number;
  /** map: each record makes one call to the outside world that a replay cannot take back (an e-mail). */
  sideEffect?: 'email';
}

export type RestartStrategy =
  | { type: 'fixed-delay'; delayMs: number; attempts: number }
  | { type: 'exponential-delay'; initialMs: number; maxMs: number; multiplier: number; attempts: number }
  | { type: 'none' };

export type FailureKind = 'crash' | 'lost' | 'gc-pause' | 'slow-link' | 'lost-link' | 'stall-sink';

/** A scheduled intervention: data in the scenario, never a mutation of a running simulation (STYLE §1). */
export interface Failure {
  atMs: number;
  kind: FailureKind;
  operator: string;
  subtask: number;
  /** gc-pause, slow-link, stall-sink. */
  durationMs: number;
  /** slow-link: records per ms the link still carries. */
  recordsPerMs: number;
  /** Index in the scenario's failure list, or the step that injected it (−1 for generated ones). */
  origin: string;
}

export interface RuntimeSpec {
  operators: OperatorSpec[];
  maxParallelism: number;
  /** `alignedTimeoutMs` (unaligned mode): align first, go unaligned past it (0: unaligned from the first barrier). */
  checkpoint: { intervalMs: number; mode: CheckpointMode; timeoutMs: number; alignedTimeoutMs: number };
  sink: SinkKind;
  restart: RestartStrategy;
  /** A lost task is declared failed this long after it went silent (Flink heartbeat.timeout). */
  heartbeatTimeoutMs: number;
  /** R7.5 Sim: receive buffer per channel, in records. */
  bufferCapacity: number;
  failures: Failure[];
  /** Latency markers from the sources (Flink metrics.latency.interval); 0 = none. */
  latencyIntervalMs: number;
  /** Metric buckets (R7.6: 1 s). */
  metricsIntervalMs: number;
  /** Size model for snapshots and heap: bytes per window and per buffered element. */
  bytesPerEntry: number;
  /** `spark` profile: micro-batch timing (R3.19, R7.15). */
  microBatch?: MicroBatchSpec;
  /** `storm` profile: acking (R7.16–R7.18). */
  acking?: AckingSpec;
  /** `kafka-streams` profile: stream threads, commits and changelogs (R7.14). */
  kafka?: KafkaStreamsSpec;
  /** Rescales the window operator between 1 and `maxSubtasks` subtasks (its `parallelism` is the starting point). */
  autoscaler?: AutoscalerSpec;
  /** Heap model: window subtasks hold `baseMB` + their state; every `gcEveryMs` a GC pauses each for `pauseMsPerMB` · heap. */
  heap: { baseMB: number; gcEveryMs: number; pauseMsPerMB: number };
  /** With an autoscaler: the window parallelism to start with (the operator has `maxSubtasks` slots). */
  windowParallelism?: number;
  /** With an autoscaler: each operator's parallelism to start with (map, filter and window have `maxSubtasks` slots). */
  initialParallelism?: number[];
}

/**
 * Scale on busy time (utilisation of the window subtasks) or on consumer lag; `targetUtilization` in (0, 1];
 * no rescale within `cooldownMs` of the last; a scale-down waits for the highest recommendation of the last
 * `stabilizationMs`; a rescale costs `pauseMs` plus the checkpoint's state moved at `bytesPerMs`.
 */
export interface AutoscalerSpec {
  metric: 'busy' | 'lag';
  targetUtilization: number;
  cooldownMs: number;
  stabilizationMs: number;
  maxSubtasks: number;
  pauseMs: number;
  bytesPerMs: number;
}

/**
 * Kafka Streams (R7.14): `threadsPerInstance[i]` stream threads on instance i; one task per input partition;
 * commits every `commitIntervalMs`; a failed thread's tasks run again `restartDelayMs` later, after restoring their
 * state from the changelog at `restoreRecordsPerMs`.
 */
export interface KafkaStreamsSpec {
  guarantee: 'at_least_once' | 'exactly_once_v2';
  commitIntervalMs: number;
  threadsPerInstance: number[];
  serviceMs: number;
  restartDelayMs: number;
  restoreRecordsPerMs: number;
}

/** Storm stream groupings: how a bolt's input is spread over its tasks. */
export const GROUPINGS = ['shuffle', 'fields', 'all', 'global', 'localOrShuffle'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/**
 * Storm: ackers (0 = tuples acked at once), topology.message.timeout, topology.max.spout.pending (Infinity = unset),
 * the grouping each bolt subscribes with (`groupings[i]` for bolt i; `fields` groups by the record's key), and
 * topology.workers (tasks are dealt over workers round-robin: spout first, then bolt tasks in order).
 */
export interface AckingSpec { ackers: number; messageTimeoutMs: number; maxSpoutPending: number; groupings: Grouping[]; workers: number }

/** A batch takes `overheadMs + rows · perRowMs`; the sink writes at its end and `commits/N` follows `commitMs` later. */
export interface MicroBatchSpec { overheadMs: number; perRowMs: number; commitMs: number }
