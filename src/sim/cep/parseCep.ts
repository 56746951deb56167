// `pipeline.cep` (vectors.md "Joins and CEP") becomes a canonical CepSpec. CEP is Flink's library (spec R6), so
// every other profile answers exit 3.
import * as v from 'valibot';
import { describeIssue, invalid, InputError, show, unsupported } from '../parse/issues.ts';
import { Positive } from '../parse/schemas.ts';
import type { ProfileId } from '../types.ts';
import type { CepSpec, CepStage, SkipStrategy } from './types.ts';

const says = (what: string) => (issue: v.BaseIssue<unknown>) => `expected ${what}, got ${show(issue.input)}`;
const True = v.optional(v.literal(true, says('true')));

const StageSchema = v.strictObject({
  name: v.pipe(v.string(says('a stage name')), v.minLength(1, says('a non-empty stage name'))),
  where: v.strictObject({ value: v.union([v.number(), v.string()], says('a number or a string')) }),
  contiguity: v.optional(v.picklist(['next', 'followedBy', 'followedByAny', 'notNext', 'notFollowedBy'], says('next | followedBy | followedByAny'))),
  times: v.optional(Positive),
  oneOrMore: True,
  optional: True,
  consecutive: True,
  allowCombinations: True,
});

const SkipSchema = v.union([
  v.picklist(['noSkip', 'skipToNext', 'skipPastLastEvent'], says('noSkip | skipToNext | skipPastLastEvent')),
  v.strictObject({ skipToFirst: v.string() }),
  v.strictObject({ skipToLast: v.string() }),
], says('noSkip | skipToNext | skipPastLastEvent | { "skipToFirst": stage } | { "skipToLast": stage }'));

const CepSchema = v.strictObject({
  pattern: v.pipe(v.array(StageSchema, says('an array of stages')), v.minLength(1, says('at least one stage')), v.maxLength(64, says('at most 64 stages'))),
  within: v.optional(Positive),
  skip: v.optional(SkipSchema, 'noSkip'),
  time: v.optional(v.picklist(['event', 'processing'], says('event | processing')), 'event'),
});

export function parseCep(raw: unknown, profile: ProfileId): CepSpec {
  if (profile !== 'flink') throw unsupported(`cep under ${profile} (complex event processing is Flink's CEP library)`);
  const parsed = v.safeParse(CepSchema, raw);
  if (!parsed.success) throw new InputError('invalid', describeIssue('pipeline.cep', parsed.issues[0]));
  const { pattern, within, skip, time } = parsed.output;
  const names = new Set<string>();
  const stages = pattern.map((step, i): CepStage => {
    const at = `pipeline.cep.pattern[${i}]`;
    if (names.has(step.name)) throw invalid(`${at}.name`, `expected a unique stage name, got ${show(step.name)} twice`);
    names.add(step.name);
    if (step.contiguity === 'notNext' || step.contiguity === 'notFollowedBy') throw unsupported(`${step.contiguity} stages (${at})`);
    if (i === 0 && step.contiguity !== undefined) throw invalid(`${at}.contiguity`, 'the first stage follows nothing, so it has no contiguity');
    if (step.times !== undefined && step.oneOrMore) throw invalid(`${at}.oneOrMore`, 'expected either times or oneOrMore, got both');
    const isLooping = step.times !== undefined || step.oneOrMore === true;
    if (!isLooping && (step.consecutive || step.allowCombinations)) throw invalid(`${at}.${step.consecutive ? 'consecutive' : 'allowCombinations'}`, 'applies only to times or oneOrMore stages');
    if (step.consecutive && step.allowCombinations) throw invalid(`${at}.allowCombinations`, 'expected either consecutive or allowCombinations, got both');
    const count = step.times ?? 1;
    return {
      name: step.name, value: step.where.value, contiguity: step.contiguity ?? 'next',
      min: step.optional ? 0 : count, max: step.oneOrMore ? Infinity : count,
      inner: step.consecutive ? 'consecutive' : step.allowCombinations ? 'combinations' : 'relaxed',
    };
  });
  if (stages.every((s) => s.min === 0)) throw invalid('pipeline.cep.pattern', 'expected at least one stage that is not optional');
  return { stages, within: within ?? Infinity, skip: parseSkip(skip, names), time };
}

function parseSkip(raw: v.InferOutput<typeof SkipSchema>, names: Set<string>): SkipStrategy {
  if (typeof raw === 'string') return { type: raw };
  const [type, stage] = 'skipToFirst' in raw ? ['skipToFirst', raw.skipToFirst] as const : ['skipToLast', raw.skipToLast] as const;
  if (!names.has(stage)) throw invalid(`pipeline.cep.skip.${type}`, `expected a stage name of the pattern, got ${show(stage)}`);
  return { type, stage };
}
