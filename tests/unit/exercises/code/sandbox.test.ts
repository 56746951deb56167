// The node sandbox (worker_threads), the one the exercise CLI uses: learner code that loops forever, throws,
// does not parse or defines the wrong function is stopped or reported in words, naming the case and the step.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { gradeCode } from '../../../../src/exercises/code/gradeCode.ts';
import { nodeSandbox } from '../../../../src/exercises/code/nodeSandbox.ts';
import { CASE_LIMIT_MS } from '../../../../src/exercises/code/types.ts';
import { codeExercises } from './helpers.ts';

const exercises = await codeExercises();
const valve = exercises.find((e) => e.entry === 'createValve')!;
const aligner = exercises.find((e) => e.entry === 'createAligner')!;

describe('the node sandbox', () => {
  it('passes the reference solution in a worker thread', async () => {
    const { solution } = await import('../../../../src/exercises/code/valveTask.ts').then((m) => m.valveTask);
    expect((await gradeCode(valve, 1, solution, nodeSandbox)).correct).toBe(true);
  });

  it('stops an endless loop after the time limit and names the hidden test that looped', async () => {
    const looping = 'function createAligner(task) { return { canRead: () => true, onRecord() {}, onBarrier() { for (;;) {} } }; }';
    const verdict = await gradeCode(aligner, 1, looping, nodeSandbox);
    expect(verdict.correct).toBe(false);
    expect(verdict.feedback).toBe(`Stopped: hidden test 1 of 17 ("barrier 1 reaches input 0 first") ran for more than ${CASE_LIMIT_MS / 1000} s. Look for a loop whose condition never changes.`);
  });

  it('reports an error the code throws with the step it was handling', async () => {
    const throwing = 'function createValve(n) { return { onWatermark(c, wm) { if (wm > 0) throw new RangeError("too big"); }, onIdle() {}, onActive() {} }; }';
    const verdict = await gradeCode(valve, 1, throwing, nodeSandbox);
    expect(verdict.feedback).toMatch(/^\d+ of 11 hidden tests fail\. Hidden test 1 of 11 \("the lesson's scenario"\): your code threw RangeError: too big while handling step 3 \(channel 0 sends 999\)\.$/);
  });

  it('says when the code does not parse, or defines another function than the one asked for', async () => {
    expect((await gradeCode(valve, 1, 'function createValve( {', nodeSandbox)).feedback).toMatch(/^Your code cannot run: it does not parse: /);
    expect((await gradeCode(valve, 1, 'function makeValve() {}', nodeSandbox)).feedback).toBe('Your code cannot run: it defines no function named createValve.');
    expect((await gradeCode(valve, 1, 'function createValve() { return 42; }', nodeSandbox)).feedback)
      .toContain('your code threw TypeError: it must return an object with onWatermark, onIdle, onActive, but returned 42 while handling createValve(2).');
  });
});

describe('the exercise CLI', () => {
  const cli = (...args: string[]) => execFileSync('npx', ['tsx', 'src/exercises/cli.ts', ...args], { encoding: 'utf8' });

  it('solves a code exercise with source that its own grade command accepts, and rejects the off-by-one version', () => {
    const solution = JSON.parse(cli('solve', 'build-a-mini-engine/window-operator', '--seed', '2')) as string;
    expect(solution).toContain('function createWindowOperator(');
    expect(JSON.parse(cli('grade', 'build-a-mini-engine/window-operator', '--seed', '2', '--answer', JSON.stringify(solution)))).toMatchObject({ correct: true });
    const offByOne = solution.replace('cleanupTime(end) <= watermark', 'cleanupTime(end) < watermark');
    const verdict = JSON.parse(cli('grade', 'build-a-mini-engine/window-operator', '--seed', '2', '--answer', JSON.stringify(offByOne)));
    expect(verdict.correct).toBe(false);
    expect(verdict.feedback).toMatch(/Expected: at .*: drop .*Your code: .* LATE/);
  }, 60_000);
});
