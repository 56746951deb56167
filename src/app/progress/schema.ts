// Saved progress, version 1, and the older shape it upgrades from. Everything read from storage or from
// an imported file passes through these schemas before the app trusts it.
import * as v from 'valibot';

export const PROGRESS_VERSION = 1;

const timestamp = v.pipe(v.string(), v.isoTimestamp('an ISO timestamp'));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const lessonRecord = v.strictObject({
  status: v.picklist(['in-progress', 'done']),
  startedAt: timestamp,
  completedAt: v.optional(timestamp),
});

const exerciseRecord = v.strictObject({
  status: v.picklist(['attempted', 'correct', 'revealed']),
  attempts: count,
  hintsUsed: count,
  /** The learner's last answer, in whatever shape the exercise kind uses. */
  answer: v.unknown(),
  seed: v.pipe(v.number(), v.integer()),
  /** A persisted attempt-machine snapshot, owned by the exercise engine. */
  machine: v.optional(v.unknown()),
});

export const settingsSchema = v.strictObject({
  theme: v.picklist(['system', 'light', 'dark']),
  motion: v.picklist(['system', 'reduce', 'full']),
  /** Playback speed of simulations, as a multiple of the normal pace. */
  speed: v.pipe(v.number(), v.minValue(0.25), v.maxValue(4)),
});

const placement = v.strictObject({
  /** Lessons the learner tested out of with the placement check. */
  testedOut: v.array(v.string()),
  takenAt: timestamp,
});

export const progressSchema = v.strictObject({
  version: v.literal(PROGRESS_VERSION),
  lessons: v.record(v.string(), lessonRecord),
  exercises: v.record(v.string(), exerciseRecord),
  placement: v.optional(placement),
  settings: v.optional(settingsSchema),
});

/** The shape saved before versioning: finished lesson ids and a solved flag per exercise. */
export const progressV0Schema = v.object({
  completedLessons: v.array(v.string()),
  exercises: v.record(v.string(), v.object({ solved: v.boolean(), attempts: count })),
});

export type Progress = v.InferOutput<typeof progressSchema>;
export type LessonRecord = v.InferOutput<typeof lessonRecord>;
export type ExerciseRecord = v.InferOutput<typeof exerciseRecord>;
export type Settings = v.InferOutput<typeof settingsSchema>;
export type ProgressV0 = v.InferOutput<typeof progressV0Schema>;

export const DEFAULT_SETTINGS: Settings = { theme: 'system', motion: 'system', speed: 1 };

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {}, exercises: {} };
}

/** "exercises.which-late.attempts: expected >=0, got -1" — the first problem, named by its field. */
export function describeFirstIssue(issues: readonly v.BaseIssue<unknown>[]): string {
  const [issue] = issues;
  const field = (issue.path ?? []).map((item) => String(item.key)).join('.') || 'the top level';
  if (issue.input === undefined) return `${field} is missing`;
  return `${field}: expected ${issue.expected ?? issue.message}, got ${JSON.stringify(issue.input) ?? issue.received}`;
}
