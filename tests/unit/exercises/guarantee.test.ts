// After learnGitBranching's levels test: every exercise of the course (and of the fixtures), for several seeds,
// accepts the simulator's reference answer and rejects a blank and a perturbed answer.
import { describe, expect, it } from 'vitest';
import { loadCourseExercises } from '../../../src/exercises/courseExercises.ts';
import { blankAnswer, grade, gradingRun, isUsableVariant, nextVariantSeed, solve } from '../../../src/exercises/grade.ts';
import { axisValues, validPlacements } from '../../../src/exercises/graders/drag.ts';
import { gridOf, settingsChange } from '../../../src/exercises/graders/param.ts';
import { selectOptions } from '../../../src/exercises/graders/select.ts';
import { checkGoal } from '../../../src/exercises/predicates.ts';
import type { Exercise } from '../../../src/exercises/types.ts';
import { fixtureExercises } from './helpers.ts';

/** Seed 1 (as written) and the next four variants "New variant" would offer. */
function seedsOf(exercise: Exercise): number[] {
  const seeds = [1];
  while (exercise.seeded && seeds.length < 5) seeds.push(nextVariantSeed(exercise, seeds.at(-1)!));
  return seeds;
}

/** An answer that differs from the reference in one place, or undefined when the exercise leaves no room. */
function perturb(exercise: Exercise, seed: number, reference: unknown): unknown {
  const run = gradingRun(exercise, seed);
  switch (exercise.kind) {
    case 'select': {
      const [first] = selectOptions(exercise, run);
      const chosen = reference as string[];
      return chosen.includes(first.id) ? chosen.filter((id) => id !== first.id) : [...chosen, first.id];
    }
    case 'num': {
      const delta = exercise.tolerance + 1;
      if (typeof reference === 'number') return reference + delta;
      const fields = Object.entries(reference as Record<string, number>);
      return fields.length === 0 ? { '[0,10)': 1 } : Object.fromEntries(fields.map(([k, n], i) => [k, i === 0 ? n + delta : n]));
    }
    case 'order': {
      const items = [...(reference as string[])];
      if (items.length < 2) return undefined;
      [items[0], items[1]] = [items[1], items[0]];
      return items;
    }
    case 'drag': {
      const valid = new Set(validPlacements(exercise, run));
      return axisValues(exercise).find((t) => !valid.has(t));
    }
    case 'param': {
      const [name, spec] = Object.entries(exercise.params)[0];
      return gridOf(spec).map((x) => ({ ...(reference as Record<string, number>), [name]: x }))
        .find((settings) => !checkGoal(run.rerun(settingsChange(exercise, settings)), exercise.goal).holds);
    }
    case 'predict': {
      const panes = reference as { value: number | string }[];
      return panes.length === 0 ? [{ window: '[0,10)', value: 1 }] : panes.map((p, i) => (i === 0 ? { ...p, value: Number(p.value) + 1 } : p));
    }
    case 'code':
      return undefined;
  }
}

const course = await loadCourseExercises();
const fixtures = await fixtureExercises();

describe('every exercise in the course and the fixtures', () => {
  it('the course and the fixtures load without errors', () => {
    expect(course.errors).toEqual([]);
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
  });

  it('"New variant" skips to the next variant where a blank answer is not already right', () => {
    const selectFixture = fixtures.find((e) => e.id === 'late-drill/which-dropped')!;
    const usable = Array.from({ length: 40 }, (_, i) => i + 1).filter((seed) => isUsableVariant(selectFixture, seed));
    expect(usable.length).toBeGreaterThan(2);
    expect(nextVariantSeed(selectFixture, 1)).toBe(usable[1]);
    expect(nextVariantSeed(selectFixture, usable[1])).toBe(usable[2]);
  });

  const gradable = [...course.exercises, ...fixtures].filter((e) => e.kind !== 'code');
  for (const exercise of gradable) {
    for (const seed of seedsOf(exercise)) {
      it(`${exercise.id} (seed ${seed}): the solved answer is correct, a blank and a perturbed answer are not`, () => {
        const reference = solve(exercise, seed);
        expect(grade(exercise, seed, reference as never).correct).toBe(true);
        expect(grade(exercise, seed, blankAnswer(exercise) as never).correct).toBe(false);
        const perturbed = perturb(exercise, seed, reference);
        if (perturbed !== undefined) expect(grade(exercise, seed, perturbed as never).correct).toBe(false);
      });
    }
  }
});
