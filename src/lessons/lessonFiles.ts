// Which file inside a lesson folder is which. Shared by the node loader and the browser catalog, so both
// read a folder the same way: <id>/lesson.md, <id>/exercises/<x>.md, <id>/scenarios/<x>.json,
// <id>/code/<sample>/<engine>.<ext>.
import { ENGINES, LANGUAGES, type CodeFile, type CodeSample, type Engine } from './types.ts';

export type LessonFile =
  | { lessonId: string; role: 'lesson' }
  | { lessonId: string; role: 'exercise'; name: string }
  | { lessonId: string; role: 'scenario'; name: string }
  | { lessonId: string; role: 'code'; sample: string; engine: string; ext: string }
  | { lessonId: string; role: 'unknown' };

const PATTERNS: [RegExp, (m: RegExpExecArray) => LessonFile][] = [
  [/([^/]+)\/lesson\.md$/, (m) => ({ lessonId: m[1], role: 'lesson' })],
  [/([^/]+)\/exercises\/([^/]+)\.md$/, (m) => ({ lessonId: m[1], role: 'exercise', name: m[2] })],
  [/([^/]+)\/scenarios\/([^/]+)\.json$/, (m) => ({ lessonId: m[1], role: 'scenario', name: m[2] })],
  [/([^/]+)\/code\/([^/]+)\/([^/.]+)\.([^/.]+)$/, (m) => ({ lessonId: m[1], role: 'code', sample: m[2], engine: m[3], ext: m[4] })],
];

/** `path` is relative to the folder that holds the lesson folders. */
export function classifyLessonFile(path: string): LessonFile {
  for (const [pattern, make] of PATTERNS) {
    const match = pattern.exec(path);
    if (match && match.index === 0) return make(match);
  }
  return { lessonId: path.split('/')[0], role: 'unknown' };
}

/** Groups code files into samples, one tab per file in a fixed engine order; unknown engines or extensions are errors. */
export function collectCodeSamples(files: { file: string; sample: string; engine: string; ext: string; code: string }[]): {
  samples: CodeSample[];
  errors: string[];
} {
  const errors: string[] = [];
  const bySample = new Map<string, CodeFile[]>();
  for (const { file, sample, engine, ext, code } of files) {
    const language = Object.hasOwn(LANGUAGES, ext) ? LANGUAGES[ext as keyof typeof LANGUAGES] : undefined;
    if (!Object.hasOwn(ENGINES, engine)) {
      errors.push(`${file}: unknown engine "${engine}" (file names are <engine>.<ext>; engines: ${Object.keys(ENGINES).join(', ')})`);
    } else if (!language) {
      errors.push(`${file}: unknown extension ".${ext}" (use ${Object.keys(LANGUAGES).map((e) => `.${e}`).join(', ')})`);
    } else {
      const label = `${ENGINES[engine as Engine]} · ${language.label}`;
      const list = bySample.get(sample) ?? [];
      list.push({ engine: engine as Engine, lang: language.lang, label, code });
      bySample.set(sample, list);
    }
  }
  const engineOrder = Object.keys(ENGINES);
  const samples = [...bySample].map(([name, list]) => ({
    name,
    files: list.sort((a, b) => engineOrder.indexOf(a.engine) - engineOrder.indexOf(b.engine) || a.lang.localeCompare(b.lang)),
  }));
  return { samples, errors };
}
