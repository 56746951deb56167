// PARAM: the learner sets named scenario parameters; the grader reruns the seeded scenario with them and checks
// the goal (e.g. nothing dropped and the first result at most 3 s after the window's end).
import * as v from 'valibot';
import { getPath, setPath } from '../paths.ts';
import { checkGoal } from '../predicates.ts';
import { variantJson, type ScenarioChange } from '../runExercise.ts';
import type { ParamExercise, ParamSpec } from '../types.ts';
import { AnswerError, type Grader } from './grader.ts';

/** Grid searches stop here; an exercise with more combinations is rejected when it is parsed. */
export const MAX_COMBINATIONS = 2000;

export function settingsChange(exercise: ParamExercise, settings: Record<string, number>): ScenarioChange {
  return (scenario) => {
    const copy = structuredClone(scenario);
    for (const [name, spec] of Object.entries(exercise.params)) setPath(copy, spec.path, settings[name]);
    return copy;
  };
}

export function gridOf(spec: ParamSpec): number[] {
  const values: number[] = [];
  for (let x = spec.min; x <= spec.max + 1e-9; x += spec.step) values.push(Number(x.toFixed(6)));
  return values;
}

function* combinations(exercise: ParamExercise): Generator<Record<string, number>> {
  const names = Object.keys(exercise.params);
  const grids = names.map((name) => gridOf(exercise.params[name]));
  const index = names.map(() => 0);
  for (let n = 0; n < MAX_COMBINATIONS; n++) {
    yield Object.fromEntries(names.map((name, i) => [name, grids[i][index[i]]]));
    let i = names.length - 1;
    while (i >= 0 && ++index[i] === grids[i].length) index[i--] = 0;
    if (i < 0) return;
  }
}

/** The settings the controls start at: the variant's own values, clamped into each range. */
export function startingSettings(exercise: ParamExercise, seed: number): Record<string, number> {
  const written = variantJson(exercise, seed);
  return Object.fromEntries(Object.entries(exercise.params).map(([name, spec]) => {
    const value = getPath(written, spec.path);
    return [name, typeof value === 'number' ? Math.min(spec.max, Math.max(spec.min, value)) : spec.min];
  }));
}

function describeSettings(exercise: ParamExercise, settings: Record<string, number>): string {
  return Object.entries(exercise.params).map(([name, spec]) => `${spec.label} ${settings[name]}${spec.unit ? ` ${spec.unit}` : ''}`).join(', ');
}

export const paramGrader: Grader<'param'> = {
  answer: v.record(v.string(), v.pipe(v.number('a number'), v.finite('a finite number')), 'an object of parameter values, e.g. {"delay": 6000}'),
  blank: () => ({}),
  solve(exercise, run) {
    for (const settings of combinations(exercise)) {
      if (checkGoal(run.rerun(settingsChange(exercise, settings)), exercise.goal).holds) return settings;
    }
    throw new RangeError(`${exercise.id}: no setting within the ranges meets the goal`);
  },
  grade(exercise, answer, run) {
    for (const name of Object.keys(answer)) if (!(name in exercise.params)) throw new AnswerError(`unknown parameter "${name}" (parameters: ${Object.keys(exercise.params).join(', ')})`);
    const unset = Object.keys(exercise.params).filter((name) => answer[name] === undefined);
    if (unset.length > 0) return { correct: false, feedback: `Set ${unset.map((name) => exercise.params[name].label).join(' and ')} first.` };
    for (const [name, spec] of Object.entries(exercise.params)) {
      if (answer[name] < spec.min || answer[name] > spec.max) throw new AnswerError(`${name} must lie from ${spec.min} to ${spec.max}, got ${answer[name]}`);
    }
    const { holds, checks } = checkGoal(run.rerun(settingsChange(exercise, answer)), exercise.goal);
    const items = checks.map((check, i) => ({ id: `goal-${i + 1}`, correct: check.holds, text: check.text }));
    const settings = describeSettings(exercise, answer);
    if (holds) return { correct: true, feedback: `Right: with ${settings}, ${checks.map((c) => c.text).join('; ')}.`, items };
    return { correct: false, feedback: `With ${settings}, ${checks.filter((c) => !c.holds).map((c) => c.text).join('; ')}.`, items };
  },
};
