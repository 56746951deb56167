// Questions about when Spark's micro-batches run, read from the runtime trace of a `spark` runtime scenario
// (`pipeline.runtime.batch`): the batch that reads a record, and when it starts. The runtime starts a batch on the
// trigger, or right after the previous batch commits when it overran (MicroBatchExecution), so the answer shows
// whether the learner expects a queue of missed triggers, a skip to the next tick, or what Spark does.
import { run, type RuntimeEvent } from '../../sim/index.ts';
import { findRecord, formatSeconds, type RunView } from '../runView.ts';
import type { NumberQuestion, QuestionRef } from './catalog.ts';

type BatchStart = Extract<RuntimeEvent, { kind: 'micro-batch' }>;

function batchOfRecord(view: RunView, ref: QuestionRef) {
  const { batchInterval, runtime } = view.scenario.pipeline;
  if (view.scenario.profile !== 'spark' || !runtime) throw new RangeError('this question needs a spark runtime scenario (pipeline.runtime)');
  const record = findRecord(view, ref.record!);
  // The record's offset in its partition: a batch reads it when its end offset for that partition is past it.
  const offset = view.records.filter((r) => r.partition === record.partition && r.row < record.row).length;
  const events = run(view.scenario, { trace: true }).runtime!.events;
  const starts = events.filter((e): e is BatchStart => e.kind === 'micro-batch' && e.action === 'offsets' && e.attempt === 1);
  const batch = starts.find((e) => e.offsets[record.partition] > offset);
  if (!batch) throw new RangeError(`no micro-batch reads ${record.id}: the run ends first`);
  const previous = starts.find((e) => e.batch === batch.batch - 1);
  return { record, batch, previous, intervalMs: batchInterval };
}

const batchStartForRecord: NumberQuestion = {
  shape: 'number',
  summary: 'the processing time at which the micro-batch that reads a record starts (spark runtime scenarios)',
  needs: ['record'],
  dimension: 'time',
  answer: (view, ref) => batchOfRecord(view, ref).batch.procTimeMs,
  explain: (view, ref) => {
    const { record, batch, intervalMs } = batchOfRecord(view, ref);
    const s = (ms: number) => `${formatSeconds(ms)} s`;
    const when = batch.lateByMs > 0
      ? `its trigger came due at ${s(batch.procTimeMs - batch.lateByMs)} while batch ${batch.batch - 1} was still running, so it started the moment that one committed, at ${s(batch.procTimeMs)}`
      : `it started on its trigger, at ${s(batch.procTimeMs)}`;
    return `${record.id} arrives at ${s(record.arrivalMs)} and is read by batch ${batch.batch}: ${when}. Triggers are every ${s(intervalMs)}; a missed one is neither queued nor skipped to the next tick.`;
  },
};

export const microBatches = { 'batch-start-for-record': batchStartForRecord };
