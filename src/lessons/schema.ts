// Shapes of the YAML the course is written in. Valibot turns each file into typed data or issues that
// name the field; `describeIssues` words them as "<file>: <field>: expected …, got …".
import * as v from 'valibot';
import { EXERCISE_KINDS, PATH_IDS } from './types.ts';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const id = v.pipe(v.string(), v.regex(ID, 'a lowercase-kebab id'));
const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'a non-empty text'));
const misconceptionId = v.pipe(v.string(), v.regex(/^M(?:[1-9]|1[0-5])$/, 'a misconception id M1…M15'));

export const lessonFrontMatter = v.strictObject({
  title: text,
  summary: text,
  objectives: v.pipe(v.array(text), v.minLength(1, 'at least one objective')),
  misconceptions: v.array(misconceptionId),
  prerequisites: v.array(id),
  minutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(240)),
  terms: v.optional(v.array(id), []),
});

/** Exercise front matter: the fields the course knows; any others belong to the exercise engine. */
export const exerciseFrontMatter = v.looseObject({
  kind: v.picklist(EXERCISE_KINDS, `one of ${EXERCISE_KINDS.join(', ')}`),
  misconceptions: v.array(misconceptionId),
  seeded: v.boolean(),
  scenario: v.optional(id),
});

export const pathsFile = v.strictObject({
  paths: v.array(
    v.strictObject({
      id: v.picklist(PATH_IDS, `one of ${PATH_IDS.join(', ')}`),
      title: text,
      summary: text,
      lessons: v.array(id),
    }),
  ),
  planned: v.optional(v.array(v.strictObject({ id, title: text })), []),
});

export const glossaryFile = v.strictObject({
  terms: v.array(
    v.strictObject({ id, term: text, definition: text, seeAlso: v.optional(v.array(id), []) }),
  ),
});

export const misconceptionsFile = v.strictObject({
  misconceptions: v.array(v.strictObject({ id: misconceptionId, title: text })),
});

/** One message per issue, naming the file, the field path and what was found there. */
export function describeIssues(file: string, what: string, issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const field = (issue.path ?? []).map((item) => String(item.key)).join('.');
    const where = field ? `${what} "${field}"` : what;
    if (issue.expected === 'never') return `${file}: ${where} is not a known field`;
    if (issue.input === undefined) return `${file}: ${where} is missing`;
    // Valibot's own messages start with "Invalid"; ours name what a valid value looks like.
    const expected = issue.message.startsWith('Invalid') ? issue.expected : issue.message;
    const got = JSON.stringify(issue.input) ?? issue.received;
    return `${file}: ${where}: expected ${expected}, got ${got}`;
  });
}
