// The simulator's public types: the scenario it accepts, the result the CLI prints, and the trace views read.
// Names follow spec/semantics.md; times are integer milliseconds; ±Infinity are the watermark sentinels (R1.1).
import type { CheckpointEntry, Failure, MetricsBucket, RuntimeSpec, RuntimeTrace, SinkResult } from './runtime/types.ts';

export type ProfileId = 'flink' | 'beam' | 'kafka-streams' | 'spark' | 'storm';
export const PROFILES: readonly ProfileId[] = ['flink', 'beam', 'kafka-streams', 'spark', 'storm'];

/** A record value: a number or a string (vectors.md, steps). */
export type Value = number | string;

// ─── Scenario (canonical form, after parseScenario) ───────────────────────────────────────────────

export type TimeDomain = 'event' | 'processing';

export type WindowSpec =
  | { type: 'tumbling'; size: number; offset: number; time: TimeDomain }
  | { type: 'sliding'; size: number; slide: number; offset: number; time: TimeDomain }
  | { type: 'kafka-sliding'; size: number; time: TimeDomain }
  | { type: 'session'; gap: number; time: TimeDomain }
  | { type: 'global'; time: TimeDomain }
  | { type: 'count'; size: number; slide?: number; time: TimeDomain };

export type AggregateSpec =
  | { type: 'count' | 'sum' | 'min' | 'max' | 'average' | 'list' }
  | { type: 'concat'; init: string; separator: string }
  /** A reducer registered with `registerReducer(name, …)`. */
  | { type: 'reducer'; name: string };

export type WatermarkEmit = 'per-record' | 'periodic';

/** Flink `withWatermarkAlignment(group, maxDrift, updateInterval)` (R3.10), a scenario-format option. */
export interface WatermarkAlignment { group: string; maxDrift: number; updateInterval: number }

type SourceOptions = { idleness?: number; alignment?: WatermarkAlignment };
export type WatermarkSpec = SourceOptions & (
  | { type: 'explicit' }
  | { type: 'bounded'; delay: number; emit: WatermarkEmit; interval: number }
  | { type: 'monotonous'; emit: WatermarkEmit; interval: number });

/** Early/late sub-trigger of `afterWatermark`. */
export type SubTrigger = { type: 'count'; n: number } | { type: 'processingTime'; delay: number } | { type: 'never' };

export type TriggerSpec =
  | { type: 'default' }
  | { type: 'afterWatermark'; early?: SubTrigger; late?: SubTrigger }
  | { type: 'count'; n: number }
  | { type: 'processingTime'; interval: number };

export type Accumulation = 'discarding' | 'accumulating' | 'retracting';
/** `close` (EmitStrategy.onWindowClose, R4.22) is a scenario-format option: vectors.md lists updates and final only. */
export type KafkaEmit = 'updates' | 'final' | 'close';
/** Beam TimestampCombiner (R4.15), a scenario-format option; the default is END_OF_WINDOW. */
export type TimestampCombiner = 'end-of-window' | 'earliest' | 'latest';
export type SparkOutputMode = 'append' | 'update' | 'complete';

export interface Pipeline {
  window: WindowSpec;
  aggregate: AggregateSpec;
  /** Absent: the profile's own progress signal only (Kafka stream time; `end` steps). */
  watermark?: WatermarkSpec;
  allowedLateness: number;
  grace: number;
  trigger: TriggerSpec;
  /** Absent: the profile default (R4.27). */
  accumulation?: Accumulation;
  emit: KafkaEmit;
  outputMode: SparkOutputMode;
  partitions: number;
  lateOutput: boolean;
  /** Kafka Streams record caching (R4.20), a scenario-format option: latest value per window, flushed every commit. */
  caching?: { commitIntervalMs: number };
  /** Beam output timestamp of a pane (R4.15), a scenario-format option. */
  timestampCombiner?: TimestampCombiner;
  /** Spark runtime mode: a micro-batch every this many ms of processing time (Sim, R3.19). */
  batchInterval: number;
  /** Spark: run the no-data batch a raised watermark causes (R3.19). */
  noDataBatches: boolean;
  /** Issue 5 and 4 plug in here; parsed lightly, then reported as unsupported. */
  join?: unknown;
  cep?: unknown;
  /** The parallel runtime (issue 4, spec §7): source partitions → keyed window subtasks → sink. */
  runtime?: RuntimeSpec;
}

export interface InputRecord {
  key: string;
  value: Value;
  /** Event time; NaN when absent (processing-time windows use the arrival time). */
  ts: number;
  partition: number;
  stream?: string;
}

/** One scripted input. `atMs` (scenario events) is the absolute processing time of arrival. */
export type Step =
  | { kind: 'record'; record: InputRecord; atMs?: number }
  | { kind: 'batch'; records: InputRecord[]; atMs?: number }
  | { kind: 'watermark'; wm: number; partition?: number; stream?: string }
  | { kind: 'advance'; byMs: number }
  | { kind: 'end' }
  | { kind: 'crash'; crash: Failure };

export type KeyDistribution =
  | { type: 'uniform' }
  | { type: 'zipf'; exponent: number }
  | { type: 'hot'; hotShare: number };

export type Disorder =
  | { type: 'none' }
  | { type: 'uniform'; maxDelayMs: number }
  | { type: 'exponential'; meanDelayMs: number; maxDelayMs: number }
  /** Most records on time; a `share` of them delayed by up to `maxDelayMs`. */
  | { type: 'bursty'; share: number; maxDelayMs: number };

export interface Burst { atMs: number; durationMs: number; ratePerSec: number }
export interface IdlePeriod { partition: number; fromMs: number; toMs: number }

/** A seeded source: records arrive at `ratePerSec` (event time = ideal arrival), then disorder delays arrival. */
export interface GeneratorSpec {
  count: number;
  ratePerSec: number;
  startMs: number;
  bursts: Burst[];
  keys: { count: number; distribution: KeyDistribution; prefix: string };
  disorder: Disorder;
  partitions: number;
  idle: IdlePeriod[];
  values: { min: number; max: number };
}

export interface Scenario {
  format: 'eventide.vector/1' | 'eventide.scenario/1';
  name: string;
  source?: string;
  profile: ProfileId;
  seed: number;
  pipeline: Pipeline;
  /** Scenario format: records with arrival times, compiled before `steps`. */
  events?: (InputRecord & { arrivalMs: number })[];
  generator?: GeneratorSpec;
  /** Scripted steps; for scenarios they run after `events`/`generator`. */
  steps: Step[];
  /** Kept as given; the CLI ignores it (check-vector compares). */
  expect?: unknown;
}

export type ParseResult =
  | { ok: true; scenario: Scenario }
  /** `kind: 'invalid'` → CLI exit 2; `'unsupported'` → exit 3. `error` is one line naming the place. */
  | { ok: false; kind: 'invalid' | 'unsupported'; error: string };

// ─── Result (exactly the CLI shape, vectors.md "Result") ─────────────────────────────────────────

export type Timing = 'EARLY' | 'ON_TIME' | 'LATE';
export type PaneValue = Value | Value[] | null;

export interface EmittedEntry {
  step: number;
  key: string;
  start?: number;
  end?: number;
  value: PaneValue;
  timing?: Timing;
  ts?: number;
  retract?: true;
}

export interface LateEntry {
  step: number;
  key: string;
  ts: number;
  value: Value;
  start?: number;
  end?: number;
}

/** `wm` is the operator's watermark (Kafka Streams: stream time); "+inf"/"-inf" for the sentinels. */
export interface WatermarkEntry { step: number; wm: number | '+inf' | '-inf' }

export interface RunResult {
  emitted: EmittedEntry[];
  late: LateEntry[];
  watermarks: WatermarkEntry[];
  /** Runtime vectors (vectors.md "Runtime vectors"). */
  sink?: SinkResult;
  checkpoints?: CheckpointEntry[];
  restarts?: number;
}

// ─── Trace ───────────────────────────────────────────────────────────────────────────────────────

/** The rule that decided a firing or a drop, the values it compared, and one sentence for "why?". */
export interface Decision {
  rule: string;
  values: Record<string, number | string | boolean>;
  reason: string;
}

export interface PaneEvent extends Decision {
  seq: number;
  procTimeMs: number;
  step: number;
  keyId: number;
  key: string;
  windowId: number;
  start?: number;
  end?: number;
  value: PaneValue;
  timing?: Timing;
  /** 0, 1, … per (key, window). */
  index: number;
  isFirst: boolean;
  isLast: boolean;
  retract: boolean;
  ts?: number;
  /** The window's contents were cleared after this pane (discarding, purging trigger, eviction). */
  purged: boolean;
}

export interface DropEvent extends Decision {
  seq: number;
  procTimeMs: number;
  step: number;
  record: number;
  keyId: number;
  key: string;
  ts: number;
  value: Value;
  windowId?: number;
  start?: number;
  end?: number;
  /** Went to the late side output (reported in `late`) rather than silently discarded. */
  toSideOutput: boolean;
}

interface EventBase { seq: number; procTimeMs: number; step: number }

/**
 * A timer of the window operator, or the engine's own processing-time action. `purpose` names its roles, joined by
 * "+" when one timer serves several (engines keep one timer per key, window and time): `end-of-window` (the
 * trigger's timer at maxTs, R4.2/R4.9), `cleanup` (state removal at maxTs + allowed lateness, R4.3/R4.14),
 * `trigger` (a processing-time trigger), `commit` (Kafka Streams cache flush, R4.20), `batch` (Spark trigger, R3.19).
 * keyId and windowId are −1 for engine-wide timers (commit, batch).
 */
interface TimerBase extends EventBase { keyId: number; windowId: number; timerMs: number; domain: TimeDomain; purpose: string }

export type TraceEvent =
  | (EventBase & { kind: 'idle'; partition: number; isIdle: boolean; reason: string })
  | (TimerBase & { kind: 'timer-set' })
  | (TimerBase & { kind: 'timer-fired' })
  /** The timer was removed before it fired (merged window, cleared trigger, finished pane). */
  | (TimerBase & { kind: 'timer-deleted' })
  | (EventBase & { kind: 'window-merged'; keyId: number; from: number[]; into: number; reason: string })
  | (EventBase & { kind: 'window-closed'; keyId: number; windowId: number; rule: string; reason: string })
  | (EventBase & { kind: 'batch'; batch: number; rows: number; evictionWm: number; lateWm: number; isNoData: boolean })
  | (EventBase & { kind: 'note'; text: string })
  /** R3.10: an update (every updateInterval) changed maxAllowed. */
  | (EventBase & AlignmentValues & { kind: 'alignment-update' })
  /** R3.10: a partition stopped reading (watermark > maxAllowed) or read again (≤ maxAllowed). */
  | (EventBase & AlignmentValues & { kind: 'alignment-paused' | 'alignment-resumed'; partition: number; watermark: number; rule: string; reason: string; waiting: number });

/** R3.10: `groupMin` = min of the watermarks reported at the last update (idle or finished: +∞), + maxDrift = maxAllowed. */
export interface AlignmentValues { group: string; groupMin: number; maxDrift: number; maxAllowed: number }

/** Columns grow during a run and are trimmed to `length` at the end. */
export interface RecordColumns {
  length: number;
  seq: Int32Array;
  step: Int32Array;
  procTimeMs: Float64Array;
  ts: Float64Array;
  keyId: Int32Array;
  partition: Int32Array;
  value: Value[];
  /** RecordFate: 0 accepted in every window, 1 dropped from some windows, 2 dropped from all. */
  fate: Uint8Array;
}

/** Values of RecordColumns.fate. */
export const RecordFate = { Accepted: 0, PartlyLate: 1, Late: 2 } as const;

/** One row per (record, window it was added to). */
export interface AssignmentColumns { length: number; seq: Int32Array; procTimeMs: Float64Array; record: Int32Array; windowId: Int32Array }

/** Window id → the key and bounds (as the profile reports them; ±Infinity for global windows). */
export interface WindowColumns { length: number; keyId: Int32Array; start: Float64Array; end: Float64Array }

/** scope −1 = the operator's watermark (Kafka Streams: stream time); scope p ≥ 0 = partition p. */
export interface WatermarkColumns { length: number; seq: Int32Array; procTimeMs: Float64Array; step: Int32Array; scope: Int32Array; value: Float64Array }

/** R3.13: the output watermark, min(input, holds), a row per advance; Beam only (elsewhere it is the operator's). */
export interface OutputWatermarkColumns { length: number; seq: Int32Array; procTimeMs: Float64Array; step: Int32Array; value: Float64Array }

export interface Keyframe {
  seq: number;
  procTimeMs: number;
  /** Prefix lengths of every table at this keyframe. */
  records: number;
  assignments: number;
  watermarks: number;
  outputWatermarks: number;
  outputWm: number;
  panes: number;
  drops: number;
  events: number;
  operatorWm: number;
  /** Timers set, fired and deleted so far. */
  timers: TimerCounts;
  partitionWm: Float64Array;
  partitionIdle: Uint8Array;
  partitionPaused: Uint8Array;
  /** windowId → record indices held in the window's state. */
  open: Map<number, number[]>;
}

export interface Trace {
  profile: ProfileId;
  keys: string[];
  partitions: number;
  records: RecordColumns;
  assignments: AssignmentColumns;
  windows: WindowColumns;
  watermarks: WatermarkColumns;
  outputWatermarks: OutputWatermarkColumns;
  panes: PaneEvent[];
  drops: DropEvent[];
  events: TraceEvent[];
  keyframes: Keyframe[];
  endProcTimeMs: number;
}

export interface OpenWindow {
  windowId: number;
  keyId: number;
  key: string;
  start: number;
  end: number;
  /** Record indices (into trace.records) held in the window's state, in arrival order. Shared with the trace: read only. */
  records: number[];
}

export interface TimerCounts { set: number; fired: number; deleted: number }

/** What is true at processing time t (traceAt). Prefix counts index trace.panes / drops / events / records. */
export interface TraceState {
  procTimeMs: number;
  operatorWm: number;
  /** R3.13: the watermark downstream sees (Beam: held back by holds; otherwise operatorWm). */
  outputWm: number;
  partitionWm: number[];
  partitionIdle: boolean[];
  /** R3.10: partitions stopped by watermark alignment. */
  partitionPaused: boolean[];
  openWindows: OpenWindow[];
  records: number;
  panes: number;
  drops: number;
  events: number;
  /** Timers set, fired and deleted up to t; `pending` = set − fired − deleted. */
  timers: TimerCounts & { pending: number };
  /** Windows held and records held in them: the operator's state size. */
  stateSize: { windows: number; records: number };
}

/** A named reducer for `{ "aggregate": { "type": "reducer", "name": … } }`; values arrive in processing order. */
export interface Reducer<A = unknown> {
  init: () => A;
  add: (acc: A, value: Value) => A;
  /** Session windows merge accumulators (older window first). */
  merge: (a: A, b: A) => A;
  result: (acc: A) => PaneValue;
}

/** Called with the number of inputs (records, watermarks, advances, end) processed so far and their total. */
export type ProgressCallback = (done: number, total: number) => void;

export interface RunOptions {
  /** Record the full trace (default false: only the result). */
  trace?: boolean;
  /** Trace rows between keyframes (default 32768). */
  keyframeEvery?: number;
  /** Told every `progressEvery` inputs and once at the end, so a big run can show a progress bar. */
  onProgress?: ProgressCallback;
  /** Inputs between progress calls (default: a hundredth of the inputs, at least 1). */
  progressEvery?: number;
}

export interface RunSummary {
  profile: ProfileId;
  records: number;
  emitted: number;
  late: number;
  finalWatermark: number;
  endProcTimeMs: number;
}

export interface Run {
  result: RunResult;
  summary: RunSummary;
  trace?: Trace;
  /** Runtime scenarios with `trace: true`: the dataflow, checkpoint and metrics trace (src/sim/README.md, Runtime). */
  runtime?: RuntimeTrace;
  /** Runtime scenarios: metric buckets over processing time. */
  metrics?: MetricsBucket[];
}
