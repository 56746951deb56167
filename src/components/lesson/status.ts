// A lesson's status as pages show it: "planned" for lessons not written yet, otherwise the saved status.
import type { LearningPath } from '../../lessons/types.ts';

export type DisplayStatus = 'planned' | 'not-started' | 'in-progress' | 'done';
export type LessonStatusOf = (lessonId: string) => DisplayStatus;

export function pathProgress(path: LearningPath, statusOf: LessonStatusOf): { written: number; done: number; inProgress: number } {
  const statuses = path.lessons.map(statusOf);
  return {
    written: statuses.filter((s) => s !== 'planned').length,
    done: statuses.filter((s) => s === 'done').length,
    inProgress: statuses.filter((s) => s === 'in-progress').length,
  };
}

/** Where "Continue" leads: the first written lesson not done yet, else the first written lesson. */
export function nextLessonIn(path: LearningPath, statusOf: LessonStatusOf): string | undefined {
  const written = path.lessons.filter((id) => statusOf(id) !== 'planned');
  return written.find((id) => statusOf(id) !== 'done') ?? written[0];
}
