// What a grader is. Graders are pure: the expected answer comes from the run they are handed, never from a key.
import * as v from 'valibot';
import type { RunView } from '../runView.ts';
import type { ScenarioChange } from '../runExercise.ts';
import type { AnswerOf, ExerciseKind, ExerciseOf, Verdict } from '../types.ts';

/** The run a grader works on, and how to rerun the same variant with a change (PARAM settings, DRAG placement). */
export interface GradingRun {
  seed: number;
  view: RunView;
  rerun: (change: ScenarioChange) => RunView;
}

export type GraderVerdict = Omit<Verdict, 'misconception' | 'misconceptionHint'>;

export interface Grader<K extends ExerciseKind> {
  /** Checks outside input (CLI, saved progress) and returns it in the kind's answer shape. */
  answer: v.GenericSchema<unknown, AnswerOf<K>>;
  solve: (exercise: ExerciseOf<K>, run: GradingRun) => AnswerOf<K>;
  grade: (exercise: ExerciseOf<K>, answer: AnswerOf<K>, run: GradingRun) => GraderVerdict;
  /** The answer a learner who has done nothing yet would submit. */
  blank: (exercise: ExerciseOf<K>) => AnswerOf<K>;
}

/** An answer that is not in the exercise's shape or names something the exercise does not have. */
export class AnswerError extends Error {}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
