// Schema pieces shared by the runtime parsers (Flink in parseRuntime.ts, Spark and Storm in parseProfiles.ts).
import * as v from 'valibot';
import { invalid, show } from '../parse/issues.ts';
import { NonNegative, Positive } from '../parse/schemas.ts';
import type { Failure, OperatorSpec } from './types.ts';

export const says = (what: string) => (issue: v.BaseIssue<unknown>) => `expected ${what}, got ${show(issue.input)}`;
export const oneOf = <const T extends string[]>(options: T) => v.picklist(options, says(`one of ${options.join(' | ')}`));
export const Ms = v.pipe(v.number(says('a number of ms ≥ 0')), v.minValue(0, says('a number of ms ≥ 0')), v.maxValue(1e9, says('a number of ms ≤ 1e9')));

const FAILURE_KINDS = ['crash', 'lost', 'gc-pause', 'slow-link', 'lost-link', 'stall-sink'] as const;
export const CrashSchema = v.strictObject({
  operator: v.string(says('an operator name')),
  subtask: v.optional(NonNegative, 0),
  kind: v.optional(oneOf([...FAILURE_KINDS]), 'crash'),
  durationMs: v.optional(Positive),
  recordsPerMs: v.optional(v.pipe(v.number(), v.gtValue(0, says('a rate > 0')))),
});
export const FailureSchema = v.strictObject({ ...CrashSchema.entries, atMs: NonNegative });

type RawCrash = v.InferOutput<typeof CrashSchema> & { atMs?: number };

export function checkFailure(raw: RawCrash, operators: readonly OperatorSpec[], path: string, origin: string): Failure {
  const op = operators.find((o) => o.name === raw.operator);
  if (!op) throw invalid(`${path}.operator`, `expected one of ${operators.map((o) => o.name).join(' | ')}, got ${show(raw.operator)}`);
  if (raw.subtask >= op.parallelism) throw invalid(`${path}.subtask`, `expected a subtask below ${op.parallelism}, got ${raw.subtask}`);
  const needsDuration = raw.kind === 'gc-pause' || raw.kind === 'slow-link' || raw.kind === 'stall-sink';
  if (needsDuration && raw.durationMs === undefined) throw invalid(`${path}.durationMs`, `expected a duration for ${raw.kind}, got nothing`);
  if (raw.kind === 'stall-sink' && op.kind !== 'sink') throw invalid(`${path}.operator`, `stall-sink targets a sink, got ${show(raw.operator)}`);
  return { atMs: raw.atMs ?? NaN, kind: raw.kind, operator: raw.operator, subtask: raw.subtask, durationMs: raw.durationMs ?? 0, recordsPerMs: raw.recordsPerMs ?? 1, origin };
}
