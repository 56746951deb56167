// Upgrades older saved shapes to the current version. Each step is a pure function of the old data.
import * as v from 'valibot';
import { PROGRESS_VERSION, describeFirstIssue, progressSchema, progressV0Schema, type Progress, type ProgressV0 } from './schema.ts';

export type ReadResult =
  | { ok: true; progress: Progress; upgradedFrom?: number }
  | { ok: false; reason: 'newer' | 'invalid'; message: string };

/** Any parsed JSON value → current progress, or why it cannot be read. */
export function readProgressValue(value: unknown, migratedAt: Date): ReadResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'invalid', message: 'the saved value is not an object' };
  }
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > PROGRESS_VERSION) {
    return { ok: false, reason: 'newer', message: `it was saved by a newer version of Eventide (format ${version}; this one reads ${PROGRESS_VERSION})` };
  }
  if (version === undefined) {
    const old = v.safeParse(progressV0Schema, value);
    if (!old.success) return { ok: false, reason: 'invalid', message: `it matches no known format (${describeFirstIssue(old.issues)})` };
    return { ok: true, progress: upgradeV0(old.output, migratedAt), upgradedFrom: 0 };
  }
  const current = v.safeParse(progressSchema, value);
  if (!current.success) return { ok: false, reason: 'invalid', message: describeFirstIssue(current.issues) };
  return { ok: true, progress: current.output };
}

/** v0 kept no dates, attempts without hints, and no answers: the upgrade dates finished lessons to the upgrade itself. */
export function upgradeV0(old: ProgressV0, migratedAt: Date): Progress {
  const at = migratedAt.toISOString();
  return {
    version: PROGRESS_VERSION,
    lessons: Object.fromEntries(old.completedLessons.map((id) => [id, { status: 'done' as const, startedAt: at, completedAt: at }])),
    exercises: Object.fromEntries(
      Object.entries(old.exercises).map(([id, record]) => [
        id,
        { status: record.solved ? ('correct' as const) : ('attempted' as const), attempts: record.attempts, hintsUsed: 0, answer: null, seed: 0 },
      ]),
    ),
  };
}
