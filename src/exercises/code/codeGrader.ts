// CODE in the grader registry. What a registry grader can do synchronously it does here: read the answer (source
// text), give the starter code as the blank answer and the task's reference solution as the solved one. Checking
// runs the learner's code in a sandbox, which is asynchronous: that is gradeCode, reached through gradeAnswer.
import * as v from 'valibot';
import { AnswerError, type Grader } from '../graders/grader.ts';
import { taskFor } from './tasks.ts';

const MAX_SOURCE_CHARS = 20_000;

export const codeGrader: Grader<'code'> = {
  answer: v.pipe(v.string('the source code as a string'), v.maxLength(MAX_SOURCE_CHARS, `source code of at most ${MAX_SOURCE_CHARS} characters`)),
  blank: (exercise) => taskFor(exercise.entry).starter,
  solve: (exercise) => taskFor(exercise.entry).solution,
  grade: (exercise) => {
    throw new AnswerError(`${exercise.id}: a code answer is checked by running hidden tests in a sandbox; use gradeAnswer, which is asynchronous`);
  },
};
