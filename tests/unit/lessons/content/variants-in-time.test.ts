// The seeded exercises of windows-101, late-data, parallel-watermarks and storm-topologies deal new event times and
// arrival orders; no variant may show a record that arrives before it happened.
import { describe, expect, it } from 'vitest';
import { loadCourseExercises } from '../../../../src/exercises/courseExercises.ts';
import { nextVariantSeed } from '../../../../src/exercises/grade.ts';
import { runVariant } from '../../../../src/exercises/runExercise.ts';

const LESSONS = ['windows-101', 'late-data', 'parallel-watermarks', 'storm-topologies'];
const seeded = (await loadCourseExercises()).exercises.filter((e) => e.seeded && LESSONS.includes(e.lessonId));

describe('seeded variants of the core lessons stay physically possible', () => {
  for (const exercise of seeded) {
    it(`${exercise.id}: every record of the first 12 variants arrives at or after its event time`, () => {
      let seed = 1;
      for (let i = 0; i < 12; i++) {
        const early = runVariant(exercise, seed).records.filter((r) => r.arrivalMs < r.ts).map((r) => r.id);
        expect({ seed, early }).toEqual({ seed, early: [] });
        seed = nextVariantSeed(exercise, seed);
      }
    });
  }
});
