// SELECT: choose the exact set (records, windows, …). Feedback names every wrong choice with the run's reason
// and counts the missing ones without naming them, so the learner still has something to find.
import * as v from 'valibot';
import { findQuestion, type Option, type SetQuestion } from '../questions/catalog.ts';
import type { SelectExercise } from '../types.ts';
import { AnswerError, plural, type Grader, type GradingRun } from './grader.ts';

const setQuestion = (exercise: SelectExercise) => findQuestion(exercise.question.name) as SetQuestion;

export function selectOptions(exercise: SelectExercise, run: GradingRun): Option[] {
  return setQuestion(exercise).options(run.view, exercise.question, run.rerun);
}

export const selectGrader: Grader<'select'> = {
  answer: v.pipe(v.array(v.string(), 'a JSON array of choice ids, e.g. ["e6"]'), v.check((ids) => new Set(ids).size === ids.length, 'each choice at most once')),
  blank: () => [],
  solve: (exercise, run) => setQuestion(exercise).answer(run.view, exercise.question, run.rerun),
  grade(exercise, answer, run) {
    const options = selectOptions(exercise, run);
    const unknown = answer.filter((id) => !options.some((o) => o.id === id));
    if (unknown.length > 0) throw new AnswerError(`not a choice: ${unknown.join(', ')} (choices: ${options.map((o) => o.id).join(', ')})`);
    const expected = new Set(setQuestion(exercise).answer(run.view, exercise.question, run.rerun));
    const items = answer.map((id) => {
      const option = options.find((o) => o.id === id)!;
      return { id, correct: expected.has(id), text: option.why };
    });
    const wrong = items.filter((item) => !item.correct);
    const missing = [...expected].filter((id) => !answer.includes(id)).length;
    if (wrong.length === 0 && missing === 0) {
      return { correct: true, feedback: expected.size === 0 ? 'Right: none of them.' : `Right: ${[...expected].join(', ')}.`, items };
    }
    const feedback = setQuestion(exercise).feedback;
    if (feedback) return { correct: false, feedback: feedback(options, answer, [...expected]), items };
    const parts = wrong.map((item) => `${item.id} does not belong: ${item.text}.`);
    if (missing > 0) parts.push(`${plural(missing, 'more choice')} ${missing === 1 ? 'belongs' : 'belong'} in the answer.`);
    return { correct: false, feedback: parts.join(' '), items };
  },
};
