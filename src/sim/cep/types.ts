// CEP pipelines (spec R6): a pattern as data, the CLI result entries and the CEP trace.
import type { Decision, RunSummary, Trace, Value, WatermarkEntry } from '../types.ts';

export type Contiguity = 'next' | 'followedBy' | 'followedByAny';
/** Inside a looping stage (R6.2): relaxed by default, `consecutive()` strict, `allowCombinations()` any. */
export type InnerContiguity = 'relaxed' | 'consecutive' | 'combinations';

export interface CepStage {
  name: string;
  /** `where.value`: equality with the record's value. */
  value: Value;
  /** How this stage follows the previous one (ignored for the first stage). */
  contiguity: Contiguity;
  /** Events the stage takes: `times(n)` n..n, `oneOrMore()` 1..∞, `optional()` makes min 0. */
  min: number;
  max: number;
  inner: InnerContiguity;
}

export type SkipStrategy =
  | { type: 'noSkip' }
  | { type: 'skipToNext' }
  | { type: 'skipPastLastEvent' }
  | { type: 'skipToFirst' | 'skipToLast'; stage: string };

export interface CepSpec {
  stages: CepStage[];
  /** R6.3: a partial match times out when now − start ≥ within. Infinity: no limit. */
  within: number;
  skip: SkipStrategy;
  time: 'event' | 'processing';
}

/** A match as the CLI prints it: the matched events' timestamps in pattern order. */
export interface CepEntry {
  step: number;
  key: string;
  match: number[];
}

export interface CepLateEntry { step: number; key: string; ts: number; value: Value }

export interface CepRunResult {
  emitted: CepEntry[];
  late: CepLateEntry[];
  watermarks: WatermarkEntry[];
}

/** What happened to a partial match (an NFA run). */
export type RunFate = 'advanced' | 'matched' | 'timed-out' | 'discarded' | 'skipped' | 'open';

/** One NFA run over its life: the records it took, by stage, and how it ended. */
export interface CepRunEvent extends Decision {
  id: number;
  keyId: number;
  /** The run it branched from (−1: started by its first event). */
  parent: number;
  /** Record indices taken, in order, with the stage index each went to. */
  records: number[];
  stages: number[];
  /** Processing time of each take; the run exists from bornMs until endMs. */
  takenMs: number[];
  bornMs: number;
  endMs: number;
  fate: RunFate;
  startTs: number;
}

export interface CepTrace {
  base: Trace;
  spec: CepSpec;
  runs: CepRunEvent[];
  /** Matches in emission order: the run that completed and when. */
  matches: { run: number; procTimeMs: number; step: number }[];
  /** Per record: processing time at which the NFA processed it (NaN: buffered to the end, or dropped as late). */
  processedMs: Float64Array;
}

export interface CepRun {
  result: CepRunResult;
  summary: RunSummary;
  trace?: CepTrace;
}
