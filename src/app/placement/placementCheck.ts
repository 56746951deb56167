// The placement check that opens the Intermediate and Advanced paths (curriculum Part E): a few exercises of the
// core lessons, named by id, graded by the exercise engine like anywhere else. A lesson is marked as known when
// every one of its questions was answered correctly. Questions of lessons not written yet are left out, so the
// check grows as the core lessons land.
import type { PathId } from '../../lessons/types.ts';

export const PLACEMENT_PATHS: readonly PathId[] = ['intermediate', 'advanced'];

/** Exercise ids, `<lesson-id>/<exercise-id>`, in the order the check asks them. */
export const PLACEMENT_QUESTIONS: readonly string[] = [
  'two-clocks/event-time-counts',
  'watermarks-101/place-watermark',
  'watermarks-101/silent-source',
  'late-data/which-dropped',
  'late-data/late-firings',
];

export interface PlacementQuestion {
  /** The course-wide exercise id. */
  id: string;
  lessonId: string;
  exerciseId: string;
}

export const hasPlacement = (pathId: string): boolean => (PLACEMENT_PATHS as readonly string[]).includes(pathId);

export function parseQuestionId(id: string): PlacementQuestion {
  const match = /^([a-z0-9-]+)\/([a-z0-9-]+)$/.exec(id);
  if (!match) throw new RangeError(`placement question "${id}" is not an exercise id of the form <lesson-id>/<exercise-id>`);
  return { id, lessonId: match[1], exerciseId: match[2] };
}

/** The questions the check asks today: those whose lesson is written. */
export function placementQuestions(isWritten: (lessonId: string) => boolean, ids: readonly string[] = PLACEMENT_QUESTIONS): PlacementQuestion[] {
  return ids.map(parseQuestionId).filter((q) => isWritten(q.lessonId));
}

/** The lessons the check covers, in the order of their first question. */
export function placementLessons(questions: readonly PlacementQuestion[]): string[] {
  return [...new Set(questions.map((q) => q.lessonId))];
}

/** Lessons every one of whose questions was answered correctly. */
export function testedOutLessons(questions: readonly PlacementQuestion[], isCorrect: (questionId: string) => boolean): string[] {
  return placementLessons(questions).filter((lessonId) => questions.filter((q) => q.lessonId === lessonId).every((q) => isCorrect(q.id)));
}

/** "“A”", "“A” and “B”", "“A”, “B” and “C”": lesson titles often hold commas themselves. */
export function listTitles(titles: readonly string[]): string {
  const quoted = titles.map((t) => `“${t}”`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}
