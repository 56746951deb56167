// The course in the browser. Lesson files are globbed lazily, so no lesson text is in the entry chunk:
// the index reads every lesson.md front matter, a lesson page loads its own Markdown and code samples.
// The end-to-end build (vite --mode e2e) also reads tests/e2e/fixtures/lessons, with its paths.yaml.
import glossaryYaml from './glossary.yaml?raw';
import misconceptionsYaml from './misconceptions.yaml?raw';
import shippedPathsYaml from './paths.yaml?raw';
import { collectInto, parseGlossary, parseMisconceptions, parsePaths } from './courseData.ts';
import { classifyLessonFile, collectCodeSamples } from './lessonFiles.ts';
import { parseLessonMeta } from './parseLessonMeta.ts';
import type { CodeSample, GlossaryTerm, LearningPath, LessonMeta, Misconception, PlannedLesson } from './types.ts';

type Loaders = Map<string, () => Promise<string>>;
interface Root {
  root: string;
  files: Loaders;
}

/** Glob keys are relative to this file; messages and lookups use paths relative to each root. */
function underRoot(root: string, prefix: string, globbed: Record<string, () => Promise<unknown>>): Root {
  const files: Loaders = new Map();
  for (const [key, load] of Object.entries(globbed)) files.set(key.slice(prefix.length), load as () => Promise<string>);
  return { root, files };
}

const roots: Root[] = [
  underRoot('src/lessons', './', import.meta.glob(['./*/lesson.md', './*/exercises/*.md', './*/scenarios/*.json', './*/code/*/*'], { query: '?raw', import: 'default' })),
];
let pathsSource = { file: 'src/lessons/paths.yaml', text: shippedPathsYaml };
if (import.meta.env.MODE === 'e2e') {
  const prefix = '../../tests/e2e/fixtures/lessons/';
  roots.push(underRoot('tests/e2e/fixtures/lessons', prefix, import.meta.glob(
    ['../../tests/e2e/fixtures/lessons/*/lesson.md', '../../tests/e2e/fixtures/lessons/*/exercises/*.md',
      '../../tests/e2e/fixtures/lessons/*/scenarios/*.json', '../../tests/e2e/fixtures/lessons/*/code/*/*'],
    { query: '?raw', import: 'default' },
  )));
  const fixturePaths = import.meta.glob('../../tests/e2e/fixtures/lessons/paths.yaml', { query: '?raw', import: 'default', eager: true });
  pathsSource = { file: 'tests/e2e/fixtures/lessons/paths.yaml', text: Object.values(fixturePaths)[0] as string };
}

export interface LessonSummary extends LessonMeta {
  /** Glossary ids the lesson defines or links to. */
  usesTerms: string[];
}

export interface CourseIndex {
  paths: LearningPath[];
  planned: PlannedLesson[];
  glossary: GlossaryTerm[];
  misconceptions: Misconception[];
  lessons: Map<string, LessonSummary>;
  /** Problems found while reading; `npm test` reports the same ones with full validation. */
  errors: string[];
}

function findFile(lessonId: string, path: string): { file: string; load: () => Promise<string> } | undefined {
  for (const { root, files } of roots) {
    const load = files.get(`${lessonId}/${path}`);
    if (load) return { file: `${root}/${lessonId}/${path}`, load };
  }
  return undefined;
}

let index: Promise<CourseIndex> | undefined;

export function loadCourseIndex(): Promise<CourseIndex> {
  index ??= buildIndex();
  return index;
}

async function buildIndex(): Promise<CourseIndex> {
  const errors: string[] = [];
  const take = collectInto(errors);
  const { paths, planned } = take(parsePaths(pathsSource), { paths: [], planned: [] });
  const glossary = take(parseGlossary({ file: 'src/lessons/glossary.yaml', text: glossaryYaml }), []);
  const misconceptions = take(parseMisconceptions({ file: 'src/lessons/misconceptions.yaml', text: misconceptionsYaml }), []);
  const lessonFiles = roots.flatMap(({ root, files }) =>
    [...files]
      .filter(([path]) => classifyLessonFile(path).role === 'lesson')
      .map(([path, load]) => ({ id: classifyLessonFile(path).lessonId, file: `${root}/${path}`, load })),
  );
  const texts = await Promise.all(lessonFiles.map(({ load }) => load()));
  const lessons = new Map<string, LessonSummary>();
  lessonFiles.forEach(({ id, file }, i) => {
    const parsed = parseLessonMeta(file, id, texts[i]);
    if (!parsed.ok) return errors.push(...parsed.errors);
    const { body, ...meta } = parsed.value;
    const linked = [...body.matchAll(/\]\(term:([a-z0-9-]+)\)/g)].map((m) => m[1]);
    lessons.set(id, { ...meta, usesTerms: [...new Set([...meta.terms, ...linked])] });
  });
  return { paths, planned, glossary, misconceptions, lessons, errors };
}

/** The lesson's Markdown and its code samples, fetched only when the lesson is opened. */
export async function loadLessonSource(lessonId: string): Promise<{ file: string; text: string; codeSamples: CodeSample[]; errors: string[] } | undefined> {
  const lessonFile = findFile(lessonId, 'lesson.md');
  if (!lessonFile) return undefined;
  const codeFiles = roots.flatMap(({ root, files }) =>
    [...files].flatMap(([path, load]) => {
      const role = classifyLessonFile(path);
      return role.role === 'code' && role.lessonId === lessonId ? [{ file: `${root}/${path}`, ...role, load }] : [];
    }),
  );
  const [text, ...codes] = await Promise.all([lessonFile.load(), ...codeFiles.map(({ load }) => load())]);
  const { samples, errors } = collectCodeSamples(codeFiles.map((file, i) => ({ ...file, code: codes[i] })));
  return { file: lessonFile.file, text, codeSamples: samples, errors };
}

/** Raw exercise Markdown, for the exercise engine's widgets. */
export function loadExerciseSource(lessonId: string, exerciseId: string): Promise<string> | undefined {
  return findFile(lessonId, `exercises/${exerciseId}.md`)?.load();
}

/** Raw scenario JSON, for the simulator views. */
export function loadScenarioSource(lessonId: string, scenario: string): Promise<string> | undefined {
  return findFile(lessonId, `scenarios/${scenario}.json`)?.load();
}

/** Every lesson's scenario files by lesson id and name (the sandbox offers them as presets); nothing is loaded. */
export function listScenarios(): { lessonId: string; scenario: string }[] {
  return roots.flatMap(({ files }) => [...files.keys()].flatMap((path) => {
    const role = classifyLessonFile(path);
    return role.role === 'scenario' ? [{ lessonId: role.lessonId, scenario: role.name }] : [];
  }));
}
