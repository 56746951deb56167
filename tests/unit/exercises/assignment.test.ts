// "windows-of-every-record": a grid of records × windows in which the learner ticks every window each record
// belongs to. The answer is the simulator's assignment; these tests check it against the window rule worked by
// hand, and check that a wrong grid is explained record by record.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grade, gradingRun, solve } from '../../../src/exercises/grade.ts';
import { selectOptions } from '../../../src/exercises/graders/select.ts';
import { loadExerciseFrom } from '../../../src/exercises/load.ts';
import type { SelectExercise } from '../../../src/exercises/types.ts';

const MARKDOWN = '---\nkind: select\nmisconceptions: []\nseeded: false\nscenario: s\nquestion: windows-of-every-record\n---\n\n## Prompt\n\nQ?\n\n## Hint\n\nOne.\n\n## Hint\n\nTwo.\n\n## Explanation\n\nBecause.\n';

/** An exercise over Flink sliding windows of `size` every `slide` ms: one record per event time, arriving in the listed order. */
async function slidingGrid(stampsMs: number[], size = 10_000, slide = 5000): Promise<SelectExercise> {
  const scenario = JSON.stringify({
    format: 'eventide.scenario/1', profile: 'flink',
    pipeline: { window: { type: 'sliding', size, slide }, aggregate: 'count', watermark: { type: 'bounded', delay: 0 } },
    events: stampsMs.map((ts, i) => ({ ts, arrivalMs: 100_000 + i })), steps: [{ end: true }],
  });
  const parsed = await loadExerciseFrom({ file: 'x/exercises/q.md', lessonId: 'x', exerciseId: 'q', markdown: MARKDOWN, scenario: () => scenario });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.exercise as SelectExercise;
}

/** The sliding-window rule by hand: every window [s, s + size) with s a multiple of the slide and s ≤ t < s + size. */
function windowsByHand(t: number, size: number, slide: number): string[] {
  const labels: string[] = [];
  for (let s = Math.floor(t / slide) * slide; s > t - size; s -= slide) labels.push(`[${s / 1000},${(s + size) / 1000})`);
  return labels.sort();
}

describe('every window of every record, ticked in a grid', () => {
  it('puts the click at exactly 10 s in [5,15) and [10,20) and the click at 1 s in [-5,5) and [0,10)', async () => {
    const answer = solve(await slidingGrid([1000, 10_000]), 1);
    expect(answer.sort()).toEqual(['e1 [-5,5)', 'e1 [0,10)', 'e2 [10,20)', 'e2 [5,15)']);
  });

  it('offers one cell per record and window of the run, each named by its record and window', async () => {
    const exercise = await slidingGrid([1000, 10_000]);
    const options = selectOptions(exercise, gradingRun(exercise, 1));
    expect(options.map((o) => o.label)).toEqual([
      'e1 in [-5,5)', 'e1 in [0,10)', 'e1 in [5,15)', 'e1 in [10,20)',
      'e2 in [-5,5)', 'e2 in [0,10)', 'e2 in [5,15)', 'e2 in [10,20)',
    ]);
    expect(new Set(options.map((o) => o.cell?.row))).toEqual(new Set(['e1 (1 s)', 'e2 (10 s)']));
  });

  it('agrees with the sliding-window rule worked by hand, for any event times, sizes and slides', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 6 }),
      fc.constantFrom([10_000, 5000], [10_000, 2000], [6000, 3000], [4000, 4000]),
      async (seconds, [size, slide]) => {
        const stamps = seconds.map((s) => s * 1000).sort((a, b) => a - b);
        const answer = solve(await slidingGrid(stamps, size, slide), 1);
        stamps.forEach((t, i) => {
          const mine = answer.filter((id) => id.startsWith(`e${i + 1} `)).map((id) => id.slice(id.indexOf(' ') + 1));
          expect(mine.sort()).toEqual(windowsByHand(t, size, slide));
        });
      },
    ), { numRuns: 40 });
  });

  it('names each wrong record with the windows it misses and the ones it has extra, and why', async () => {
    const exercise = await slidingGrid([1000, 7000, 10_000]);
    const answer = ['e1 [0,10)', 'e2 [0,10)', 'e2 [5,15)', 'e3 [0,10)', 'e3 [5,15)'];
    const verdict = grade(exercise, 1, answer);
    expect(verdict.correct).toBe(false);
    expect(verdict.feedback).toBe('2 of 3 records are not right yet. e1 (1 s) misses [-5,5). '
      + 'e3 (10 s) misses [10,20) and has [0,10) extra ([0,10) ends at 10 s and excludes its end).');
  });

  it('accepts the complete grid and names no record', async () => {
    const exercise = await slidingGrid([1000, 7000, 10_000]);
    expect(grade(exercise, 1, solve(exercise, 1))).toMatchObject({ correct: true, misconception: null });
  });
});

describe('an empty or half-filled grid', () => {
  it('lists the records with nothing ticked without naming their windows, so a blank grid is not filled in', async () => {
    const exercise = await slidingGrid([1000, 7000, 10_000]);
    expect(grade(exercise, 1, []).feedback).toBe('3 of 3 records are not right yet. Nothing is ticked yet for e1 (1 s), e2 (7 s) and e3 (10 s).');
    expect(grade(exercise, 1, ['e1 [0,10)']).feedback)
      .toBe('3 of 3 records are not right yet. e1 (1 s) misses [-5,5). Nothing is ticked yet for e2 (7 s) and e3 (10 s).');
  });
});
