// Every number the late-data lesson and its exercises quote, re-derived from simulator runs of its scenarios.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourseExercises } from '../../../../src/exercises/courseExercises.ts';
import { grade, nextVariantSeed, solve } from '../../../../src/exercises/grade.ts';
import { checkGoal } from '../../../../src/exercises/predicates.ts';
import { runScenario, variantJson } from '../../../../src/exercises/runExercise.ts';
import type { Exercise } from '../../../../src/exercises/types.ts';
import { parseScenario, run, type RunResult } from '../../../../src/sim/index.ts';

const LESSON = 'src/lessons/late-data';
const scenarioJson = (name: string) => JSON.parse(readFileSync(`${LESSON}/scenarios/${name}.json`, 'utf8')) as Record<string, any>;

function resultOf(json: Record<string, any>): RunResult {
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(parsed.error);
  return run(parsed.scenario).result;
}

const withPipeline = (json: Record<string, any>, change: Record<string, unknown>, watermark: Record<string, unknown> = {}) =>
  ({ ...json, pipeline: { ...json.pipeline, ...change, watermark: { ...json.pipeline.watermark, ...watermark } } });

const s = (ms: number) => ms / 1000;

let exercises: Exercise[];
beforeAll(async () => {
  const loaded = await loadCourseExercises();
  exercises = loaded.exercises.filter((e) => e.lessonId === 'late-data');
});
const exercise = (id: string) => exercises.find((e) => e.id === `late-data/${id}`)!;

describe('late-data: behind the watermark is not the same as too late', () => {
  const view = runScenario(scenarioJson('eight-readings'));

  it('e5 (stamped 15 s) lifts the watermark to 10 s (Flink: 9.999 s) and [0,10) fires with 3 at 16 s', () => {
    const [first] = view.panes;
    expect(first).toMatchObject({ window: '[0,10)', value: 3, timing: 'ON_TIME', after: 'e5', procTimeMs: 16_000 });
    const e5 = view.records.find((r) => r.id === 'e5')!;
    expect(e5.ts).toBe(15_000);
    expect(view.trace.watermarks.value.at(view.trace.watermarks.step.indexOf(4))).toBe(9_999);
  });

  it('drops only e6 (stamped 9 s), and keeps e8 (stamped 14 s) although the watermark is at 16 s when it arrives', () => {
    expect(view.records.filter((r) => r.isDropped).map((r) => [r.id, s(r.ts)])).toEqual([['e6', 9]]);
    const e8 = view.records.find((r) => r.id === 'e8')!;
    expect(s(e8.ts)).toBe(14);
    expect(e8.isDropped).toBe(false);
    expect(view.finalWatermark).toBe(15_999); // teaching W = 16 s, Flink one ms lower
    expect(view.windows.map((w) => w.id)).toContain('[10,20)');
  });

  it('reports the dropped record on the late side output', () => {
    expect(resultOf(scenarioJson('eight-readings')).late).toEqual([{ step: 5, key: '', ts: 9_000, value: 1 }]);
  });
});

describe('late-data: a longer delay', () => {
  it('drops nothing with a 6 s delay, and [0,10) then fires at 22 s instead of 16 s', () => {
    const view = runScenario(withPipeline(scenarioJson('eight-readings'), {}, { delay: 6000 }));
    expect(view.records.filter((r) => r.isDropped)).toEqual([]);
    expect(view.panes[0]).toMatchObject({ window: '[0,10)', procTimeMs: 22_000 });
  });

  it('still drops e6 with a 5 s delay: 6 s is the smallest whole-second delay', () => {
    expect(solve(exercise('smallest-delay'), 1)).toBe(6);
    expect(solve(exercise('which-dropped'), 1)).toEqual(['e6']);
  });
});

describe('late-data: allowed lateness', () => {
  const view = runScenario(scenarioJson('lateness-ten'));

  it('fires [0,10) ON_TIME with 3 at 16 s, then LATE with 4 at 17 s, and the end fires [10,20)=3 and [20,30)=1', () => {
    expect(view.panes.map((p) => [p.window, p.value, p.timing, p.after, s(p.procTimeMs)])).toEqual([
      ['[0,10)', 3, 'ON_TIME', 'e5', 16],
      ['[0,10)', 4, 'LATE', 'e6', 17],
      ['[10,20)', 3, 'ON_TIME', 'end', 23],
      ['[20,30)', 1, 'ON_TIME', 'end', 23],
    ]);
    expect(view.records.filter((r) => r.isDropped)).toEqual([]);
  });

  it('gives [0,10) two results, as the exercise says', () => {
    expect(solve(exercise('late-firings'), 1)).toBe(2);
    expect(solve(exercise('predict-late-firings'), 1)).toHaveLength(4);
  });
});

const tune = () => exercise('tune-delay-and-lateness') as Extract<Exercise, { kind: 'param' }>;

describe('late-data: the trade-off exercise', () => {
  const settings = (delay: number, lateness: number) =>
    runScenario(withPipeline(scenarioJson('eight-readings'), { allowedLateness: lateness }, { delay }));

  it('meets both goals with a 2 s delay and 4 s of lateness, as the explanation says', () => {
    expect(checkGoal(settings(2000, 4000), tune().goal).holds).toBe(true);
    expect(grade(tune(), 1, { delay: 2000, lateness: 4000 }).correct).toBe(true);
  });

  it('loses e6 with a 2 s delay and only 3 s of lateness, and fires too late with the 6 s delay', () => {
    expect(settings(2000, 3000).records.filter((r) => r.isDropped).map((r) => r.id)).toEqual(['e6']);
    const slow = settings(6000, 0);
    expect(checkGoal(slow, tune().goal).holds).toBe(false);
    expect(s(slow.panes[0].procTimeMs)).toBe(22);
  });

  it('fires [0,10) at 13 s, when the 12 s reading arrives, with a delay of 2 s', () => {
    expect(settings(2000, 4000).panes[0]).toMatchObject({ window: '[0,10)', procTimeMs: 13_000, after: 'e3' });
  });
});

describe('late-data: Kafka Streams with a 5 s grace period', () => {
  const view = runScenario(scenarioJson('kafka-grace'));

  it('skips e6 for [0,10), which closed when stream time reached 15 s', () => {
    expect(view.records.filter((r) => r.isDropped).map((r) => r.id)).toEqual(['e6']);
    const e6 = view.records.find((r) => r.id === 'e6')!;
    const streamTimeAtE6 = [...view.trace.watermarks.step].map((step, i) => ({ step, value: view.trace.watermarks.value[i] }))
      .filter((w) => w.step <= e6.step).at(-1)!.value;
    expect(streamTimeAtE6).toBe(15_000);
  });

  it('emits [0,10) three times as its count grows: 1, 2, then 3', () => {
    expect(view.panes.filter((p) => p.window === '[0,10)').map((p) => p.value)).toEqual([1, 2, 3]);
  });
});

describe('late-data: seeded variants', () => {
  const variants = (ex: Exercise, count: number) => {
    const seeds = [1];
    while (seeds.length < count) seeds.push(nextVariantSeed(ex, seeds.at(-1)!));
    return seeds;
  };
  const SEEDED = ['which-dropped', 'smallest-delay', 'late-firings', 'predict-late-firings', 'tune-delay-and-lateness'];

  it('seeds every exercise, and no prompt quotes an event time that a variant would change', () => {
    for (const id of SEEDED) {
      expect(exercise(id).seeded).toBe(true);
      expect(exercise(id).prompt).not.toMatch(/stamped \d|e\d+ \(/);
    }
  });

  it('gives, in every variant, a smallest delay that drops nothing while one second less drops a reading', () => {
    for (const seed of variants(exercise('smallest-delay'), 12)) {
      const json = variantJson(exercise('smallest-delay'), seed) as Record<string, any>;
      const delay = solve(exercise('smallest-delay'), seed) as number;
      expect(runScenario(withPipeline(json, {}, { delay: delay * 1000 })).records.filter((r) => r.isDropped)).toEqual([]);
      if (delay > 0) expect(runScenario(withPipeline(json, {}, { delay: delay * 1000 - 1000 })).records.some((r) => r.isDropped)).toBe(true);
    }
  });

  it('keeps the trade-off solvable in every variant: some delay and lateness in the ranges meet both goals', () => {
    for (const seed of variants(tune(), 30)) {
      const answer = solve(tune(), seed);
      expect(grade(tune(), seed, answer).correct).toBe(true);
    }
  });
});
