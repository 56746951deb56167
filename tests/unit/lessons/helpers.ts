// The unit fixture course (tests/unit/lessons/fixtures/course) read from disk, with one file swapped at a time.
import { buildCourse, type CourseSources } from '../../../src/lessons/course.ts';
import { LESSONS_ROOT, readCourseSources } from '../../../src/lessons/nodeLoader.ts';

export const FIXTURE_ROOT = 'tests/unit/lessons/fixtures/course';
export const MINI = `${FIXTURE_ROOT}/mini`;

export function fixtureSources(): CourseSources {
  return readCourseSources({ lessonRoots: [FIXTURE_ROOT], pathsFile: `${FIXTURE_ROOT}/paths.yaml` });
}

/** Builds the fixture course with `path` (inside the fixture root) replaced, added, or removed when `text` is undefined. */
export function buildWith(path: string, text: string | undefined, base = fixtureSources()) {
  const lessonFiles = base.lessonFiles.filter((file) => file.path !== path);
  if (text !== undefined) lessonFiles.push({ root: FIXTURE_ROOT, path, text });
  return buildCourse({ ...base, lessonFiles });
}

export function fixtureText(path: string): string {
  const file = fixtureSources().lessonFiles.find((f) => f.path === path);
  if (!file) throw new Error(`no fixture file ${path}`);
  return file.text;
}

export function buildWithPaths(yaml: string) {
  const base = fixtureSources();
  return buildCourse({ ...base, paths: { file: `${FIXTURE_ROOT}/paths.yaml`, text: yaml } });
}

export { LESSONS_ROOT };
