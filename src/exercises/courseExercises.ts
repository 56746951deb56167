// Every exercise of the course, read from disk (CLI, tests). Files come from the lesson framework's node loader,
// so lesson folders are found and read exactly as the syllabus and the course validation read them.
import { classifyLessonFile } from '../lessons/lessonFiles.ts';
import { readCourseSources, type LoadOptions } from '../lessons/nodeLoader.ts';
import { loadExerciseFrom } from './load.ts';
import type { Exercise } from './types.ts';

export async function loadCourseExercises(options: LoadOptions = {}): Promise<{ exercises: Exercise[]; errors: string[] }> {
  const files = readCourseSources(options).lessonFiles;
  const scenarios = new Map<string, string>();
  for (const { path, text } of files) {
    const role = classifyLessonFile(path);
    if (role.role === 'scenario') scenarios.set(`${role.lessonId}/${role.name}`, text);
  }
  const exercises: Exercise[] = [];
  const errors: string[] = [];
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  for (const { root, path, text } of sorted) {
    const role = classifyLessonFile(path);
    if (role.role !== 'exercise') continue;
    const parsed = await loadExerciseFrom({
      file: `${root}/${path}`, lessonId: role.lessonId, exerciseId: role.name, markdown: text,
      scenario: (name) => scenarios.get(`${role.lessonId}/${name}`),
    });
    if (parsed.ok) exercises.push(parsed.exercise);
    else errors.push(...parsed.errors);
  }
  return { exercises, errors };
}
