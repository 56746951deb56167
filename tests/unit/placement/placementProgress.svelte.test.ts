import { describe, expect, it } from 'vitest';
import { PlacementAttempts } from '../../../src/app/placement/placementAttempts.svelte.ts';
import { ProgressStore } from '../../../src/app/progress/progress.svelte.ts';
import { PROGRESS_KEY } from '../../../src/app/progress/storage.ts';
import { FakeStorage, NOW } from '../progress/fakeStorage.ts';

const clock = () => NOW;
const record = (status: 'attempted' | 'correct' | 'revealed', attempts = 1) => ({ status, attempts, hintsUsed: 0, answer: null, seed: 1 });

describe('the placement result in saved progress', () => {
  it('saves the lessons tested out of with the time, and reads them back after a reload', () => {
    const storage = new FakeStorage();
    new ProgressStore(storage, clock).setPlacement(['two-clocks', 'late-data']);
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).placement).toEqual({ testedOut: ['two-clocks', 'late-data'], takenAt: NOW.toISOString() });
    const reloaded = new ProgressStore(storage, clock);
    expect(reloaded.placement?.testedOut).toEqual(['two-clocks', 'late-data']);
  });

  it('shows a tested-out lesson as done, even once the learner opens it', () => {
    const store = new ProgressStore(new FakeStorage(), clock);
    store.setPlacement(['late-data']);
    expect(store.lessonStatus('late-data')).toBe('done');
    store.markLessonStarted('late-data');
    expect(store.lessonStatus('late-data')).toBe('done');
    expect(store.lessonStatus('two-clocks')).toBe('not-started');
  });

  it('replaces the previous result when the check is taken again', () => {
    const store = new ProgressStore(new FakeStorage(), clock);
    store.setPlacement(['two-clocks', 'late-data']);
    store.setPlacement(['two-clocks']);
    expect(store.lessonStatus('late-data')).toBe('not-started');
    expect(store.placement?.testedOut).toEqual(['two-clocks']);
  });

  it('is forgotten by a progress reset', () => {
    const store = new ProgressStore(new FakeStorage(), clock);
    store.setPlacement(['late-data']);
    store.reset();
    expect(store.placement).toBeUndefined();
    expect(store.lessonStatus('late-data')).toBe('not-started');
  });
});

describe('the answers of one sitting', () => {
  it('count a question as passed only when answered correctly, not when the solution was shown', () => {
    const attempts = new PlacementAttempts();
    attempts.setExercise('late-data/which-dropped', record('correct'));
    attempts.setExercise('late-data/late-firings', record('revealed'));
    attempts.setExercise('two-clocks/event-time-counts', record('attempted', 2));
    expect(['late-data/which-dropped', 'late-data/late-firings', 'two-clocks/event-time-counts', 'x/y'].map((id) => attempts.isCorrect(id)))
      .toEqual([true, false, false, false]);
    expect(attempts.answeredCount).toBe(3);
  });

  it('stay out of the saved progress of the lessons', () => {
    const storage = new FakeStorage();
    const store = new ProgressStore(storage, clock);
    new PlacementAttempts().setExercise('late-data/which-dropped', record('correct'));
    expect(store.exercise('late-data/which-dropped')).toBeUndefined();
    expect(storage.getItem(PROGRESS_KEY)).toBeNull();
  });
});
