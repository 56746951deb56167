// A per-window NUM answer: which windows the learner is offered, and how blank fields are graded.
import { describe, expect, it } from 'vitest';
import { grade, gradingRun, solve } from '../../../src/exercises/grade.ts';
import { perWindowFields } from '../../../src/exercises/graders/num.ts';
import { fixture } from './helpers.ts';

// The replay fixture: ten taps with event times 1 4 10 6 8 13 9 16 19 21 s, replayed between 600 and 600.35 s.
const LIVE_COUNTS = { '[0,10)': 5, '[10,20)': 4, '[20,30)': 1 };

describe('the windows a per-window answer offers', () => {
  it('are the run\'s event-time windows plus the processing-time window of the M2 rule, in window order', async () => {
    const exercise = await fixture('replay-counts', 'num');
    expect(perWindowFields(exercise, gradingRun(exercise, 1))).toEqual(['[0,10)', '[10,20)', '[20,30)', '[600,610)']);
  });

  it('are only the run\'s windows when the exercise names no wrong rule', async () => {
    const exercise = { ...(await fixture('replay-counts', 'num')), wrongRules: [] };
    expect(perWindowFields(exercise, gradingRun(exercise, 1))).toEqual(['[0,10)', '[10,20)', '[20,30)']);
  });

  it('follow the variant: every window a seed\'s correct answer names is offered', async () => {
    const exercise = await fixture('counts-per-window', 'num');
    for (const seed of [1, 2, 3, 7, 11]) {
      const fields = perWindowFields(exercise, gradingRun(exercise, seed));
      expect(fields).toEqual(expect.arrayContaining(Object.keys(solve(exercise, seed) as Record<string, number>)));
      expect(new Set(fields).size).toBe(fields.length);
    }
  });
});

describe('grading a per-window answer', () => {
  it('the processing-time count, entered in the field the M2 rule adds, gets the M2 hint', async () => {
    const exercise = await fixture('replay-counts', 'num');
    expect(solve(exercise, 1)).toEqual(LIVE_COUNTS);
    const verdict = grade(exercise, 1, { '[600,610)': 10 });
    expect(verdict).toMatchObject({ correct: false, misconception: 'M2', misconceptionHint: expect.stringContaining('Check which clock the window uses') });
    expect(verdict.feedback).toContain('[600,610) has no result in this run');
  });

  it('treats a blank field and 0 the same, for windows with and without a result', async () => {
    const exercise = await fixture('replay-counts', 'num');
    expect(grade(exercise, 1, LIVE_COUNTS).correct).toBe(true);
    expect(grade(exercise, 1, { ...LIVE_COUNTS, '[600,610)': 0 }).correct).toBe(true);
    expect(grade(exercise, 1, { ...LIVE_COUNTS, '[600,610)': Number.NaN }).correct).toBe(true);
    const blank = grade(exercise, 1, { '[0,10)': 5, '[10,20)': 4 });
    const zero = grade(exercise, 1, { '[0,10)': 5, '[10,20)': 4, '[20,30)': 0 });
    expect([blank.correct, zero.correct]).toEqual([false, false]);
    expect(blank.feedback).toBe('[20,30): blank (0) is too low.');
    expect(zero.feedback).toBe('[20,30): 0 is too low.');
  });
});
