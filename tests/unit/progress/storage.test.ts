import { describe, expect, it } from 'vitest';
import { BACKUP_KEY_PREFIX, PROGRESS_KEY, loadProgress } from '../../../src/app/progress/storage.ts';
import { emptyProgress } from '../../../src/app/progress/schema.ts';
import { FakeStorage, NOW } from './fakeStorage.ts';

const backupKey = `${BACKUP_KEY_PREFIX}${NOW.toISOString()}`;
const saved = {
  version: 1,
  lessons: { 'late-data': { status: 'done', startedAt: '2029-12-01T10:00:00.000Z', completedAt: '2029-12-01T10:20:00.000Z' } },
  exercises: { 'which-late': { status: 'correct', attempts: 2, hintsUsed: 1, answer: ['e6'], seed: 42 } },
};

describe('loading saved progress', () => {
  it('starts empty when nothing is saved, without any message', () => {
    expect(loadProgress(new FakeStorage(), NOW)).toEqual({ progress: emptyProgress(), canWrite: true });
  });

  it('reads back valid saved progress as it was', () => {
    const storage = new FakeStorage({ [PROGRESS_KEY]: JSON.stringify(saved) });
    expect(loadProgress(storage, NOW).progress).toEqual(saved);
  });

  it('keeps corrupted JSON under a backup key and says where, instead of wiping it', () => {
    const storage = new FakeStorage({ [PROGRESS_KEY]: '{"version":1,"lessons":' });
    const result = loadProgress(storage, NOW);
    expect(storage.getItem(backupKey)).toBe('{"version":1,"lessons":');
    expect(result.progress).toEqual(emptyProgress());
    expect(result.problem).toMatchObject({ kind: 'unreadable', backupKey, raw: '{"version":1,"lessons":' });
    expect(result.problem?.message).toMatch(/not valid JSON.*kept under "eventide\.progress\.backup\.2030-01-02T03:04:05\.000Z"/);
  });

  it('sets aside progress saved by a newer version and says so', () => {
    const newer = JSON.stringify({ ...saved, version: 2, streaks: 5 });
    const storage = new FakeStorage({ [PROGRESS_KEY]: newer });
    const result = loadProgress(storage, NOW);
    expect(storage.getItem(backupKey)).toBe(newer);
    expect(result.problem?.message).toContain('saved by a newer version of Eventide (format 2; this one reads 1)');
  });

  it('sets aside a value whose fields are invalid, naming the field', () => {
    const bad = JSON.stringify({ ...saved, exercises: { x: { ...saved.exercises['which-late'], attempts: -1 } } });
    const result = loadProgress(new FakeStorage({ [PROGRESS_KEY]: bad }), NOW);
    expect(result.problem?.message).toContain('exercises.x.attempts: expected >=0, got -1');
  });

  it('blocks saving when an unreadable value cannot be backed up, so it is not overwritten', () => {
    const storage = new FakeStorage({ [PROGRESS_KEY]: 'not json' });
    storage.refuseWrites = 'quota';
    const result = loadProgress(storage, NOW);
    expect(result.canWrite).toBe(false);
    expect(result.problem).toMatchObject({ kind: 'unreadable', raw: 'not json' });
    expect(result.problem).not.toHaveProperty('backupKey');
    expect(storage.getItem(PROGRESS_KEY)).toBe('not json');
  });

  it('reports storage that cannot be used at all and keeps working in memory', () => {
    const result = loadProgress(undefined, NOW);
    expect(result).toMatchObject({ canWrite: false, problem: { kind: 'unavailable' } });
    expect(result.progress).toEqual(emptyProgress());
  });
});

describe('upgrading progress saved before versioning (v0)', () => {
  const v0 = { completedLessons: ['two-clocks'], exercises: { 'count-per-window': { solved: true, attempts: 3 }, 'copies': { solved: false, attempts: 1 } } };

  it('turns finished lessons and solved flags into version 1 records', () => {
    const result = loadProgress(new FakeStorage({ [PROGRESS_KEY]: JSON.stringify(v0) }), NOW);
    expect(result.upgradedFrom).toBe(0);
    expect(result.progress).toEqual({
      version: 1,
      lessons: { 'two-clocks': { status: 'done', startedAt: NOW.toISOString(), completedAt: NOW.toISOString() } },
      exercises: {
        'count-per-window': { status: 'correct', attempts: 3, hintsUsed: 0, answer: null, seed: 0 },
        copies: { status: 'attempted', attempts: 1, hintsUsed: 0, answer: null, seed: 0 },
      },
    });
  });

  it('stores the upgraded shape so the next load reads version 1 directly', () => {
    const storage = new FakeStorage({ [PROGRESS_KEY]: JSON.stringify(v0) });
    const first = loadProgress(storage, NOW);
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).version).toBe(1);
    expect(loadProgress(storage, NOW)).toEqual({ progress: first.progress, canWrite: true, upgradedFrom: undefined });
  });
});
