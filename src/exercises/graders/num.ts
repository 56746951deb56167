// NUM: one number, or one number per named field (e.g. per window), exact or within the stated tolerance.
// Times are computed in ms and compared in the exercise's unit.
import * as v from 'valibot';
import { findQuestion, type NumberQuestion } from '../questions/catalog.ts';
import { runWrongRule } from '../runExercise.ts';
import { byWindowEnd, type WindowRow } from '../runView.ts';
import type { NumExercise } from '../types.ts';
import { AnswerError, type Grader, type GradingRun } from './grader.ts';

const MS_PER_UNIT: Record<string, number> = { ms: 1, s: 1000, min: 60_000 };

const numberQuestion = (exercise: NumExercise) => findQuestion(exercise.question.name) as NumberQuestion;

/** How many ms one answer unit is worth (1 for counts). */
export function unitScale(exercise: NumExercise): number {
  return numberQuestion(exercise).dimension === 'time' ? MS_PER_UNIT[exercise.unit] ?? 1 : 1;
}

const finite = v.pipe(v.number('a number'), v.finite('a finite number'));
// Only time units follow the number in a sentence; a count's unit ("results") is a label next to the input.
const withUnit = (exercise: NumExercise, n: number) => (numberQuestion(exercise).dimension === 'time' ? `${n} ${exercise.unit}` : String(n));

/**
 * The fields a per-window answer offers: the windows of the run and of every wrong-rule run of the exercise, in
 * window order. Offering only the run's windows would make a misconception's answer (say processing-time windows,
 * M2) impossible to enter, and so its targeted hint impossible to reach.
 */
export function perWindowFields(exercise: NumExercise, run: GradingRun): string[] {
  const windows = new Map<string, WindowRow>();
  const views = [run.view, ...exercise.wrongRules.map((id) => runWrongRule(exercise, run.seed, id))];
  for (const view of views) for (const w of view?.windows ?? []) if (!windows.has(w.id)) windows.set(w.id, w);
  return [...windows.values()].sort(byWindowEnd).map((w) => w.id);
}

export const numGrader: Grader<'num'> = {
  answer: v.union([finite, v.record(v.string(), finite)], 'a number, or an object of numbers such as {"[0,10)": 3}'),
  blank: (exercise) => (numberQuestion(exercise).isPerWindow ? {} : Number.NaN),
  solve(exercise, run) {
    const expected = numberQuestion(exercise).answer(run.view, exercise.question);
    const scale = unitScale(exercise);
    if (typeof expected === 'number') return expected / scale;
    return Object.fromEntries(Object.entries(expected).map(([field, n]) => [field, n / scale]));
  },
  grade(exercise, answer, run) {
    const expected = numGrader.solve(exercise, run);
    const close = (a: number, b: number) => Math.abs(a - b) <= exercise.tolerance + 1e-9;
    const explain = () => numberQuestion(exercise).explain(run.view, exercise.question);
    if (typeof expected === 'number') {
      if (typeof answer !== 'number') throw new AnswerError('expected a single number');
      if (Number.isNaN(answer)) return { correct: false, feedback: 'Enter a number first.' };
      if (close(answer, expected)) return { correct: true, feedback: `Right. ${explain()}` };
      const direction = answer < expected ? 'too low' : 'too high';
      const within = exercise.tolerance > 0 ? ` (answers within ${withUnit(exercise, exercise.tolerance)} count)` : '';
      return { correct: false, feedback: `${withUnit(exercise, answer)} is ${direction}${within}.` };
    }
    if (typeof answer === 'number') throw new AnswerError('expected one number per field, e.g. {"[0,10)": 3}');
    // A blank field means 0 (no result), so a learner need not type 0 for every window that stays empty.
    const given = (id: string) => (id in answer && !Number.isNaN(answer[id]) ? answer[id] : 0);
    const fields = [...new Set([...Object.keys(expected), ...Object.keys(answer)])];
    const items = fields.map((id) => {
      const [n, want] = [given(id), expected[id] ?? 0];
      if (close(n, want)) return { id, correct: true, text: `${id}: ${n} is right` };
      if (!(id in expected)) return { id, correct: false, text: `${id} has no result in this run` };
      const said = id in answer && !Number.isNaN(answer[id]) ? String(n) : 'blank (0)';
      return { id, correct: false, text: `${id}: ${said} is ${n < want ? 'too low' : 'too high'}` };
    });
    const wrong = items.filter((item) => !item.correct);
    if (wrong.length === 0) return { correct: true, feedback: `Right. ${explain()}`, items };
    return { correct: false, feedback: `${wrong.map((item) => item.text).join('; ')}.`, items };
  },
};
