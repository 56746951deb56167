// DRAG: place a watermark or a new event on a time axis. The grader puts the learner's value into the scenario,
// reruns it and checks the goal; the valid interval is whatever the simulator accepts, found by trying the grid.
import * as v from 'valibot';
import { checkGoal } from '../predicates.ts';
import { formatSeconds } from '../runView.ts';
import type { ScenarioChange } from '../runExercise.ts';
import type { DragExercise } from '../types.ts';
import { AnswerError, type Grader, type GradingRun } from './grader.ts';

/** The scenario with the learner's watermark (before an `end` step) or event (arriving at the given time). */
export function placeChange(exercise: DragExercise, valueMs: number): ScenarioChange {
  const place = exercise.place;
  return (scenario) => {
    if (place.what === 'event') {
      const events = [...((scenario.events as object[]) ?? [])];
      events.push({ key: place.key, value: place.value, ts: valueMs, arrivalMs: place.arrivalMs });
      return { ...scenario, events };
    }
    const steps = [...((scenario.steps as object[]) ?? [])];
    const endAt = steps.findIndex((step) => 'end' in step);
    steps.splice(endAt < 0 ? steps.length : endAt, 0, { watermark: valueMs });
    return { ...scenario, steps };
  };
}

export function axisValues(exercise: DragExercise): number[] {
  const { fromMs, toMs, stepMs } = exercise.axis;
  const values: number[] = [];
  for (let t = fromMs; t <= toMs; t += stepMs) values.push(t);
  return values;
}

/** The grid values the goal accepts. */
export function validPlacements(exercise: DragExercise, run: GradingRun): number[] {
  return axisValues(exercise).filter((t) => checkGoal(run.rerun(placeChange(exercise, t)), exercise.goal).holds);
}

export const dragGrader: Grader<'drag'> = {
  answer: v.pipe(v.number('a time in ms'), v.finite('a finite time in ms')),
  blank: () => Number.NaN,
  solve(exercise, run) {
    const valid = validPlacements(exercise, run);
    if (valid.length === 0) throw new RangeError(`${exercise.id}: no place on the axis meets the goal`);
    // The middle of the first run of valid grid points: safely inside the interval, not on its edge.
    let last = 0;
    while (last + 1 < valid.length && valid[last + 1] - valid[last] === exercise.axis.stepMs) last++;
    return valid[Math.floor(last / 2)];
  },
  grade(exercise, answer, run) {
    if (Number.isNaN(answer)) return { correct: false, feedback: 'Place the handle on the axis first.' };
    const { fromMs, toMs } = exercise.axis;
    if (answer < fromMs || answer > toMs) throw new AnswerError(`the value must lie on the axis, from ${fromMs} to ${toMs} ms, got ${answer}`);
    const { holds, checks } = checkGoal(run.rerun(placeChange(exercise, answer)), exercise.goal);
    const what = exercise.place.what === 'watermark' ? 'a watermark' : 'the event';
    const items = checks.map((check, i) => ({ id: `goal-${i + 1}`, correct: check.holds, text: check.text }));
    if (holds) return { correct: true, feedback: `Right: with ${what} at ${formatSeconds(answer)} s, ${checks.map((c) => c.text).join('; ')}.`, items };
    const failed = checks.filter((c) => !c.holds).map((c) => c.text);
    return { correct: false, feedback: `With ${what} at ${formatSeconds(answer)} s, ${failed.join('; ')}.`, items };
  },
};
