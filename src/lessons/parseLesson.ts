// lesson.md → typed lesson. Errors name the file and the field; a lesson with errors is not returned.
import type { Token } from 'marked';
import { inspect, isDirective, lex, render, type DirectiveToken } from './markdown.ts';
import { parseLessonMeta, type Parsed } from './parseLessonMeta.ts';
import type { Directive, Lesson, Segment } from './types.ts';

export function parseLesson(file: string, id: string, text: string): Parsed<Lesson> {
  const meta = parseLessonMeta(file, id, text);
  if (!meta.ok) return meta;
  const { body, ...fields } = meta.value;
  const tokens = lex(body);
  const { problems, termLinks } = inspect(tokens);
  const errors = problems.map((problem) => `${file}: ${problem}`);
  const segments: Segment[] = [];
  let prose: Token[] = [];
  const flushProse = () => {
    if (prose.some((token) => token.type !== 'space')) segments.push({ kind: 'prose', html: render(prose) });
    prose = [];
  };
  for (const token of tokens) {
    if (!isDirective(token)) {
      prose.push(token);
      continue;
    }
    flushProse();
    const parsed = parseDirective(token);
    if (typeof parsed === 'string') errors.push(`${file}: ${parsed}`);
    else segments.push(parsed);
  }
  flushProse();
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { ...fields, segments, termLinks } };
}

const DIRECTIVE_ATTRIBUTES = {
  simulation: { required: ['scenario'], optional: ['views', 'controls'] },
  exercise: { required: ['id'], optional: [] },
  code: { required: ['sample'], optional: [] },
} as const;

/** A directive, or a message saying what is wrong with the line. */
function parseDirective(token: DirectiveToken): Directive | string {
  const line = JSON.stringify(token.raw.trim());
  if (token.malformed) return `directive ${line} is malformed (write ::name{key="value"} on its own line)`;
  if (!Object.hasOwn(DIRECTIVE_ATTRIBUTES, token.name)) {
    return `unknown directive "::${token.name}" in ${line} (known: ${Object.keys(DIRECTIVE_ATTRIBUTES).join(', ')})`;
  }
  const name = token.name as keyof typeof DIRECTIVE_ATTRIBUTES;
  const { required, optional } = DIRECTIVE_ATTRIBUTES[name];
  const known: readonly string[] = [...required, ...optional];
  const missing = required.find((key) => !token.attrs[key]);
  if (missing) return `directive ${line} is missing "${missing}"`;
  const unknown = Object.keys(token.attrs).find((key) => !known.includes(key));
  if (unknown) return `directive ${line} has an unknown attribute "${unknown}"`;
  const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  switch (name) {
    case 'simulation':
      return { kind: 'simulation', scenario: token.attrs.scenario, views: list(token.attrs.views), controls: list(token.attrs.controls) };
    case 'exercise':
      return { kind: 'exercise', exerciseId: token.attrs.id };
    case 'code':
      return { kind: 'code', sample: token.attrs.sample };
  }
}
