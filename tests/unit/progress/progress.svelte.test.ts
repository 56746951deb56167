import { describe, expect, it } from 'vitest';
import { ProgressStore } from '../../../src/app/progress/progress.svelte.ts';
import { PROGRESS_KEY } from '../../../src/app/progress/storage.ts';
import { FakeStorage, NOW } from './fakeStorage.ts';

const clock = () => NOW;
const saved = (storage: FakeStorage) => JSON.parse(storage.getItem(PROGRESS_KEY)!);

describe('the progress store', () => {
  it('marks a lesson in progress when opened and done when finished, and saves both', () => {
    const storage = new FakeStorage();
    const store = new ProgressStore(storage, clock);
    store.markLessonStarted('late-data');
    expect(store.lessonStatus('late-data')).toBe('in-progress');
    store.markLessonDone('late-data');
    expect(saved(storage).lessons['late-data']).toEqual({ status: 'done', startedAt: NOW.toISOString(), completedAt: NOW.toISOString() });
  });

  it('does not move a finished lesson back to in progress when it is opened again', () => {
    const store = new ProgressStore(new FakeStorage(), clock);
    store.markLessonDone('late-data');
    store.markLessonStarted('late-data');
    expect(store.lessonStatus('late-data')).toBe('done');
  });

  it('keeps what the exercise engine stores for an exercise', () => {
    const storage = new FakeStorage();
    const store = new ProgressStore(storage, clock);
    const record = { status: 'correct' as const, attempts: 2, hintsUsed: 1, answer: [3, 4], seed: 9, machine: { value: 'correct' } };
    store.setExercise('count-per-window', record);
    expect(new ProgressStore(storage, clock).exercise('count-per-window')).toEqual(record);
  });

  it('shows a banner message when a save hits the storage quota, and keeps the change in memory', () => {
    const storage = new FakeStorage();
    const store = new ProgressStore(storage, clock);
    storage.refuseWrites = 'quota';
    store.markLessonStarted('two-clocks');
    expect(store.problem).toMatchObject({ kind: 'write-failed', message: expect.stringContaining('storage for the site is full') });
    expect(store.lessonStatus('two-clocks')).toBe('in-progress');
    storage.refuseWrites = undefined;
    store.markLessonDone('two-clocks');
    expect(store.problem).toBeUndefined();
  });

  it('leaves progress untouched when an import is refused', () => {
    const storage = new FakeStorage();
    const store = new ProgressStore(storage, clock);
    store.markLessonDone('two-clocks');
    const before = storage.getItem(PROGRESS_KEY);
    expect(store.importJson('{"format":"something-else"}').ok).toBe(false);
    expect(storage.getItem(PROGRESS_KEY)).toBe(before);
    expect(store.lessonStatus('two-clocks')).toBe('done');
  });

  it('replaces progress with a valid import and says what it brought', () => {
    const source = new ProgressStore(new FakeStorage(), clock);
    source.markLessonDone('two-clocks');
    source.markLessonStarted('late-data');
    const store = new ProgressStore(new FakeStorage(), clock);
    expect(store.importJson(source.exportJson())).toEqual({ ok: true, message: 'Imported progress for 2 lessons and 0 exercises.' });
    expect(store.lessonStatus('late-data')).toBe('in-progress');
  });

  it('resets lessons and exercises but keeps the settings', () => {
    const store = new ProgressStore(new FakeStorage(), clock);
    store.updateSettings({ theme: 'dark' });
    store.markLessonDone('two-clocks');
    store.reset();
    expect(store.lessonStatus('two-clocks')).toBe('not-started');
    expect(store.settings).toEqual({ theme: 'dark', motion: 'system', speed: 1 });
  });

  it('does not overwrite unreadable saved data that could not be backed up until the learner starts fresh', () => {
    const storage = new FakeStorage({ [PROGRESS_KEY]: '{broken' });
    storage.refuseWrites = 'quota';
    const store = new ProgressStore(storage, clock);
    storage.refuseWrites = undefined;
    store.markLessonStarted('two-clocks');
    expect(storage.getItem(PROGRESS_KEY)).toBe('{broken');
    store.startFresh();
    expect(saved(storage).lessons['two-clocks'].status).toBe('in-progress');
  });
});
