// The entry points every caller uses (widgets, CLI, tests): solve an exercise for a seed, and grade an answer.
// Graders sit in a registry keyed by kind; the mapped type makes the compiler reject a kind without a grader.
import * as v from 'valibot';
import { codeGrader } from './code/codeGrader.ts';
import { dragGrader } from './graders/drag.ts';
import { AnswerError, type Grader, type GradingRun } from './graders/grader.ts';
import { numGrader } from './graders/num.ts';
import { orderGrader, startingOrder } from './graders/order.ts';
import { paramGrader, startingSettings } from './graders/param.ts';
import { predictGrader } from './graders/predict.ts';
import { selectGrader } from './graders/select.ts';
import { MISCONCEPTIONS } from './misconceptions.ts';
import { runVariant, runWrongRule } from './runExercise.ts';
import type { RunView } from './runView.ts';
import { MAX_SEED } from './variant.ts';
import type { AnswerOf, Exercise, ExerciseKind, ExerciseOf, MisconceptionId, Verdict } from './types.ts';

export const GRADERS: { [K in ExerciseKind]: Grader<K> } = {
  select: selectGrader,
  num: numGrader,
  order: orderGrader,
  drag: dragGrader,
  param: paramGrader,
  predict: predictGrader,
  code: codeGrader,
};

const graderFor = <K extends ExerciseKind>(exercise: ExerciseOf<K>): Grader<K> => GRADERS[exercise.kind as K];

/** The run of variant `seed` that graders compare with. */
export function gradingRun(exercise: Exercise, seed: number): GradingRun {
  let view: RunView | undefined;
  // Lazy: an answer in the wrong shape, or a kind that needs no run (code), is answered without simulating.
  return { seed, get view() { return (view ??= runVariant(exercise, seed)); }, rerun: (change) => runVariant(exercise, seed, change) };
}

function wrongRuleRun(exercise: Exercise, seed: number, id: MisconceptionId): GradingRun | undefined {
  const view = runWrongRule(exercise, seed, id);
  return view && { seed, view, rerun: (change) => runWrongRule(exercise, seed, id, change)! };
}

/** Outside input (JSON from the CLI or saved progress) in the kind's answer shape, or an AnswerError. */
export function parseAnswer<E extends Exercise>(exercise: E, input: unknown): AnswerOf<E['kind']> {
  const parsed = v.safeParse(graderFor(exercise).answer, input);
  if (!parsed.success) throw new AnswerError(`answer for ${exercise.id}: expected ${parsed.issues[0].message}, got ${JSON.stringify(input)}`);
  return parsed.output as AnswerOf<E['kind']>;
}

export function solve<E extends Exercise>(exercise: E, seed: number, run = gradingRun(exercise, seed)): AnswerOf<E['kind']> {
  return graderFor(exercise).solve(exercise, run) as AnswerOf<E['kind']>;
}

export function blankAnswer<E extends Exercise>(exercise: E): AnswerOf<E['kind']> {
  return graderFor(exercise).blank(exercise) as AnswerOf<E['kind']>;
}

/** What a Check with an untouched widget submits: what the widget shows (the seeded order, the starting settings). */
export function startingAnswer<E extends Exercise>(exercise: E, run: GradingRun): AnswerOf<E['kind']> {
  if (exercise.kind === 'order') return startingOrder(exercise, run).map((item) => item.id) as AnswerOf<E['kind']>;
  if (exercise.kind === 'param') return startingSettings(exercise, run.seed) as AnswerOf<E['kind']>;
  return blankAnswer(exercise);
}

/** A variant is worth asking only when doing nothing is not already right (e.g. "which records are dropped?"
 * when none is). Seed 1 is the scenario as written and always counts as usable. */
export function isUsableVariant(exercise: Exercise, seed: number): boolean {
  if (seed === 1 || exercise.kind === 'code') return true;
  return !graderFor(exercise).grade(exercise, blankAnswer(exercise), gradingRun(exercise, seed)).correct;
}

/** The first usable seed after `seed` (the "New variant" button), wrapping from MAX_SEED back to 2. */
export function nextVariantSeed(exercise: Exercise, seed: number): number {
  let next = seed;
  for (let tries = 0; tries < 50; tries++) {
    next = next >= MAX_SEED ? 2 : next + 1;
    if (isUsableVariant(exercise, next)) return next;
  }
  return 1;
}

/**
 * Grades an answer against variant `seed`. A wrong answer that a misconception's wrong rule would make correct
 * (and that rule really changes the answer) is reported as that misconception, with its targeted hint.
 */
export function grade<E extends Exercise>(exercise: E, seed: number, answer: AnswerOf<E['kind']>, run = gradingRun(exercise, seed)): Verdict {
  const grader = graderFor(exercise);
  const verdict = grader.grade(exercise, answer, run);
  if (verdict.correct) return { ...verdict, misconception: null };
  for (const id of exercise.wrongRules) {
    const wrong = wrongRuleRun(exercise, seed, id);
    if (!wrong || !isCorrectUnder(grader, exercise, answer, wrong)) continue;
    if (isCorrectUnder(grader, exercise, grader.solve(exercise, wrong), run)) continue;
    const rule = MISCONCEPTIONS[id];
    return { ...verdict, misconception: id, misconceptionHint: rule.hint, feedback: `${verdict.feedback} That is the answer if ${rule.wrongRule!.summary}.` };
  }
  return { ...verdict, misconception: null };
}

/** What the attempt and the CLI call: like `grade`, but a CODE answer first runs its hidden tests in a sandbox. */
export async function gradeAnswer<E extends Exercise>(exercise: E, seed: number, answer: AnswerOf<E['kind']>): Promise<Verdict> {
  if (exercise.kind !== 'code') return grade(exercise, seed, answer);
  const { gradeCode } = await import('./code/gradeCode.ts');
  return gradeCode(exercise, seed, answer as string);
}

function isCorrectUnder<K extends ExerciseKind>(grader: Grader<K>, exercise: ExerciseOf<K>, answer: AnswerOf<K>, run: GradingRun): boolean {
  try {
    return grader.grade(exercise, answer, run).correct;
  } catch (error) {
    // Under a wrong rule the answer may name items that run does not have (other windows): simply not a match.
    if (error instanceof AnswerError || error instanceof RangeError) return false;
    throw error;
  }
}
