import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PLACEMENT_PATHS, PLACEMENT_QUESTIONS, hasPlacement, listTitles, parseQuestionId, placementLessons, placementQuestions, testedOutLessons } from '../../../src/app/placement/placementCheck.ts';
import { loadCourseExercises } from '../../../src/exercises/courseExercises.ts';
import { loadCourse } from '../../../src/lessons/nodeLoader.ts';

const QUESTIONS = ['two-clocks/a', 'watermarks-101/b', 'late-data/c', 'late-data/d'];
const allWritten = () => true;

describe('the placement check', () => {
  it('opens the intermediate and advanced paths, not the beginner path', () => {
    expect(PLACEMENT_PATHS).toEqual(['intermediate', 'advanced']);
    expect(hasPlacement('beginner')).toBe(false);
    expect(hasPlacement('advanced')).toBe(true);
  });

  it('asks only the questions of lessons that are written, in the listed order', () => {
    const asked = placementQuestions((id) => id !== 'watermarks-101', QUESTIONS);
    expect(asked.map((q) => q.id)).toEqual(['two-clocks/a', 'late-data/c', 'late-data/d']);
    expect(placementLessons(asked)).toEqual(['two-clocks', 'late-data']);
  });

  it('marks a lesson as known only when every one of its questions was answered correctly', () => {
    const asked = placementQuestions(allWritten, QUESTIONS);
    const correct = new Set(['two-clocks/a', 'late-data/c', 'watermarks-101/b']);
    expect(testedOutLessons(asked, (id) => correct.has(id))).toEqual(['two-clocks', 'watermarks-101']);
    expect(testedOutLessons(asked, () => false)).toEqual([]);
    expect(testedOutLessons(asked, () => true)).toEqual(['two-clocks', 'watermarks-101', 'late-data']);
  });

  it('never marks a lesson known that has a wrong answer, whatever the answers', () => {
    const asked = placementQuestions(allWritten, QUESTIONS);
    fc.assert(fc.property(fc.subarray(QUESTIONS), (right) => {
      const known = testedOutLessons(asked, (id) => right.includes(id));
      for (const q of asked) if (!right.includes(q.id)) expect(known).not.toContain(q.lessonId);
    }));
  });

  it('lists lesson titles in quotes, since titles hold commas themselves', () => {
    expect(listTitles(['Late data: drop, allow, side output'])).toBe('“Late data: drop, allow, side output”');
    expect(listTitles(['A', 'B, C', 'D'])).toBe('“A”, “B, C” and “D”');
    expect(listTitles([])).toBe('');
  });

  it('rejects a question id that does not name an exercise, saying which', () => {
    expect(() => parseQuestionId('late-data')).toThrow('placement question "late-data" is not an exercise id of the form <lesson-id>/<exercise-id>');
  });
});

describe('the placement questions of the shipped course', () => {
  it('draw from two-clocks, watermarks-101 and late-data only', () => {
    for (const id of PLACEMENT_QUESTIONS) expect(['two-clocks', 'watermarks-101', 'late-data']).toContain(parseQuestionId(id).lessonId);
  });

  it('name exercises that exist and are graded by the engine, for every lesson already written', async () => {
    const { course } = loadCourse();
    const written = new Set(course.lessons.map((l) => l.id));
    const { exercises } = await loadCourseExercises();
    const ids = new Set(exercises.map((e) => e.id));
    const asked = placementQuestions((id) => written.has(id));
    expect(asked.length).toBeGreaterThanOrEqual(3);
    for (const q of asked) expect(ids.has(q.id), `${q.id} is not an exercise of the course`).toBe(true);
    for (const q of asked) expect(exercises.find((e) => e.id === q.id)!.kind).not.toBe('code');
  });
});
