// The edge of the simulator: outside input (JSON text or value) becomes a canonical Scenario or one clear message.
import * as v from 'valibot';
import { PROFILES, type ParseResult, type ProfileId, type Scenario } from '../types.ts';
import { normalizePipeline } from './checks.ts';
import { describeIssue, invalid, InputError, show } from './issues.ts';
import { GeneratorSchema, Int, PipelineSchema } from './schemas.ts';
import { MAX_STEPS, parseEvents, parseSteps } from './steps.ts';

const FORMATS = ['eventide.vector/1', 'eventide.scenario/1'] as const;

function parseTop(input: unknown): Scenario {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new InputError('invalid', `(top level): not valid JSON: ${(error as Error).message}`);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('(top level)', `expected an object, got ${show(value)}`);
  const top = value as Record<string, unknown>;
  const format = top.format ?? 'eventide.vector/1';
  if (!FORMATS.includes(format as (typeof FORMATS)[number])) throw invalid('format', `expected one of ${FORMATS.join(' | ')}, got ${show(format)}`);
  if (!PROFILES.includes(top.profile as ProfileId)) throw invalid('profile', `expected one of ${PROFILES.join(' | ')}, got ${show(top.profile)}`);
  const profile = top.profile as ProfileId;
  if (top.name !== undefined && typeof top.name !== 'string') throw invalid('name', `expected a string, got ${show(top.name)}`);
  const seedResult = v.safeParse(Int, top.seed ?? 1);
  if (!seedResult.success) throw new InputError('invalid', describeIssue('seed', seedResult.issues[0]));
  const rawPipeline = v.safeParse(PipelineSchema, top.pipeline);
  if (!rawPipeline.success) throw new InputError('invalid', describeIssue('pipeline', rawPipeline.issues[0]));
  const isScenario = format === 'eventide.scenario/1';
  if (!isScenario) rejectScenarioOptions(rawPipeline.output);
  const pipeline = normalizePipeline(profile, rawPipeline.output);
  const ctx = { profile, pipeline };
  if (!isScenario && top.steps === undefined) throw invalid('steps', 'expected an array, got nothing');
  for (const field of ['events', 'generator'] as const) {
    if (!isScenario && top[field] !== undefined) throw invalid(field, 'only scenarios ("format": "eventide.scenario/1") have this field');
  }
  if (top.events !== undefined && top.generator !== undefined) throw invalid('generator', 'expected either events or a generator, got both');
  const steps = parseSteps(top.steps, ctx);
  const events = parseEvents(top.events, ctx);
  let generator: Scenario['generator'];
  if (top.generator !== undefined) {
    const parsed = v.safeParse(GeneratorSchema, top.generator);
    if (!parsed.success) throw new InputError('invalid', describeIssue('generator', parsed.issues[0]));
    generator = parsed.output;
    if (generator.partitions > pipeline.partitions) throw invalid('generator.partitions', `expected at most pipeline.partitions (${pipeline.partitions}), got ${generator.partitions}`);
    if (generator.values.min > generator.values.max) throw invalid('generator.values.max', `expected ≥ min (${generator.values.min}), got ${generator.values.max}`);
    const badIdle = generator.idle.findIndex((p) => p.partition >= generator!.partitions || p.toMs <= p.fromMs);
    if (badIdle >= 0) throw invalid(`generator.idle[${badIdle}]`, `expected a partition below ${generator.partitions} and toMs > fromMs, got ${show(generator.idle[badIdle])}`);
  }
  if ((events?.length ?? 0) + (generator?.count ?? 0) + steps.length > MAX_STEPS) throw invalid('events', `expected at most ${MAX_STEPS} events and steps in all`);
  return {
    format: format as Scenario['format'],
    name: (top.name as string | undefined) ?? '',
    ...(typeof top.source === 'string' ? { source: top.source } : {}),
    profile,
    seed: seedResult.output,
    pipeline,
    ...(events ? { events } : {}),
    ...(generator ? { generator } : {}),
    steps,
    ...(top.expect !== undefined ? { expect: top.expect } : {}),
  };
}

/** Turns a vector or scenario (JSON text or a parsed value) into a canonical Scenario, or a one-line error. */
/** Vectors keep to vectors.md; these pipeline options belong to the richer scenario format. */
function rejectScenarioOptions(raw: v.InferOutput<typeof PipelineSchema>): void {
  const onlyScenarios = 'only scenarios ("format": "eventide.scenario/1") have this option';
  if (raw.emit === 'close') throw invalid('pipeline.emit', `expected updates | final in a vector, got "close" (${onlyScenarios})`);
  if (raw.caching !== undefined) throw invalid('pipeline.caching', onlyScenarios);
  if (raw.timestampCombiner !== undefined) throw invalid('pipeline.timestampCombiner', onlyScenarios);
  const watermark = raw.watermark as Record<string, unknown> | undefined;
  if (typeof watermark === 'object' && watermark !== null && 'alignment' in watermark) throw invalid('pipeline.watermark.alignment', onlyScenarios);
}

export function parseScenario(input: unknown): ParseResult {
  try {
    return { ok: true, scenario: parseTop(input) };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, kind: error.kind, error: error.message };
    return { ok: false, kind: 'invalid', error: `(top level): ${(error as Error).message}` };
  }
}
