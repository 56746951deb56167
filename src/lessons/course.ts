// Builds the whole course from its source files and validates it. Used wherever every file is at hand:
// the node loader (syllabus CLI, exercise CLI, tests). Every problem is collected, so one run lists them all.
import { collectInto, parseGlossary, parseMisconceptions, parsePaths, type SourceFile } from './courseData.ts';
import { classifyLessonFile, collectCodeSamples } from './lessonFiles.ts';
import { parseExercise } from './parseExercise.ts';
import { parseLesson } from './parseLesson.ts';
import type { Course, ExerciseMeta, LessonContent } from './types.ts';
import { validateCourse } from './validate.ts';

export interface LessonSource {
  /** The folder holding lesson folders, repository-relative (e.g. "src/lessons"). */
  root: string;
  /** Path inside `root`, e.g. "late-data/exercises/which-dropped.md". */
  path: string;
  text: string;
}

export interface CourseSources {
  paths: SourceFile;
  glossary: SourceFile;
  misconceptions: SourceFile;
  lessonFiles: LessonSource[];
}

export function buildCourse(sources: CourseSources): { course: Course; errors: string[] } {
  const errors: string[] = [];
  const take = collectInto(errors);
  const { paths, planned } = take(parsePaths(sources.paths), { paths: [], planned: [] });
  const glossary = take(parseGlossary(sources.glossary), []);
  const misconceptions = take(parseMisconceptions(sources.misconceptions), []);
  const lessons = buildLessons(sources.lessonFiles, errors);
  const course = { paths, planned, glossary, misconceptions, lessons };
  errors.push(...validateCourse(course, {
    lessonFiles: lessonFileNames(sources.lessonFiles),
    pathsFile: sources.paths.file,
    glossaryFile: sources.glossary.file,
  }));
  return { course, errors };
}

/** Display path of each lesson's lesson.md, so cross-reference messages can name it. */
function lessonFileNames(files: LessonSource[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const { root, path } of files) {
    const role = classifyLessonFile(path);
    if (role.role === 'lesson') names.set(role.lessonId, `${root}/${path}`);
  }
  return names;
}

function buildLessons(files: LessonSource[], errors: string[]): LessonContent[] {
  type Folder = { lessonFile?: { file: string; text: string }; exercises: ExerciseMeta[]; scenarios: string[];
    code: { file: string; sample: string; engine: string; ext: string; code: string }[]; root: string };
  const folders = new Map<string, Folder>();
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  for (const { root, path, text } of sorted) {
    const file = `${root}/${path}`;
    const role = classifyLessonFile(path);
    const folder = folders.get(role.lessonId) ?? { exercises: [], scenarios: [], code: [], root };
    if (folder.root !== root) {
      errors.push(`${file}: lesson id "${role.lessonId}" is already used by ${folder.root}/${role.lessonId}`);
      continue;
    }
    folders.set(role.lessonId, folder);
    if (role.role === 'lesson') folder.lessonFile = { file, text };
    else if (role.role === 'scenario') {
      folder.scenarios.push(role.name);
      if (!isJson(text)) errors.push(`${file}: scenario is not valid JSON`);
    } else if (role.role === 'code') folder.code.push({ file, ...role, code: text });
    else if (role.role === 'exercise') {
      const parsed = parseExercise(file, role.name, text);
      if (parsed.ok) folder.exercises.push(parsed.value);
      else errors.push(...parsed.errors);
    } else errors.push(`${file}: unexpected file in a lesson folder (see "How to add a lesson" in README.md)`);
  }

  const lessons: LessonContent[] = [];
  for (const [id, folder] of folders) {
    if (!folder.lessonFile) {
      errors.push(`${folder.root}/${id}/lesson.md: missing (every lesson folder needs one)`);
      continue;
    }
    const parsed = parseLesson(folder.lessonFile.file, id, folder.lessonFile.text);
    const code = collectCodeSamples(folder.code);
    errors.push(...code.errors);
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      continue;
    }
    lessons.push({ ...parsed.value, exercises: folder.exercises, scenarios: folder.scenarios, codeSamples: code.samples });
  }
  return lessons;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
