// The attempt machine as reactive state for a component, saved to the learner's progress after every settled
// change (answer, verdict, hint, reveal, variant) and restored from it when the exercise is opened again.
import { createActor, fromPromise, type SnapshotFrom } from 'xstate';
import { attemptMachine, type AttemptEvent, type GradeResult } from './attemptMachine.ts';
import { gradeAnswer, nextVariantSeed, parseAnswer } from './grade.ts';
import type { Exercise } from './types.ts';

type Status = 'attempted' | 'correct' | 'revealed';

/** What the attempt needs from saved progress (the app's ProgressStore has this shape). */
export interface ExerciseProgress {
  exercise(id: string): { status: Status; attempts: number; hintsUsed: number; answer: unknown; seed: number; machine?: unknown } | undefined;
  setExercise(id: string, record: { status: Status; attempts: number; hintsUsed: number; answer: unknown; seed: number; machine?: unknown }): void;
}

const RANK: Record<Status, number> = { attempted: 0, revealed: 1, correct: 2 };

export class Attempt {
  snapshot = $state.raw<SnapshotFrom<typeof attemptMachine>>() as SnapshotFrom<typeof attemptMachine>;
  readonly #actor;
  readonly #exercise: Exercise;
  readonly #progress: ExerciseProgress;

  constructor(exercise: Exercise, progress: ExerciseProgress) {
    this.#exercise = exercise;
    this.#progress = progress;
    const machine = attemptMachine.provide({
      actors: {
        grade: fromPromise<GradeResult, { answer: unknown; seed: number }>(async ({ input }) =>
          gradeAnswer(exercise, input.seed, parseAnswer(exercise, input.answer))),
      },
    });
    const saved = progress.exercise(exercise.id);
    const input = { hintCount: exercise.hints.length, seed: saved?.seed ?? 1, answer: saved?.answer ?? undefined };
    this.#actor = createActor(machine, { input, ...(isSnapshot(saved?.machine) ? { snapshot: saved!.machine as never } : {}) });
    this.snapshot = this.#actor.getSnapshot();
    this.#actor.subscribe((snapshot) => {
      this.snapshot = snapshot;
      if (!snapshot.hasTag('checking')) this.#save();
    });
    this.#actor.start();
  }

  send = (event: AttemptEvent): void => this.#actor.send(event);

  newVariant = (): void => this.send({ type: 'variant.new', seed: nextVariantSeed(this.#exercise, this.snapshot.context.seed) });

  stop = (): void => {
    this.#actor.stop();
  };

  #save(): void {
    const { context } = this.snapshot;
    const previous = this.#progress.exercise(this.#exercise.id);
    if (!previous && context.attempts === 0 && context.hintsUsed === 0 && context.answer === undefined) return;
    const now: Status = this.snapshot.hasTag('correct') ? 'correct' : context.isRevealed ? 'revealed' : 'attempted';
    // Progress never goes backwards: a solved exercise stays solved while the learner tries new variants.
    const status = previous && RANK[previous.status] > RANK[now] ? previous.status : now;
    this.#progress.setExercise(this.#exercise.id, {
      status, attempts: context.attempts, hintsUsed: context.hintsUsed, answer: context.answer ?? null, seed: context.seed,
      machine: this.#actor.getPersistedSnapshot(),
    });
  }
}

/** A saved snapshot from an older build may not fit this machine; then the attempt starts afresh from the record. */
function isSnapshot(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { value: state, context } = value as { value?: unknown; context?: unknown };
  return typeof state === 'string' && state in attemptMachine.states && typeof context === 'object' && context !== null;
}
