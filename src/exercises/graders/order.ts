// ORDER: put the items (e.g. emitted results) in the sequence the run produced them. Feedback says how many
// sit in the right place and why the first misplaced one belongs elsewhere.
import * as v from 'valibot';
import { findQuestion, type Option, type SequenceQuestion } from '../questions/catalog.ts';
import type { OrderExercise } from '../types.ts';
import { createRng } from '../../sim/index.ts';
import { AnswerError, type Grader, type GradingRun } from './grader.ts';

const sequence = (exercise: OrderExercise, run: GradingRun): Option[] =>
  (findQuestion(exercise.question.name) as SequenceQuestion).answer(run.view, exercise.question);

const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

/** The items in a seeded shuffled order; it is never already the answer when there are two or more items. */
export function startingOrder(exercise: OrderExercise, run: GradingRun): Option[] {
  const items = sequence(exercise, run);
  const rng = createRng(run.seed);
  const shuffled = [...items];
  for (let attempt = 0; attempt < 8; attempt++) {
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    if (shuffled.some((item, i) => item.id !== items[i].id)) return shuffled;
  }
  return [...items].reverse();
}

export const orderGrader: Grader<'order'> = {
  answer: v.array(v.string(), 'a JSON array of item ids in order'),
  blank: () => [],
  solve: (exercise, run) => sequence(exercise, run).map((item) => item.id),
  grade(exercise, answer, run) {
    const items = sequence(exercise, run);
    const ids = items.map((item) => item.id);
    const unknown = answer.filter((id) => !ids.includes(id));
    if (unknown.length > 0) throw new AnswerError(`not an item: ${unknown.join(', ')} (items: ${ids.join(', ')})`);
    if (answer.length !== ids.length || new Set(answer).size !== answer.length) {
      return { correct: false, feedback: `Place every item exactly once: ${ids.length} items, your order has ${answer.length}.` };
    }
    const verdicts = answer.map((id, i) => ({ id, correct: id === ids[i], text: items.find((item) => item.id === id)!.why }));
    const right = verdicts.filter((item) => item.correct).length;
    if (right === ids.length) return { correct: true, feedback: 'Right: that is the order the results were emitted in.', items: verdicts };
    const first = verdicts.findIndex((item) => !item.correct);
    const placed = verdicts[first];
    const direction = ids.indexOf(placed.id) > first ? 'later' : 'earlier';
    return {
      correct: false,
      feedback: `${right} of ${ids.length} are in the right place. The ${ordinal(first + 1)} is wrong: ${placed.text}, so it comes ${direction}.`,
      items: verdicts,
    };
  },
};
