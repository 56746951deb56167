// Shared by the exercise tests (node and jsdom): the fixture lesson's exercises, read straight from disk so the
// helper also works where import.meta.url is not a file URL (jsdom).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadExerciseFrom } from '../../../src/exercises/load.ts';
import type { Exercise } from '../../../src/exercises/types.ts';

export const FIXTURE_LESSONS = 'tests/unit/exercises/fixtures/lessons';
const LESSON = 'late-drill';

export async function fixtureExercises(): Promise<Exercise[]> {
  const dir = join(process.cwd(), FIXTURE_LESSONS, LESSON);
  const exercises: Exercise[] = [];
  for (const name of readdirSync(join(dir, 'exercises')).sort()) {
    const parsed = await loadExerciseFrom({
      file: `${FIXTURE_LESSONS}/${LESSON}/exercises/${name}`, lessonId: LESSON, exerciseId: name.replace(/\.md$/, ''),
      markdown: readFileSync(join(dir, 'exercises', name), 'utf8'),
      scenario: (scenario) => readFileSync(join(dir, 'scenarios', `${scenario}.json`), 'utf8'),
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    exercises.push(parsed.exercise);
  }
  return exercises;
}

export async function fixture<K extends Exercise['kind']>(id: string, kind: K): Promise<Extract<Exercise, { kind: K }>> {
  const exercise = (await fixtureExercises()).find((e) => e.id === `${LESSON}/${id}`);
  if (!exercise || exercise.kind !== kind) throw new Error(`no ${kind} fixture ${id}`);
  return exercise as Extract<Exercise, { kind: K }>;
}
