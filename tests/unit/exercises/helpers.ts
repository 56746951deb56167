// Shared by the exercise tests: the fixture course and a lookup by id.
import { loadCourseExercises } from '../../../src/exercises/courseExercises.ts';
import type { Exercise } from '../../../src/exercises/types.ts';

export const FIXTURE_LESSONS = 'tests/unit/exercises/fixtures/lessons';

export async function fixtureExercises(): Promise<Exercise[]> {
  const { exercises, errors } = await loadCourseExercises({ lessonRoots: [FIXTURE_LESSONS] });
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return exercises;
}

export async function fixture<K extends Exercise['kind']>(id: string, kind: K): Promise<Extract<Exercise, { kind: K }>> {
  const exercise = (await fixtureExercises()).find((e) => e.id === `late-drill/${id}`);
  if (!exercise || exercise.kind !== kind) throw new Error(`no ${kind} fixture ${id}`);
  return exercise as Extract<Exercise, { kind: K }>;
}
