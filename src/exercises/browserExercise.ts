// One exercise in the browser: its files come from the lesson catalog's lazy globs, so an exercise is fetched
// only when its lesson is opened.
import { loadExerciseSource, loadScenarioSource } from '../lessons/catalog.ts';
import { loadExerciseFrom } from './load.ts';
import type { ParsedExercise } from './parseDefinition.ts';

export async function loadExercise(lessonId: string, exerciseId: string): Promise<ParsedExercise> {
  const file = `${lessonId}/exercises/${exerciseId}.md`;
  const markdown = await loadExerciseSource(lessonId, exerciseId);
  if (markdown === undefined) return { ok: false, errors: [`${file}: no such exercise`] };
  return loadExerciseFrom({ file, lessonId, exerciseId, markdown, scenario: (name) => loadScenarioSource(lessonId, name) });
}
