// One exercise from its files: the lesson framework parses the Markdown (front matter, prompt, hints,
// explanation); the engine adds the kind-specific fields and the scenario. Used by the browser and node loaders.
import { parseExercise } from '../lessons/parseExercise.ts';
import { parseDefinition, type ParsedExercise } from './parseDefinition.ts';

export interface ExerciseFiles {
  /** Repository-relative path of the exercise Markdown, used in messages. */
  file: string;
  lessonId: string;
  exerciseId: string;
  markdown: string;
  /** Reads the lesson's scenario by name (undefined when there is no such file). */
  scenario: (name: string) => string | undefined | Promise<string | undefined>;
}

export async function loadExerciseFrom(files: ExerciseFiles): Promise<ParsedExercise> {
  const meta = parseExercise(files.file, files.exerciseId, files.markdown);
  if (!meta.ok) return { ok: false, errors: meta.errors };
  const scenarioText = meta.value.scenario ? await files.scenario(meta.value.scenario) : undefined;
  return parseDefinition(files.file, files.lessonId, meta.value, scenarioText);
}
