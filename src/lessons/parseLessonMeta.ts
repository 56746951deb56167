// A lesson's front matter, without Markdown parsing: what the home and path pages need from every lesson.
import * as v from 'valibot';
import { splitFrontMatter } from './frontMatter.ts';
import { describeIssues, lessonFrontMatter } from './schema.ts';
import type { LessonMeta } from './types.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Front matter only: enough for the home page and the path pages, without Markdown parsing. */
export function parseLessonMeta(file: string, id: string, text: string): Parsed<LessonMeta & { body: string }> {
  const split = splitFrontMatter(text);
  if (!split.ok) return { ok: false, errors: [`${file}: ${split.error}`] };
  const result = v.safeParse(lessonFrontMatter, split.data);
  if (!result.success) return { ok: false, errors: describeIssues(file, 'front matter', result.issues) };
  return { ok: true, value: { id, ...result.output, body: split.body } };
}
