// The answers given during one sitting of the placement check. They are kept apart from the lessons' own exercise
// progress, so a placement answer neither reveals nor spoils a lesson's exercise, and a fresh sitting starts blank;
// only the result (the lessons tested out of) is saved, through the progress store.
import type { ExerciseProgress } from '../../exercises/attempt.svelte.ts';

type AttemptRecord = NonNullable<ReturnType<ExerciseProgress['exercise']>>;

export class PlacementAttempts implements ExerciseProgress {
  records = $state.raw<Record<string, AttemptRecord>>({});

  exercise(id: string): AttemptRecord | undefined {
    return this.records[id];
  }

  setExercise(id: string, record: AttemptRecord): void {
    this.records = { ...this.records, [id]: record };
  }

  /** Correct on the learner's own: a revealed solution does not count. */
  isCorrect(id: string): boolean {
    return this.records[id]?.status === 'correct';
  }

  get answeredCount(): number {
    return Object.values(this.records).filter((r) => r.attempts > 0).length;
  }
}
