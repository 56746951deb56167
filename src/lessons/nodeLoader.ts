// Reads the course from disk for node-side tools (syllabus CLI, exercise CLI, tests). The browser reads the
// same files through import.meta.glob in catalog.ts; both hand them to the same parsers.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCourse, type CourseSources, type LessonSource } from './course.ts';
import type { Course } from './types.ts';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const LESSONS_ROOT = 'src/lessons';
/** The end-to-end build adds these lessons (and uses their paths.yaml) to exercise the real pages. */
export const E2E_FIXTURES_ROOT = 'tests/e2e/fixtures/lessons';

export interface LoadOptions {
  /** Repository-relative folders whose sub-folders are lessons. */
  lessonRoots?: string[];
  /** Repository-relative paths.yaml; the glossary and misconceptions always come from src/lessons. */
  pathsFile?: string;
}

export function loadCourse(options: LoadOptions = {}): { course: Course; errors: string[] } {
  return buildCourse(readCourseSources(options));
}

export function readCourseSources(options: LoadOptions = {}): CourseSources {
  const lessonRoots = options.lessonRoots ?? [LESSONS_ROOT];
  const read = (file: string) => ({ file, text: readFileSync(join(REPO_ROOT, file), 'utf8') });
  return {
    paths: read(options.pathsFile ?? `${LESSONS_ROOT}/paths.yaml`),
    glossary: read(`${LESSONS_ROOT}/glossary.yaml`),
    misconceptions: read(`${LESSONS_ROOT}/misconceptions.yaml`),
    lessonFiles: lessonRoots.flatMap(readLessonFolders),
  };
}

/** Every sub-folder of `root` is a lesson folder; files directly in `root` belong to the framework. */
function readLessonFolders(root: string): LessonSource[] {
  const absoluteRoot = join(REPO_ROOT, root);
  const sources: LessonSource[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else sources.push({ root, path: relative(absoluteRoot, path).split('\\').join('/'), text: readFileSync(path, 'utf8') });
    }
  };
  for (const name of readdirSync(absoluteRoot)) {
    if (statSync(join(absoluteRoot, name)).isDirectory()) walk(join(absoluteRoot, name));
  }
  return sources;
}
