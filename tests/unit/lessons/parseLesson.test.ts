import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseLesson } from '../../../src/lessons/parseLesson.ts';
import { fixtureText } from './helpers.ts';

const parseMini = () => {
  const parsed = parseLesson('mini/lesson.md', 'mini', fixtureText('mini/lesson.md'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.value;
};

describe('lesson parsing', () => {
  it('splits the body into prose and the slots its directives name, in reading order', () => {
    expect(parseMini().segments.map((s) => s.kind)).toEqual(['prose', 'simulation', 'prose', 'exercise', 'code']);
  });

  it('reads the comma lists of a simulation directive, trimming spaces', () => {
    expect(parseMini().segments[1]).toEqual({ kind: 'simulation', scenario: 'tiny', views: ['timeplot', 'output'], controls: ['delay', 'lateness'] });
  });

  it('turns glossary links into links to the glossary page and lists the terms used', () => {
    const lesson = parseMini();
    expect(lesson.segments[0]).toMatchObject({ html: expect.stringContaining('<a class="term" href="#/glossary/watermark">watermark</a>') });
    expect(lesson.termLinks).toEqual(['watermark', 'late-record']);
  });

  it('escapes characters that would otherwise read as markup', () => {
    expect(parseMini().segments[2]).toMatchObject({ html: expect.stringContaining('3 &lt; 5 &amp; &quot;quoted&quot;') });
  });

  it('ends a paragraph at a directive line even without a blank line before it', () => {
    const text = '---\ntitle: T\nsummary: S\nobjectives: [O]\nmisconceptions: []\nprerequisites: []\nminutes: 1\n---\nSome prose\n::exercise{id="x"}\nMore prose\n';
    const parsed = parseLesson('t/lesson.md', 't', text);
    expect(parsed.ok && parsed.value.segments.map((s) => s.kind)).toEqual(['prose', 'exercise', 'prose']);
  });

  it('reads back any simulation directive it is given (property)', () => {
    const name = fc.stringMatching(/^[a-z]+(-[a-z0-9]+)?$/);
    fc.assert(
      fc.property(name, fc.array(name, { maxLength: 4 }), fc.array(name, { maxLength: 4 }), (scenario, views, controls) => {
        const line = `::simulation{scenario="${scenario}" views="${views.join(',')}" controls="${controls.join(', ')}"}`;
        const text = `---\ntitle: T\nsummary: S\nobjectives: [O]\nmisconceptions: []\nprerequisites: []\nminutes: 1\n---\n\n${line}\n`;
        const parsed = parseLesson('t/lesson.md', 't', text);
        expect(parsed.ok && parsed.value.segments).toEqual([{ kind: 'simulation', scenario, views, controls }]);
      }),
    );
  });

  it('says the front matter is missing when the file does not start with one', () => {
    expect(parseLesson('t/lesson.md', 't', '# Title\n')).toEqual({ ok: false, errors: ['t/lesson.md: front matter is missing (the file must start with a --- block)'] });
  });

  it('rejects a level-1 heading in the body, since the title comes from the front matter', () => {
    const text = '---\ntitle: T\nsummary: S\nobjectives: [O]\nmisconceptions: []\nprerequisites: []\nminutes: 1\n---\n# Again\n';
    expect(parseLesson('t/lesson.md', 't', text)).toEqual({
      ok: false,
      errors: ['t/lesson.md: level-1 heading "Again" (the title comes from the front matter; start at ##)'],
    });
  });
});
