// A small model of a Spark Structured Streaming query plan and the checks Spark makes on it, to say whether a
// query is rejected when it starts, accepted with a watermark that changes nothing, or accepted. Facts from
// apache/spark:
// - sql/catalyst/.../analysis/UnsupportedOperationChecker.scala (checkForStreaming): in append mode a streaming
//   aggregation must group by a column that carries a watermark (the event-time column given to withWatermark,
//   or a window over it), or no group is ever final; update mode refuses session windows; complete mode needs an
//   aggregation. These are AnalysisExceptions raised by writeStream.start().
// - sql/core/.../execution/streaming/statefulOperators.scala (WatermarkSupport, StateStoreSaveExec): the
//   watermark is used only by stateful operators, and only through a grouping key that carries it; complete mode
//   keeps every group, so it never evicts. A stateless query, a watermark added after the aggregation, or one on a
//   column the aggregation does not group by, is accepted and changes nothing.
// The model has one source and at most one aggregation (several need Spark 3.5+ and their own rules).

export type OutputMode = 'append' | 'update' | 'complete';
export type WindowKind = 'tumbling' | 'sliding' | 'session';

export type QueryStep =
  | { op: 'withWatermark'; column: string; delay: string }
  /** select / filter / map: stateless. */
  | { op: 'select'; what: string }
  /** groupBy(window(column, …)).agg(…) or groupBy(column).agg(…). */
  | { op: 'aggregate'; column: string; window?: WindowKind };

export interface StreamingQuery { steps: QueryStep[]; outputMode: OutputMode }

export type QueryVerdict =
  | { status: 'rejected'; reason: string }
  | { status: 'watermark-no-effect'; reason: string }
  | { status: 'accepted'; reason: string };

export class QueryModelError extends Error {}

/** The output column a window aggregation adds: Spark names it after the function that made it. */
export const windowColumnOf = (window: WindowKind): string => (window === 'session' ? 'session_window' : 'window');

const groupingOf = (agg: Extract<QueryStep, { op: 'aggregate' }>) => (agg.window ? `a ${agg.window} window over ${agg.column}` : agg.column);

export function checkQuery(query: StreamingQuery): QueryVerdict {
  const aggregates = query.steps.flatMap((s, i) => (s.op === 'aggregate' ? [{ step: s, at: i }] : []));
  if (aggregates.length > 1) throw new QueryModelError(`steps: expected at most one aggregation, got ${aggregates.length}`);
  const agg = aggregates[0];
  const watermarks = query.steps.flatMap((s, i) => (s.op === 'withWatermark' ? [{ step: s, at: i }] : []));
  // After an aggregation only its output columns exist, and withWatermark needs a timestamp or a window column.
  const lateOne = watermarks.find((w) => agg !== undefined && w.at > agg.at && !(agg.step.window && w.step.column === windowColumnOf(agg.step.window)));
  if (lateOne) throw new QueryModelError(`steps[${lateOne.at}]: after the aggregation only its output columns exist, so withWatermark can only name the window column of a windowed aggregation, got "${lateOne.step.column}"`);
  // A grouping key carries the watermark when withWatermark named its column earlier in the plan.
  const carries = agg !== undefined && watermarks.some((w) => w.at < agg.at && w.step.column === agg.step.column);

  if (agg && query.outputMode === 'append' && !carries) {
    return { status: 'rejected', reason: `append mode writes a group once it is final, and ${groupingOf(agg.step)} has no watermark before the aggregation, so no group could ever be final (AnalysisException at start)` };
  }
  if (agg?.step.window === 'session' && query.outputMode === 'update') {
    return { status: 'rejected', reason: 'update mode is not supported for session windows (AnalysisException at start)' };
  }
  if (!agg && query.outputMode === 'complete') {
    return { status: 'rejected', reason: 'complete mode rewrites the whole result table, so it needs an aggregation (AnalysisException at start)' };
  }
  if (watermarks.length === 0) {
    return { status: 'accepted', reason: agg ? `Spark accepts it: with no watermark, ${query.outputMode} mode keeps every group in state for ever` : 'Spark accepts it: a stateless query needs no watermark' };
  }
  const [first] = watermarks;
  if (!agg) return { status: 'watermark-no-effect', reason: `no stateful operator follows withWatermark("${first.step.column}"), and only stateful operators use the watermark` };
  if (watermarks.every((w) => w.at > agg.at)) {
    return { status: 'watermark-no-effect', reason: 'withWatermark comes after the aggregation, so the aggregation never sees it and keeps every group in state' };
  }
  if (!carries) {
    return { status: 'watermark-no-effect', reason: `the watermark is on ${first.step.column} but the aggregation groups by ${groupingOf(agg.step)}, so no state is ever dropped` };
  }
  if (query.outputMode === 'complete') {
    return { status: 'watermark-no-effect', reason: 'complete mode keeps every group to rewrite the whole table, so the watermark drops no state' };
  }
  return { status: 'accepted', reason: `Spark accepts it: the watermark on ${agg.step.column} closes groups and drops their state` };
}

/** The query as a learner would write it in PySpark, one call after another (spaces let it wrap on a phone). */
export function queryText(query: StreamingQuery): string {
  const parts = query.steps.map((s) => {
    switch (s.op) {
      case 'withWatermark': return `.withWatermark("${s.column}", "${s.delay}")`;
      case 'select': return `.${s.what}`;
      case 'aggregate': return s.window
        ? `.groupBy(${s.window === 'session' ? `session_window("${s.column}", "5 minutes")` : s.window === 'sliding' ? `window("${s.column}", "10 minutes", "5 minutes")` : `window("${s.column}", "10 minutes")`}) .count()`
        : `.groupBy("${s.column}") .count()`;
    }
  });
  return `events ${parts.join(' ')}, output mode ${query.outputMode}`;
}
