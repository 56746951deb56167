// The fixture exercises the node tests use, loaded in the browser from the same files (Vite ?raw imports).
import { loadExerciseFrom } from '../../../src/exercises/load.ts';
import type { Exercise } from '../../../src/exercises/types.ts';

const DIR = '../../unit/exercises/fixtures/lessons/late-drill';
const files = import.meta.glob<string>('../../unit/exercises/fixtures/lessons/late-drill/**/*.{md,json}', { query: '?raw', import: 'default', eager: true });

export async function fixture<K extends Exercise['kind']>(id: string, kind: K): Promise<Extract<Exercise, { kind: K }>> {
  const markdown = files[`${DIR}/exercises/${id}.md`];
  if (markdown === undefined) throw new Error(`no fixture exercise ${id}`);
  const parsed = await loadExerciseFrom({
    file: `${DIR}/exercises/${id}.md`, lessonId: 'late-drill', exerciseId: id, markdown,
    scenario: (name) => files[`${DIR}/scenarios/${name}.json`],
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  if (parsed.exercise.kind !== kind) throw new Error(`fixture ${id} is a ${parsed.exercise.kind} exercise, not ${kind}`);
  return parsed.exercise as Extract<Exercise, { kind: K }>;
}
