import { describe, expect, it } from 'vitest';
import { buildWith, buildWithPaths, fixtureSources, fixtureText, MINI } from './helpers.ts';
import { buildCourse } from '../../../src/lessons/course.ts';

const lesson = () => fixtureText('mini/lesson.md');
const exercise = () => fixtureText('mini/exercises/which-late.md');
const errorsWithLesson = (text: string) => buildWith('mini/lesson.md', text).errors;
const errorsWithExercise = (text: string) => buildWith('mini/exercises/which-late.md', text).errors;

describe('course validation', () => {
  it('accepts the fixture course without a single message', () => {
    expect(buildCourse(fixtureSources()).errors).toEqual([]);
  });

  it('names the lesson file and the field when a front matter field is missing', () => {
    const text = lesson().replace(/objectives:\n(  - .*\n)+/, '');
    expect(errorsWithLesson(text)).toEqual([`${MINI}/lesson.md: front matter "objectives" is missing`]);
  });

  it('names the field and the value when a field has the wrong type', () => {
    expect(errorsWithLesson(lesson().replace('minutes: 5', 'minutes: five'))).toEqual([
      `${MINI}/lesson.md: front matter "minutes": expected number, got "five"`,
    ]);
  });

  it('rejects a front matter field it does not know, so typos do not pass silently', () => {
    expect(errorsWithLesson(lesson().replace('minutes: 5', 'minutes: 5\nminuts: 6'))).toEqual([
      `${MINI}/lesson.md: front matter "minuts" is not a known field`,
    ]);
  });

  it('rejects a misconception id outside M1–M15', () => {
    expect(errorsWithLesson(lesson().replace('[M1, M3]', '[M1, M16]'))).toEqual([
      `${MINI}/lesson.md: front matter "misconceptions.1": expected a misconception id M1…M15, got "M16"`,
    ]);
  });

  it('rejects an unknown glossary term listed in the front matter', () => {
    expect(errorsWithLesson(lesson().replace('terms: [watermark]', 'terms: [watermark, wormhole]'))).toEqual([
      `${MINI}/lesson.md: front matter "terms": unknown glossary term "wormhole"`,
    ]);
  });

  it('rejects an unknown glossary term linked from the prose', () => {
    expect(errorsWithLesson(lesson().replace('(term:late-record)', '(term:late-recrod)'))).toEqual([
      `${MINI}/lesson.md: link (term:late-recrod) names unknown glossary term "late-recrod"`,
    ]);
  });

  it('rejects raw HTML, block or inline, quoting what it found', () => {
    const text = lesson().replace('The [watermark]', '<div class="note">Note</div>\n\nThe <b>[watermark]');
    expect(errorsWithLesson(text)).toEqual([
      `${MINI}/lesson.md: raw HTML is not allowed, found "<div class=\\"note\\">Note</div>"`,
      `${MINI}/lesson.md: raw HTML is not allowed, found "<b>"`,
    ]);
  });

  it('rejects a link that could run script', () => {
    expect(errorsWithLesson(lesson().replace('(term:watermark)', '(javascript:alert(1))'))).toEqual([
      `${MINI}/lesson.md: link target "javascript:alert(1)" is not allowed (use https:, #/ or term:)`,
    ]);
  });

  it('rejects an unknown directive and a malformed directive line', () => {
    const text = lesson().replace('::code{sample="hello"}', '::video{src="x"}\n\n::code sample=hello');
    expect(errorsWithLesson(text)).toEqual([
      `${MINI}/lesson.md: unknown directive "::video" in "::video{src=\\"x\\"}" (known: simulation, exercise, code)`,
      `${MINI}/lesson.md: directive "::code sample=hello" is malformed (write ::name{key="value"} on its own line)`,
    ]);
  });

  it('rejects directives naming a scenario, exercise or code sample the lesson does not have', () => {
    const text = lesson().replace('"tiny"', '"huge"').replace('"which-late"', '"which-early"').replace('"hello"', '"goodbye"');
    expect(errorsWithLesson(text)).toEqual([
      `${MINI}/lesson.md: ::simulation names scenario "huge", but scenarios/huge.json does not exist`,
      `${MINI}/lesson.md: ::exercise names "which-early", but exercises/which-early.md does not exist or is invalid`,
      `${MINI}/lesson.md: ::code names sample "goodbye", but code/goodbye/ has no valid files`,
    ]);
  });

  it('rejects a directive without its required attribute', () => {
    expect(errorsWithLesson(lesson().replace('::exercise{id="which-late"}', '::exercise{}'))).toEqual([
      `${MINI}/lesson.md: directive "::exercise{}" is missing "id"`,
    ]);
  });

  it('rejects an exercise with fewer than two hints', () => {
    const text = exercise().replace(/## Hint\n\nA record is dropped.*\n/, '');
    expect(errorsWithExercise(text)).toEqual([
      `${MINI}/exercises/which-late.md: needs at least 2 "## Hint" sections (progressive hints), found 1`,
      // the lesson's ::exercise directive now points at an exercise that failed to load
      `${MINI}/lesson.md: ::exercise names "which-late", but exercises/which-late.md does not exist or is invalid`,
    ]);
  });

  it('rejects an exercise without an explanation', () => {
    const text = exercise().replace(/## Explanation[\s\S]*$/, '');
    expect(errorsWithExercise(text)[0]).toBe(`${MINI}/exercises/which-late.md: section "## Explanation" is missing or empty`);
  });

  it('rejects an exercise of an unknown kind, naming the kinds it accepts', () => {
    expect(errorsWithExercise(exercise().replace('kind: select', 'kind: essay'))[0]).toBe(
      `${MINI}/exercises/which-late.md: front matter "kind": expected one of select, num, order, drag, param, predict, code, got "essay"`,
    );
  });

  it('rejects an exercise whose scenario does not exist', () => {
    expect(errorsWithExercise(exercise().replace('scenario: tiny', 'scenario: vast'))).toEqual([
      `${MINI}/exercises/which-late.md: front matter "scenario" names "vast", but scenarios/vast.json does not exist`,
    ]);
  });

  it('rejects a code file named after an engine it does not know', () => {
    const { errors } = buildWith('mini/code/hello/flinq.java', 'x');
    expect(errors).toEqual([`${MINI}/code/hello/flinq.java: unknown engine "flinq" (file names are <engine>.<ext>; engines: flink, kafka-streams, spark, beam, storm)`]);
  });

  it('rejects a path naming a lesson that is neither written nor planned', () => {
    const yaml = `paths:\n  - { id: beginner, title: B, summary: S, lessons: [mini, ghost] }\n`;
    expect(buildWithPaths(yaml).errors).toEqual([
      'tests/unit/lessons/fixtures/course/paths.yaml: path "beginner" names lesson "ghost", which is neither a lesson folder nor planned',
      `${MINI}/lesson.md: front matter "prerequisites" names unknown lesson "later"`,
    ]);
  });

  it('reports a lesson that sits in no learning path', () => {
    const yaml = 'paths:\n  - { id: beginner, title: B, summary: S, lessons: [later] }\nplanned: [{ id: later, title: L }]\n';
    expect(buildWithPaths(yaml).errors).toEqual([`${MINI}/lesson.md: lesson "mini" is in no learning path (add it to paths.yaml)`]);
  });

  it('reports a lesson folder without lesson.md', () => {
    expect(buildWith('mini/lesson.md', undefined).errors).toContain(`tests/unit/lessons/fixtures/course/mini/lesson.md: missing (every lesson folder needs one)`);
  });

  it('reports a file that has no place in a lesson folder', () => {
    expect(buildWith('mini/notes.txt', 'scratch').errors).toEqual([
      `${MINI}/notes.txt: unexpected file in a lesson folder (see "How to add a lesson" in README.md)`,
    ]);
  });
});
