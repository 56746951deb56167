// Shared by the CODE tests: the course's code exercises and an in-process sandbox. The in-process sandbox runs
// the same drivers and judges as the worker sandboxes, without a thread per check; the worker path has its own
// tests (sandbox.test.ts).
import { loadCourseExercises } from '../../../../src/exercises/courseExercises.ts';
import { executeCases } from '../../../../src/exercises/code/execute.ts';
import type { Sandbox } from '../../../../src/exercises/code/types.ts';
import type { CodeExercise } from '../../../../src/exercises/types.ts';

export const inProcessSandbox: Sandbox = { run: async (request) => executeCases(request, () => {}) };

export async function codeExercises(): Promise<CodeExercise[]> {
  const { exercises, errors } = await loadCourseExercises();
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return exercises.filter((e): e is CodeExercise => e.kind === 'code');
}

/** The reference solution with one thing changed; fails loudly if the text to change is not there. */
export function breakSolution(solution: string, find: string | RegExp, replace: string): string {
  const broken = solution.replace(find, replace);
  if (broken === solution) throw new Error(`the reference solution no longer contains ${String(find)}`);
  return broken;
}
