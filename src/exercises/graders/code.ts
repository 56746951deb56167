// CODE: the learner writes an operator (lesson L11) that hidden property tests check against the simulator.
// The kind and its answer shape exist so lessons can name it; the sandboxed test runner comes with L11 (issue 7
// leaves it out), so this grader says so instead of pretending to grade.
import * as v from 'valibot';
import { AnswerError, type Grader } from './grader.ts';

export const codeGrader: Grader<'code'> = {
  answer: v.string('the source code as a string'),
  blank: () => '',
  solve: (exercise) => {
    throw new AnswerError(`${exercise.id}: code exercises have no reference answer until the hidden-test runner of lesson L11 exists`);
  },
  grade: () => ({ correct: false, feedback: 'Code exercises are checked by hidden tests, which arrive with the lesson "Build a mini engine".' }),
};
