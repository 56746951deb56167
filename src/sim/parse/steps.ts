// Steps of a vector (vectors.md "Steps") and explicit events of a scenario, checked against the pipeline.
import * as v from 'valibot';
import { aggregatorFor } from '../aggregates.ts';
import type { InputRecord, Pipeline, ProfileId, Step } from '../types.ts';
import { describeIssue, invalid, InputError, show } from './issues.ts';
import { parseCrash } from '../runtime/parseRuntime.ts';
import { EventSchema, Int, Positive, RecordSchema } from './schemas.ts';

export const MAX_STEPS = 1_000_000;
const STEP_KINDS = ['record', 'watermark', 'batch', 'advance', 'end', 'crash'] as const;

function check<T>(schema: v.GenericSchema<unknown, T>, value: unknown, path: string): T {
  const parsed = v.safeParse(schema, value);
  if (!parsed.success) throw new InputError('invalid', describeIssue(path, parsed.issues[0]));
  return parsed.output;
}

export interface StepContext { profile: ProfileId; pipeline: Pipeline }

export function checkRecord(raw: v.InferOutput<typeof RecordSchema>, path: string, ctx: StepContext): InputRecord {
  const { pipeline, profile } = ctx;
  if (raw.ts === undefined && pipeline.window.time === 'event') throw invalid(`${path}.ts`, 'expected an integer, got nothing');
  // R1.2: Kafka Streams rejects negative timestamps.
  if (profile === 'kafka-streams' && raw.ts !== undefined && raw.ts < 0) throw invalid(`${path}.ts`, `expected a timestamp ≥ 0 under kafka-streams, got ${raw.ts}`);
  if (raw.partition >= pipeline.partitions) throw invalid(`${path}.partition`, `expected a partition below ${pipeline.partitions}, got ${raw.partition}`);
  if (typeof raw.value === 'string' && aggregatorFor(pipeline.aggregate).isNumeric) {
    throw invalid(`${path}.value`, `expected a number for aggregate ${pipeline.aggregate.type}, got ${show(raw.value)}`);
  }
  if (pipeline.join === undefined) {
    if (raw.stream !== undefined) throw invalid(`${path}.stream`, `expected no stream outside joins, got ${show(raw.stream)}`);
    return { key: raw.key, value: raw.value, ts: raw.ts ?? NaN, partition: raw.partition };
  }
  return { key: raw.key, value: raw.value, ts: raw.ts ?? NaN, partition: raw.partition, stream: checkStream(raw.stream, `${path}.stream`) };
}

/** vectors.md: a join record says which input it arrives on. */
function checkStream(stream: unknown, path: string): 'left' | 'right' {
  if (stream === 'left' || stream === 'right') return stream;
  throw invalid(path, `expected "left" or "right" for a join input, got ${show(stream)}`);
}

function parseStep(raw: unknown, path: string, ctx: StepContext): Step {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalid(path, `expected a step object, got ${show(raw)}`);
  const kind = STEP_KINDS.find((k) => k in raw);
  if (!kind) throw invalid(path, `expected a step with one of ${STEP_KINDS.join(', ')}, got ${show(raw)}`);
  const step = raw as Record<string, unknown>;
  const extra = Object.keys(step).find((k) => k !== kind && !(kind === 'watermark' && (k === 'partition' || k === 'stream')));
  if (extra) throw invalid(`${path}.${extra}`, 'unknown field');
  switch (kind) {
    case 'record':
      return { kind, record: checkRecord(check(RecordSchema, step.record, `${path}.record`), `${path}.record`, ctx) };
    case 'batch': {
      if (!Array.isArray(step.batch)) throw invalid(`${path}.batch`, `expected an array of records, got ${show(step.batch)}`);
      const records = step.batch.map((r, i) => checkRecord(check(RecordSchema, r, `${path}.batch[${i}]`), `${path}.batch[${i}]`, ctx));
      return { kind, records };
    }
    case 'watermark': {
      if (ctx.profile === 'kafka-streams' || ctx.profile === 'spark' || ctx.profile === 'storm') {
        throw invalid(`${path}.watermark`, `${ctx.profile} takes no watermark steps (its progress comes from the data)`);
      }
      const wm = check(Int, step.watermark, `${path}.watermark`);
      let stream: 'left' | 'right' | undefined;
      if (step.stream !== undefined) {
        if (ctx.pipeline.join === undefined) throw invalid(`${path}.stream`, `expected no stream outside joins, got ${show(step.stream)}`);
        stream = checkStream(step.stream, `${path}.stream`);
      }
      if (step.partition === undefined) return stream ? { kind, wm, stream } : { kind, wm };
      const partition = check(Int, step.partition, `${path}.partition`);
      if (partition < 0 || partition >= ctx.pipeline.partitions) throw invalid(`${path}.partition`, `expected a partition below ${ctx.pipeline.partitions}, got ${partition}`);
      return stream ? { kind, wm, partition, stream } : { kind, wm, partition };
    }
    case 'advance':
      return { kind, byMs: check(Positive, step.advance, `${path}.advance`) };
    case 'end':
      if (step.end !== true) throw invalid(`${path}.end`, `expected true, got ${show(step.end)}`);
      return { kind };
    case 'crash':
      return { kind, crash: parseCrash(step.crash, `${path}.crash`, ctx.pipeline.runtime) };
  }
}

export function parseSteps(raw: unknown, ctx: StepContext): Step[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw invalid('steps', `expected an array, got ${show(raw)}`);
  if (raw.length > MAX_STEPS) throw invalid('steps', `expected at most ${MAX_STEPS} steps, got ${raw.length}`);
  const steps = raw.map((step, i) => parseStep(step, `steps[${i}]`, ctx));
  const records = steps.reduce((n, s) => n + (s.kind === 'batch' ? s.records.length : 1), 0);
  if (records > MAX_STEPS) throw invalid('steps', `expected at most ${MAX_STEPS} records in all, got ${records}`);
  return steps;
}

export function parseEvents(raw: unknown, ctx: StepContext): (InputRecord & { arrivalMs: number })[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) throw invalid('events', `expected an array, got ${show(raw)}`);
  if (raw.length > MAX_STEPS) throw invalid('events', `expected at most ${MAX_STEPS} events, got ${raw.length}`);
  return raw.map((event, i) => {
    const path = `events[${i}]`;
    const { arrivalMs, ...record } = check(EventSchema, event, path);
    if (arrivalMs < 0) throw invalid(`${path}.arrivalMs`, `expected an arrival time ≥ 0 (the clock starts at 0), got ${arrivalMs}`);
    return { ...checkRecord(record, path, ctx), arrivalMs };
  });
}
