// exercises/<id>.md → exercise metadata. The course checks what it shows and counts (prompt, hints,
// explanation, kind, misconceptions, scenario); kind-specific fields pass through to the exercise engine.
import * as v from 'valibot';
import type { Tokens } from 'marked';
import { splitFrontMatter } from './frontMatter.ts';
import { inspect, lex } from './markdown.ts';
import { describeIssues, exerciseFrontMatter } from './schema.ts';
import type { ExerciseMeta } from './types.ts';

const SECTIONS = ['Prompt', 'Hint', 'Explanation'] as const;
type Section = (typeof SECTIONS)[number];

export function parseExercise(file: string, id: string, text: string): { ok: true; value: ExerciseMeta } | { ok: false; errors: string[] } {
  const split = splitFrontMatter(text);
  if (!split.ok) return { ok: false, errors: [`${file}: ${split.error}`] };
  const result = v.safeParse(exerciseFrontMatter, split.data);
  const errors = result.success ? [] : describeIssues(file, 'front matter', result.issues);
  const tokens = lex(split.body);
  errors.push(...inspect(tokens).problems.map((problem) => `${file}: ${problem}`));

  // Sections are the `## Prompt`, `## Hint` (repeated, in order of help) and `## Explanation` headings.
  const sections: { name: Section; markdown: string }[] = [];
  for (const token of tokens) {
    if (token.type === 'heading' && (token as Tokens.Heading).depth === 2) {
      const name = (token as Tokens.Heading).text.trim();
      if ((SECTIONS as readonly string[]).includes(name)) sections.push({ name: name as Section, markdown: '' });
      else errors.push(`${file}: unknown section "## ${name}" (expected ${SECTIONS.map((s) => `## ${s}`).join(', ')})`);
    } else if (sections.length > 0) {
      sections[sections.length - 1].markdown += token.raw;
    } else if (token.type !== 'space') {
      errors.push(`${file}: text before "## Prompt"; every part of an exercise sits in a section`);
    }
  }
  const texts = (name: Section) => sections.filter((s) => s.name === name).map((s) => s.markdown.trim()).filter(Boolean);
  const [prompt] = texts('Prompt');
  const hints = texts('Hint');
  const [explanation] = texts('Explanation');
  if (!prompt) errors.push(`${file}: section "## Prompt" is missing or empty`);
  if (hints.length < 2) errors.push(`${file}: needs at least 2 "## Hint" sections (progressive hints), found ${hints.length}`);
  if (!explanation) errors.push(`${file}: section "## Explanation" is missing or empty`);
  if (!result.success || errors.length > 0) return { ok: false, errors };

  const { kind, misconceptions, seeded, scenario, ...fields } = result.output;
  return { ok: true, value: { id, kind, misconceptions, seeded, scenario, prompt, hints, explanation, fields } };
}
