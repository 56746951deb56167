// Join pipelines (spec R5): the canonical join specification, the CLI result entries and the join trace.
import type { Decision, RunSummary, Trace, Value, WatermarkEntry, WatermarkSpec, WindowSpec } from '../types.ts';

export type JoinKind = 'inner' | 'left' | 'right' | 'outer';

/** Index of an input: 0 = left, 1 = right (vectors.md `"stream"`). */
export type Side = 0 | 1;
export const SIDE_NAMES = ['left', 'right'] as const;

interface JoinCommon {
  kind: JoinKind;
  /** Partition count of each input topic (Kafka Streams co-partitioning, R7.4). */
  partitions: [number, number];
  /** Each input's watermark strategy (flink, spark); undefined = none. */
  watermarks: [WatermarkSpec | undefined, WatermarkSpec | undefined];
}

/**
 * `lower ≤ tR − tL ≤ upper`, both bounds already made inclusive (an exclusive bound moves in by one, R5.2).
 * `eager`: Kafka Streams' deprecated `JoinWindows.of` semantics (R5.9).
 */
export interface IntervalJoinSpec extends JoinCommon {
  type: 'interval';
  lower: number;
  upper: number;
  grace: number;
  isEager: boolean;
}

export interface WindowJoinSpec extends JoinCommon {
  type: 'window';
  window: WindowSpec;
  allowedLateness: number;
}

/** `temporal`: the right version valid at the left record's time; `lookup`: the right value at processing. */
export interface TableJoinSpec extends JoinCommon {
  type: 'temporal' | 'lookup';
  grace: number;
}

export type JoinSpec = IntervalJoinSpec | WindowJoinSpec | TableJoinSpec;

/** One join result as the CLI prints it (vectors.md "Joins and CEP"); `ts` is absent under spark. */
export interface JoinEntry {
  step: number;
  key: string;
  left: Value | null;
  right: Value | null;
  ts?: number;
}

export interface JoinLateEntry {
  step: number;
  key: string;
  stream: 'left' | 'right';
  ts: number;
  value: Value;
}

export interface JoinRunResult {
  emitted: JoinEntry[];
  late: JoinLateEntry[];
  watermarks: WatermarkEntry[];
}

/** A result in the trace: which records joined (−1 for the missing side of an outer result) and why then. */
export interface JoinResultEvent extends Decision {
  seq: number;
  procTimeMs: number;
  step: number;
  keyId: number;
  left: number;
  right: number;
  ts?: number;
}

/** A record's time in its side's join state: from when it was stored until it was removed (Infinity: still held). */
export interface StateSpan extends Decision {
  record: number;
  fromMs: number;
  toMs: number;
}

export interface JoinTrace {
  /** Records, watermarks (scope −1 = the join operator; 0/1 = the left/right input), drops and events. */
  base: Trace;
  spec: JoinSpec;
  /** Side of each record (trace.base.records order). */
  side: Uint8Array;
  /** The event-time range of the other side each record can match, inclusive ([NaN, NaN] when not a range). */
  reachFrom: Float64Array;
  reachTo: Float64Array;
  results: JoinResultEvent[];
  state: StateSpan[];
}

export interface JoinRun {
  result: JoinRunResult;
  summary: RunSummary;
  trace?: JoinTrace;
}
