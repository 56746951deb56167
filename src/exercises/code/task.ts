// What a CODE task is: the learner-facing starter and reference solution, hidden cases whose expected outputs
// come from the simulator (or, for barrier alignment, from the definition of a consistent snapshot), and a judge
// that explains a failing case in plain words.
import { parseScenario, run, type Rng, type Run } from '../../sim/index.ts';
import type { HiddenCase, TaskId } from './types.ts';

/** A failing case in plain words: the input that matters, what should have come out, what the code did. */
export interface Failure { input: string; expected: string; got: string }

export interface Task<I = unknown, E = unknown> {
  id: TaskId;
  /** The function the learner defines. */
  entry: string;
  starter: string;
  solution: string;
  /** `scenario` is the exercise's own scenario for this seed, when it has one: it becomes the first case. */
  cases: (seed: number, scenario: unknown) => HiddenCase<I, E>[];
  /** undefined when `output` is right. */
  judge: (hidden: HiddenCase<I, E>, output: unknown) => Failure | undefined;
  /** An input step in words, for errors the code throws while handling it. */
  describeStep: (input: I, step: number) => string;
}

/** Runs scenario JSON with its trace; a scenario the simulator rejects is a bug in the task, not in the answer. */
export function runTraced(json: unknown): Required<Pick<Run, 'trace'>> & Run {
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(`hidden-test scenario rejected by the simulator: ${parsed.error}`);
  const result = run(parsed.scenario, { trace: true });
  return result as Required<Pick<Run, 'trace'>> & Run;
}

export const ms = (t: number): string => (t === Infinity ? '+∞' : t === -Infinity ? '−∞' : String(t));

/** The last `count` lines of a history, with how many came before. */
export function tail(lines: string[], count = 8): string {
  const shown = lines.slice(-count).join('; ');
  return lines.length > count ? `(${lines.length - count} earlier steps) … ${shown}` : shown;
}

/** An integer in [0, n) from the seeded generator. */
export const randomInt = (rng: Rng, n: number): number => Math.floor(rng() * n);
