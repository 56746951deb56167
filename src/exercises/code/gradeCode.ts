// Grades a CODE answer: build the hidden cases for the seed (expected outputs from simulator runs), run the
// learner's code on their inputs in a sandbox with a time limit, then judge each output. The feedback names the
// first failing case in plain words: its input, the expected output, and what the code returned.
import type { CodeExercise, Verdict } from '../types.ts';
import { defaultSandbox } from './sandbox.ts';
import type { Failure } from './task.ts';
import { taskFor } from './tasks.ts';
import type { Sandbox } from './types.ts';
import { variantScenario } from '../variant.ts';

const verdict = (correct: boolean, feedback: string): Verdict => ({ correct, feedback, misconception: null });

export async function gradeCode(exercise: CodeExercise, seed: number, source: string, sandbox?: Sandbox): Promise<Verdict> {
  const task = taskFor(exercise.entry);
  const scenario = exercise.scenario === undefined ? undefined : variantScenario(exercise.scenario, exercise.vary, seed);
  const cases = task.cases(seed, scenario);
  const reply = await (sandbox ?? (await defaultSandbox())).run({ task: task.id, source, entry: task.entry, inputs: cases.map((c) => c.input) });
  const count = cases.length;
  if (reply.status === 'unusable') return verdict(false, `Your code cannot run: ${reply.error}.`);
  if (reply.status === 'timeout') {
    const hidden = cases[reply.caseIndex];
    return verdict(false, `Stopped: hidden test ${reply.caseIndex + 1} of ${count} ("${hidden.name}") ran for more than ${reply.limitMs / 1000} s. `
      + 'Look for a loop whose condition never changes.');
  }
  let first: string | undefined;
  let failing = 0;
  reply.outcomes.forEach((outcome, i) => {
    const hidden = cases[i];
    const label = `Hidden test ${i + 1} of ${count} ("${hidden.name}")`;
    if (!outcome.ok) {
      failing++;
      first ??= `${label}: your code threw ${outcome.error} while handling ${task.describeStep(hidden.input, outcome.step)}.`;
      return;
    }
    const failure = task.judge(hidden, outcome.output);
    if (!failure) return;
    failing++;
    first ??= `${label} fails. ${describe(failure)}`;
  });
  if (first === undefined) return verdict(true, `All ${count} hidden tests pass.`);
  return verdict(false, `${failing} of ${count} hidden tests fail. ${first}`);
}

const describe = ({ input, expected, got }: Failure): string => `Input: ${input}. Expected: ${expected}. Your code: ${got}.`;
