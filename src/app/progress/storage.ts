// Reading and writing progress in localStorage without ever losing what is there. Whatever cannot be
// read is copied to a backup key first; if even that fails, writing stays blocked so nothing is overwritten.
import { readProgressValue } from './migrate.ts';
import { emptyProgress, type Progress } from './schema.ts';

export const PROGRESS_KEY = 'eventide.progress';
export const BACKUP_KEY_PREFIX = 'eventide.progress.backup.';

/** The part of the Web Storage API that progress uses; tests pass an in-memory fake. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type StorageProblem =
  | { kind: 'unavailable'; message: string }
  | { kind: 'unreadable'; message: string; raw: string; backupKey?: string }
  | { kind: 'write-failed'; message: string };

export interface LoadResult {
  progress: Progress;
  problem?: StorageProblem;
  /** False while an unreadable value could not be backed up: saving would overwrite it. */
  canWrite: boolean;
  upgradedFrom?: number;
}

export function loadProgress(storage: KeyValueStorage | undefined, now: Date): LoadResult {
  let raw: string | null;
  try {
    if (!storage) throw new Error('no storage');
    raw = storage.getItem(PROGRESS_KEY);
  } catch {
    return {
      progress: emptyProgress(),
      canWrite: false,
      problem: { kind: 'unavailable', message: 'This browser does not let Eventide keep data, so progress lasts only until the tab is closed. Export it from the Progress page to keep it.' },
    };
  }
  if (raw === null) return { progress: emptyProgress(), canWrite: true };

  let reason: string;
  try {
    const read = readProgressValue(JSON.parse(raw), now);
    if (read.ok) {
      const result: LoadResult = { progress: read.progress, canWrite: true, upgradedFrom: read.upgradedFrom };
      // Store the upgraded shape right away, so the upgrade runs once.
      if (read.upgradedFrom !== undefined) result.problem = saveProgress(storage, read.progress);
      return result;
    }
    reason = read.message;
  } catch (error) {
    reason = `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const backupKey = `${BACKUP_KEY_PREFIX}${now.toISOString()}`;
  try {
    storage.setItem(backupKey, raw);
  } catch {
    return {
      progress: emptyProgress(),
      canWrite: false,
      problem: { kind: 'unreadable', raw, message: `Saved progress could not be read: ${reason}. It could not be set aside either, so nothing will be saved until you download it and start fresh.` },
    };
  }
  return {
    progress: emptyProgress(),
    canWrite: true,
    problem: { kind: 'unreadable', raw, backupKey, message: `Saved progress could not be read: ${reason}. It is kept under "${backupKey}"; download it to keep a copy. New progress is saved from now on.` },
  };
}

/** Undefined when saved; otherwise the problem to show. */
export function saveProgress(storage: KeyValueStorage | undefined, progress: Progress): StorageProblem | undefined {
  try {
    if (!storage) throw new Error('no storage');
    storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return undefined;
  } catch (error) {
    const full = error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
    return {
      kind: 'write-failed',
      message: full
        ? 'Progress could not be saved: this browser’s storage for the site is full. Download your progress to keep it.'
        : 'Progress could not be saved in this browser. Download your progress to keep it.',
    };
  }
}
