// Joins the course index with saved progress into the status and title lookups that pages pass down.
import type { CourseIndex } from '../lessons/catalog.ts';
import type { LessonStatusOf } from '../components/lesson/status.ts';
import { progress } from './progress/progress.svelte.ts';

export function statusLookup(index: CourseIndex): LessonStatusOf {
  return (id) => (index.lessons.has(id) ? progress.lessonStatus(id) : 'planned');
}

export function titleLookup(index: CourseIndex): (id: string) => string {
  const planned = new Map(index.planned.map((p) => [p.id, p.title]));
  return (id) => index.lessons.get(id)?.title ?? planned.get(id) ?? id;
}
