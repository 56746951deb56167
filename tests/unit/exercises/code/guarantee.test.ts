// Every CODE exercise of the course, for several seeds: the reference solution passes the hidden tests, the
// starter code does not, and neither does a solution with one classic mistake in it.
import { describe, expect, it } from 'vitest';
import { gradeCode } from '../../../../src/exercises/code/gradeCode.ts';
import { taskFor } from '../../../../src/exercises/code/tasks.ts';
import { blankAnswer, solve } from '../../../../src/exercises/grade.ts';
import { breakSolution, codeExercises, inProcessSandbox } from './helpers.ts';

const SEEDS = [1, 2, 3, 4, 5];

/** Mistakes learners make, per entry: each must fail the hidden tests for every seed. */
const MISTAKES: Record<string, [string, string | RegExp, string][]> = {
  createValve: [
    ['idle channels stay in the minimum', /onIdle\(channel\) \{[\s\S]*?\n    \},/, 'onIdle(channel) {\n      return undefined;\n    },'],
    ['a channel that comes back behind rejoins the minimum at once', 'if (watermarks[channel] >= forwarded) isAligned[channel] = true;', 'isAligned[channel] = true;'],
    ['nothing is forwarded when every channel is idle', 'if (!isActive.includes(true)) return forward(Math.max(...watermarks));', ''],
    ['a watermark that did not grow is forwarded again', 'const forward = (wm) => (wm > forwarded ? (forwarded = wm) : undefined);', 'const forward = (wm) => (wm >= forwarded ? (forwarded = wm) : undefined);'],
  ],
  createWindowOperator: [
    ['off by one in the lateness inequality (< instead of ≤)', 'if (cleanupTime(end) <= watermark) return out.drop(key, ts);', 'if (cleanupTime(end) < watermark) return out.drop(key, ts);'],
    ['windows fire when the watermark reaches end instead of end − 1', '.filter(([, w]) => w.end - 1 <= wm)', '.filter(([, w]) => w.end <= wm)'],
    ['no late firing: late records are only counted', "out.fire(key, start, end, w.count, 'LATE');", ''],
    ['late firings carry only the late record (discarding)', "out.fire(key, start, end, w.count, 'LATE');", "out.fire(key, start, end, 1, 'LATE');"],
  ],
  createAligner: [
    ['never waiting (at-least-once)', 'canRead: (channel) => !hasBarrier[channel],', 'canRead: () => true,'],
    ['both inputs stop at the first barrier', 'canRead: (channel) => !hasBarrier[channel],', 'canRead: () => !hasBarrier[0] && !hasBarrier[1],'],
    ['the snapshot is taken at the first barrier', 'if (hasBarrier[0] && hasBarrier[1]) {', 'if (hasBarrier[0] || hasBarrier[1]) {'],
  ],
};

const exercises = await codeExercises();

describe('every CODE exercise of the course', () => {
  it('the lesson "Build a mini engine" asks for all three functions', () => {
    expect(exercises.map((e) => e.entry).sort()).toEqual(['createAligner', 'createValve', 'createWindowOperator']);
  });

  for (const exercise of exercises) {
    for (const seed of SEEDS) {
      it(`${exercise.id} (seed ${seed}): the reference solution passes, the starter code fails`, async () => {
        expect(await gradeCode(exercise, seed, solve(exercise, seed), inProcessSandbox)).toMatchObject({ correct: true, feedback: expect.stringMatching(/^All \d+ hidden tests pass/) });
        expect((await gradeCode(exercise, seed, blankAnswer(exercise), inProcessSandbox)).correct).toBe(false);
      });
      for (const [mistake, find, replace] of MISTAKES[exercise.entry]) {
        it(`${exercise.id} (seed ${seed}): ${mistake} fails`, async () => {
          const broken = breakSolution(taskFor(exercise.entry).solution, find, replace);
          const verdict = await gradeCode(exercise, seed, broken, inProcessSandbox);
          expect(verdict.correct).toBe(false);
          expect(verdict.feedback).toMatch(/Input: .*Expected: .*Your code: /);
        });
      }
    }
  }
});
