// Where a lesson sits in a path: its neighbours among the written lessons, and URLs that keep the path.
import type { LearningPath } from '../../lessons/types.ts';

export function lessonHref(pathId: string, lessonId: string): string {
  return `#/path/${pathId}/lesson/${lessonId}`;
}

/** Previous and next written lessons around `lessonId`; planned lessons in between are skipped. */
export function neighbours(path: LearningPath, lessonId: string, written: Set<string>): { previous?: string; next?: string } {
  const readable = path.lessons.filter((id) => written.has(id));
  const at = readable.indexOf(lessonId);
  if (at === -1) return {};
  return { previous: readable[at - 1], next: readable[at + 1] };
}

/** The path a lesson is read in: the one named in the URL if it holds the lesson, else the first that does. */
export function pathForLesson(paths: LearningPath[], lessonId: string, requested?: string): LearningPath | undefined {
  const named = paths.find((path) => path.id === requested);
  if (named?.lessons.includes(lessonId)) return named;
  return paths.find((path) => path.lessons.includes(lessonId));
}
