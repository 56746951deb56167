import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, transition, waitFor, type SnapshotFrom } from 'xstate';
import { attemptMachine, type GradeResult } from '../../../src/exercises/attemptMachine.ts';

/** A grader that says "correct" exactly for the answer 42, and counts its calls. */
function machineGrading(answerIsRight = (answer: unknown) => answer === 42) {
  const calls: unknown[] = [];
  const machine = attemptMachine.provide({
    actors: {
      grade: fromPromise<GradeResult, { answer: unknown; seed: number }>(async ({ input }) => {
        calls.push(input.answer);
        const correct = answerIsRight(input.answer);
        return { correct, feedback: correct ? 'right' : `wrong for seed ${input.seed}`, misconception: correct ? null : 'M3' };
      }),
    },
  });
  return { machine, calls };
}

const start = (machine = machineGrading().machine, input = { hintCount: 2 }) => createActor(machine, { input }).start();
const settled = (actor: ReturnType<typeof start>) => waitFor(actor, (s) => !s.hasTag('checking'));

describe('attempt machine', () => {
  it('starts in the intro and moves to answering when the learner starts or types', () => {
    const actor = start();
    expect(actor.getSnapshot().hasTag('intro')).toBe(true);
    actor.send({ type: 'answer.change', answer: 7 });
    expect(actor.getSnapshot().hasTag('answering')).toBe(true);
    expect(actor.getSnapshot().context.answer).toBe(7);
  });

  it('grades a right answer as correct and counts one attempt', async () => {
    const actor = start();
    actor.send({ type: 'attempt.start' });
    actor.send({ type: 'answer.change', answer: 42 });
    actor.send({ type: 'answer.submit' });
    expect(actor.getSnapshot().hasTag('checking')).toBe(true);
    const s = await settled(actor);
    expect(s.hasTag('correct')).toBe(true);
    expect(s.context.attempts).toBe(1);
    expect(s.context.verdict?.feedback).toBe('right');
  });

  it('grades a wrong answer as incorrect with the grader feedback and misconception, then lets the learner retry', async () => {
    const actor = start();
    actor.send({ type: 'answer.change', answer: 1 });
    actor.send({ type: 'answer.submit' });
    const wrong = await settled(actor);
    expect(wrong.hasTag('incorrect')).toBe(true);
    expect(wrong.context.verdict).toMatchObject({ feedback: 'wrong for seed 1', misconception: 'M3' });
    actor.send({ type: 'attempt.retry' });
    expect(actor.getSnapshot().hasTag('answering')).toBe(true);
    expect(actor.getSnapshot().context.verdict).toBeUndefined();
    actor.send({ type: 'answer.change', answer: 42 });
    actor.send({ type: 'answer.submit' });
    const right = await settled(actor);
    expect(right.hasTag('correct')).toBe(true);
    expect(right.context.attempts).toBe(2);
  });

  it('changing the answer after a wrong verdict goes straight back to answering with the new answer', async () => {
    const actor = start();
    actor.send({ type: 'answer.change', answer: 1 });
    actor.send({ type: 'answer.submit' });
    await settled(actor);
    actor.send({ type: 'answer.change', answer: 5 });
    expect(actor.getSnapshot().hasTag('answering')).toBe(true);
    expect(actor.getSnapshot().context.answer).toBe(5);
  });

  it('ignores a second submit while checking, so one answer is graded once', async () => {
    const { machine, calls } = machineGrading();
    const actor = start(machine);
    actor.send({ type: 'answer.change', answer: 1 });
    actor.send({ type: 'answer.submit' });
    actor.send({ type: 'answer.submit' });
    actor.send({ type: 'answer.change', answer: 42 });
    await settled(actor);
    expect(calls).toEqual([1]);
    expect(actor.getSnapshot().context.attempts).toBe(1);
    expect(actor.getSnapshot().context.answer).toBe(1);
  });

  it('gives hints one at a time up to the number the exercise has, in any state before the end', () => {
    const actor = start();
    expect(actor.getSnapshot().can({ type: 'hint.request' })).toBe(true);
    actor.send({ type: 'hint.request' });
    actor.send({ type: 'answer.change', answer: 3 });
    actor.send({ type: 'hint.request' });
    expect(actor.getSnapshot().context.hintsUsed).toBe(2);
    expect(actor.getSnapshot().can({ type: 'hint.request' })).toBe(false);
    actor.send({ type: 'hint.request' });
    expect(actor.getSnapshot().context.hintsUsed).toBe(2);
  });

  it('asks "try it yourself first" before revealing, and cancelling returns to answering', () => {
    const actor = start();
    actor.send({ type: 'attempt.start' });
    actor.send({ type: 'reveal.request' });
    expect(actor.getSnapshot().hasTag('confirming-reveal')).toBe(true);
    actor.send({ type: 'reveal.cancel' });
    expect(actor.getSnapshot().hasTag('answering')).toBe(true);
    expect(actor.getSnapshot().context.isRevealed).toBe(false);
  });

  it('reveal then retry keeps the reveal on record and lets the learner answer again', async () => {
    const actor = start();
    actor.send({ type: 'attempt.start' });
    actor.send({ type: 'reveal.request' });
    actor.send({ type: 'reveal.confirm' });
    expect(actor.getSnapshot().hasTag('revealed')).toBe(true);
    actor.send({ type: 'attempt.retry' });
    actor.send({ type: 'answer.change', answer: 42 });
    actor.send({ type: 'answer.submit' });
    const s = await settled(actor);
    expect(s.hasTag('correct')).toBe(true);
    expect(s.context.isRevealed).toBe(true);
  });

  it('a new variant takes the new seed, clears the answer and the verdict, and the grader sees the seed', async () => {
    const actor = start();
    actor.send({ type: 'answer.change', answer: 1 });
    actor.send({ type: 'answer.submit' });
    await settled(actor);
    actor.send({ type: 'variant.new', seed: 9 });
    expect(actor.getSnapshot().context).toMatchObject({ seed: 9, answer: undefined, verdict: undefined });
    actor.send({ type: 'answer.change', answer: 2 });
    actor.send({ type: 'answer.submit' });
    expect((await settled(actor)).context.verdict?.feedback).toBe('wrong for seed 9');
  });

  it('a new variant can be asked for before the first answer, and the attempt starts on its seed', () => {
    const actor = start();
    expect(actor.getSnapshot().hasTag('intro')).toBe(true);
    actor.send({ type: 'variant.new', seed: 4 });
    expect(actor.getSnapshot().hasTag('answering')).toBe(true);
    expect(actor.getSnapshot().context).toMatchObject({ seed: 4, answer: undefined });
  });

  it('a grader failure returns to answering with the error and no verdict', async () => {
    const machine = attemptMachine.provide({
      actors: { grade: fromPromise<GradeResult, { answer: unknown; seed: number }>(async () => { throw new Error('not a choice: x'); }) },
    });
    const actor = start(machine);
    actor.send({ type: 'answer.change', answer: 'x' });
    actor.send({ type: 'answer.submit' });
    const s = await settled(actor);
    expect(s.hasTag('answering')).toBe(true);
    expect(s.context.error).toBe('not a choice: x');
  });

  it('finishing a solved attempt ends in done, where only a new variant starts again', async () => {
    const actor = start();
    actor.send({ type: 'answer.change', answer: 42 });
    actor.send({ type: 'answer.submit' });
    await settled(actor);
    actor.send({ type: 'attempt.finish' });
    expect(actor.getSnapshot().hasTag('done')).toBe(true);
    expect(actor.getSnapshot().can({ type: 'answer.submit' })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'variant.new', seed: 2 })).toBe(true);
  });

  it('restores from a persisted snapshot mid-attempt with the answer, attempts and hints', async () => {
    const { machine } = machineGrading();
    const actor = start(machine);
    actor.send({ type: 'answer.change', answer: 1 });
    actor.send({ type: 'answer.submit' });
    await settled(actor);
    actor.send({ type: 'hint.request' });
    actor.send({ type: 'answer.change', answer: 41 });
    const saved = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    actor.stop();

    const restored = createActor(machine, { snapshot: saved, input: { hintCount: 2 } }).start();
    expect(restored.getSnapshot().hasTag('answering')).toBe(true);
    expect(restored.getSnapshot().context).toMatchObject({ answer: 41, attempts: 1, hintsUsed: 1 });
    restored.send({ type: 'answer.change', answer: 42 });
    restored.send({ type: 'answer.submit' });
    expect((await settled(restored)).hasTag('correct')).toBe(true);
  });

  it('as a pure step function, submit from answering enters checking and submit from checking stays put', () => {
    const initial = attemptMachine.resolveState({ value: 'answering', context: {
      answer: 1, attempts: 0, hintsUsed: 0, hintCount: 2, seed: 1, verdict: undefined, error: undefined, isRevealed: false,
    } });
    const [checking] = transition(attemptMachine, initial, { type: 'answer.submit' });
    expect(checking.value).toBe('checking');
    expect(checking.context.attempts).toBe(1);
    const [still] = transition(attemptMachine, checking as SnapshotFrom<typeof attemptMachine>, { type: 'answer.submit' });
    expect(still.value).toBe('checking');
    expect(still.context.attempts).toBe(1);
  });
});
