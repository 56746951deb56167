import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import LessonPager from '../../../src/components/lesson/LessonPager.svelte';
import { neighbours, pathForLesson } from '../../../src/components/lesson/pathNavigation.ts';
import { nextLessonIn, type DisplayStatus } from '../../../src/components/lesson/status.ts';
import type { LearningPath } from '../../../src/lessons/types.ts';

const beginner: LearningPath = { id: 'beginner', title: 'Beginner', summary: 'S', lessons: ['a', 'planned-1', 'b', 'c', 'planned-2'] };
const advanced: LearningPath = { id: 'advanced', title: 'Advanced', summary: 'S', lessons: ['c', 'a'] };
const written = new Set(['a', 'b', 'c']);
const titles = new Map([['a', 'Alpha'], ['b', 'Beta'], ['c', 'Gamma']]);

describe('moving through a path', () => {
  it('skips planned lessons between two written ones', () => {
    expect(neighbours(beginner, 'a', written)).toEqual({ previous: undefined, next: 'b' });
    expect(neighbours(beginner, 'c', written)).toEqual({ previous: 'b', next: undefined });
  });

  it('reads a lesson in the path the URL names when that path holds it, else in the first path that does', () => {
    expect(pathForLesson([beginner, advanced], 'a', 'advanced')?.id).toBe('advanced');
    expect(pathForLesson([beginner, advanced], 'b', 'advanced')?.id).toBe('beginner');
    expect(pathForLesson([beginner, advanced], 'a')?.id).toBe('beginner');
  });

  it('continues at the first written lesson not done yet', () => {
    const status: Record<string, DisplayStatus> = { a: 'done', b: 'in-progress', c: 'not-started', 'planned-1': 'planned', 'planned-2': 'planned' };
    expect(nextLessonIn(beginner, (id) => status[id])).toBe('b');
  });

  it('links previous and next with their titles, keeping the path in the address', () => {
    render(LessonPager, { path: beginner, lessonId: 'b', titles });
    expect(screen.getByRole('link', { name: /Previous Alpha/ }).getAttribute('href')).toBe('#/path/beginner/lesson/a');
    expect(screen.getByRole('link', { name: /Next → Gamma/ }).getAttribute('href')).toBe('#/path/beginner/lesson/c');
  });

  it('offers the way back to the path at the last written lesson', () => {
    render(LessonPager, { path: beginner, lessonId: 'c', titles });
    expect(screen.getByRole('link', { name: /End of the written lessons/ }).getAttribute('href')).toBe('#/path/beginner');
  });
});
