// Hand-computed cases on the fixture scenario (Flink, 10 s tumbling count, bounded watermark W = max − 5 s − 1 ms
// per record). Records in arrival order, event time @ arrival (s): e1 1@2, e2 4@5, e3 12@13, e4 3@14, e5 15@16,
// e6 9@17, e7 21@22, e8 14@23. So W after e3 = 6.999, after e5 = 9.999 ([0,10) fires with e1 e2 e4 = 3), after e7 = 15.999.
import { describe, expect, it } from 'vitest';
import { grade, parseAnswer, solve } from '../../../src/exercises/grade.ts';
import { validPlacements } from '../../../src/exercises/graders/drag.ts';
import { AnswerError } from '../../../src/exercises/graders/grader.ts';
import { gradingRun } from '../../../src/exercises/grade.ts';
import { MISCONCEPTIONS } from '../../../src/exercises/misconceptions.ts';
import { fixture } from './helpers.ts';

describe('SELECT', () => {
  it('the dropped records are exactly e6: e4 is behind the watermark but its window is still open', async () => {
    const exercise = await fixture('which-dropped', 'select');
    expect(solve(exercise, 1)).toEqual(['e6']);
    expect(grade(exercise, 1, ['e6'])).toMatchObject({ correct: true, misconception: null });
  });

  it('a wrongly chosen record is named with the run\'s reason, and missing ones are counted, not named', async () => {
    const exercise = await fixture('which-dropped', 'select');
    const verdict = grade(exercise, 1, ['e8']);
    expect(verdict.correct).toBe(false);
    expect(verdict.feedback).toContain('e8 does not belong: e8 was kept: it counted in [10,20)');
    expect(verdict.feedback).toContain('1 more choice belongs in the answer');
    expect(verdict.feedback).not.toContain('e6');
  });

  it('answering "nothing is dropped" is recognised as M3 (late records counted anyway) with its hint', async () => {
    const exercise = await fixture('which-dropped', 'select');
    const verdict = grade(exercise, 1, []);
    expect(verdict).toMatchObject({ correct: false, misconception: 'M3', misconceptionHint: MISCONCEPTIONS.M3.hint });
  });

  it('fired windows after e5: only [0,10); [10,20) waits because the watermark is 9.999 s', async () => {
    const exercise = await fixture('fired-after-e5', 'select');
    expect(solve(exercise, 1)).toEqual(['[0,10)']);
    expect(grade(exercise, 1, ['[0,10)', '[10,20)']).feedback).toBe('[10,20) does not belong: [10,20) did not fire yet: the watermark is 9.999 s.');
  });

  it('a choice the exercise does not offer is an error naming the valid choices', async () => {
    const exercise = await fixture('which-dropped', 'select');
    expect(() => grade(exercise, 1, ['e6', 'e99'])).toThrow(/not a choice: e99 \(choices: e1, e2, e3, e4, e5, e6, e7, e8\)/);
  });
});

describe('NUM', () => {
  it('with 5 s lateness [0,10) emits twice (3 on time, 4 after late e6); answering 1 is M5', async () => {
    const exercise = await fixture('late-firings', 'num');
    expect(solve(exercise, 1)).toBe(2);
    expect(grade(exercise, 1, 1)).toMatchObject({ correct: false, misconception: 'M5', feedback: expect.stringContaining('1 is too low') });
  });

  it('per-window counts are graded per window; the processing-time counts are recognised as M2', async () => {
    const exercise = await fixture('counts-per-window', 'num');
    expect(solve(exercise, 1)).toEqual({ '[0,10)': 4, '[10,20)': 3, '[20,30)': 1 });
    const wrong = grade(exercise, 1, { '[0,10)': 4, '[10,20)': 2, '[20,30)': 1 });
    expect(wrong.feedback).toBe('[10,20): 2 is too low.');
    // On the arrival clock: e1 e2 arrive in [0,10), e3–e6 in [10,20); processing-time windows do not fire at the end.
    expect(grade(exercise, 1, { '[0,10)': 2, '[10,20)': 4 })).toMatchObject({ correct: false, misconception: 'M2' });
  });

  it('a time answer is read in the exercise unit and accepted within the tolerance', async () => {
    const exercise = await fixture('first-fire-watermark', 'num');
    expect(exercise.unit).toBe('s');
    expect(solve(exercise, 1)).toBeCloseTo(9.999);
    expect(grade(exercise, 1, 9.999).correct).toBe(true);
    expect(grade(exercise, 1, 10).correct).toBe(true);
    expect(grade(exercise, 1, 10.5)).toMatchObject({ correct: false, feedback: '10.5 s is too high (answers within 0.001 s count).' });
  });

  it('an answer of the wrong shape is refused with the shape it needs', async () => {
    const exercise = await fixture('late-firings', 'num');
    expect(() => parseAnswer(exercise, 'two')).toThrow(AnswerError);
    expect(() => parseAnswer(exercise, 'two')).toThrow(/expected a number, or an object of numbers/);
  });
});

describe('ORDER', () => {
  it('the results come out on time, late, then the two flushed by the end of input', async () => {
    const exercise = await fixture('output-order', 'order');
    expect(solve(exercise, 1)).toEqual(['[0,10) = 3 (ON_TIME)', '[0,10) = 4 (LATE)', '[10,20) = 3 (ON_TIME)', '[20,30) = 1 (ON_TIME)']);
  });

  it('a misplaced result is explained by when it was emitted', async () => {
    const exercise = await fixture('output-order', 'order');
    const verdict = grade(exercise, 1, ['[0,10) = 4 (LATE)', '[0,10) = 3 (ON_TIME)', '[10,20) = 3 (ON_TIME)', '[20,30) = 1 (ON_TIME)']);
    expect(verdict.feedback).toBe('2 of 4 are in the right place. The 1st is wrong: [0,10) = 4 (LATE) was emitted after e6, so it comes later.');
  });
});

describe('DRAG', () => {
  it('a watermark fires [0,10) but not [10,20) from 9.999 s up to but not including 19.999 s (grid of 0.5 s)', async () => {
    const exercise = await fixture('place-watermark', 'drag');
    const valid = validPlacements(exercise, gradingRun(exercise, 1));
    expect(valid[0]).toBe(10_000);
    expect(valid.at(-1)).toBe(19_500);
    expect(grade(exercise, 1, 8000).feedback).toBe('With a watermark at 8 s, [0,10) did not fire: the watermark reached only 8 s.');
    expect(grade(exercise, 1, 19_999).correct).toBe(false);
    expect(grade(exercise, 1, 9_999).correct).toBe(true);
  });

  it('a ninth record arriving at 24 s counts only if its window has not fired (event time ≥ 10 s)', async () => {
    const exercise = await fixture('keep-late-record', 'drag');
    expect(validPlacements(exercise, gradingRun(exercise, 1))[0]).toBe(10_000);
    expect(grade(exercise, 1, 5000).feedback).toMatch(/^With the event at 5 s, e9 was dropped: late: window \[0,10000\)/);
  });

  it('a value off the axis is an error', async () => {
    const exercise = await fixture('place-watermark', 'drag');
    expect(() => grade(exercise, 1, 40_000)).toThrow('the value must lie on the axis, from 0 to 30000 ms, got 40000');
  });
});

describe('PARAM', () => {
  it('delay 1 s with 5 s lateness keeps every record and gives [0,10) at 13 s, 3 s after its end', async () => {
    const exercise = await fixture('tune-delay', 'param');
    expect(grade(exercise, 1, { delay: 1000, lateness: 5000 })).toMatchObject({ correct: true });
  });

  it('the default 5 s delay fails both goals, and the feedback says why for each', async () => {
    const exercise = await fixture('tune-delay', 'param');
    const verdict = grade(exercise, 1, { delay: 5000, lateness: 0 });
    expect(verdict.correct).toBe(false);
    expect(verdict.feedback).toContain('e6 was dropped');
    expect(verdict.feedback).toContain("[0,10)'s first result came at 16 s, 6 s after the window's end (the goal is at most 3 s)");
  });

  it('an unknown parameter or one out of range is refused', async () => {
    const exercise = await fixture('tune-delay', 'param');
    expect(() => grade(exercise, 1, { delay: 1000, lateness: 0, speed: 2 })).toThrow('unknown parameter "speed" (parameters: delay, lateness)');
    expect(() => grade(exercise, 1, { delay: 99_000, lateness: 0 })).toThrow('delay must lie from 0 to 8000, got 99000');
  });
});

describe('PREDICT', () => {
  it('compares pane by pane and says what each window really did', async () => {
    const exercise = await fixture('predict-panes', 'predict');
    const verdict = grade(exercise, 1, [
      { window: '[0,10)', value: 3, timing: 'ON_TIME', after: 'e5' },
      { window: '[10,20)', value: 3, timing: 'LATE', after: 'end' },
    ]);
    expect(verdict.correct).toBe(false);
    expect(verdict.items).toEqual([
      { id: '[0,10)', correct: false, text: '[0,10) fired 2 times (3 ON_TIME after e5, then 4 LATE after e6); you predicted 1 result' },
      { id: '[10,20)', correct: false, text: '[10,20): fired ON_TIME, you said LATE' },
      { id: '[20,30)', correct: false, text: '[20,30) fired once (1 ON_TIME at the end of input); you predicted 0 results' },
    ]);
  });

  it('a prediction naming the wrong record is wrong when the exercise grades when', async () => {
    const exercise = await fixture('predict-panes', 'predict');
    const reference = solve(exercise, 1);
    const late = reference.map((p, i) => (i === 0 ? { ...p, after: 'e6' } : p));
    expect(grade(exercise, 1, late).items?.[0].text).toBe('[0,10): result 1: fired after e5, you said after e6');
  });
});

describe('CODE', () => {
  it('is solved with the task\'s reference source and graded only asynchronously, in a sandbox', async () => {
    const exercise = await fixture('mini-operator', 'code');
    expect(solve(exercise, 1)).toContain('function createValve(');
    expect(() => grade(exercise, 1, 'return 1;')).toThrow(/use gradeAnswer/);
  });
});
