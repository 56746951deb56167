// Every number the parallel-watermarks lesson and its exercises quote, re-derived from simulator runs of its scenarios.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourseExercises } from '../../../../src/exercises/courseExercises.ts';
import { nextVariantSeed, solve } from '../../../../src/exercises/grade.ts';
import { runScenario, runVariant } from '../../../../src/exercises/runExercise.ts';
import { describeSettings } from '../../../../src/exercises/settings.ts';
import type { RunView } from '../../../../src/exercises/runView.ts';
import type { Exercise } from '../../../../src/exercises/types.ts';

const LESSON = 'src/lessons/parallel-watermarks';
const view = (name: string) => runScenario(JSON.parse(readFileSync(`${LESSON}/scenarios/${name}.json`, 'utf8')));
const s = (ms: number) => ms / 1000;

/** The last watermark of one partition (scope p) or of the operator (scope −1). */
function lastWatermark(run: RunView, scope: number): number {
  const wm = run.trace.watermarks;
  let value = -Infinity;
  for (let i = 0; i < wm.length; i++) if (wm.scope[i] === scope) value = wm.value[i];
  return value;
}

const panesOf = (run: RunView) => run.panes.map((p) => [p.window, p.value, p.timing, s(p.procTimeMs)]);

let exercises: Exercise[];
beforeAll(async () => {
  exercises = (await loadCourseExercises()).exercises.filter((e) => e.lessonId === 'parallel-watermarks');
});
const answerOf = (id: string) => solve(exercises.find((e) => e.id === `parallel-watermarks/${id}`)!, 1);

describe('parallel-watermarks: one silent partition stops everything', () => {
  const run = view('silent-partition');

  it('has partitions reaching event times 42 s and 37 s, and a third whose last reading, stamped 8 s, arrives at 9.2 s', () => {
    const maxTs = [0, 1, 2].map((p) => Math.max(...run.records.filter((r) => run.trace.records.partition[r.row] === p).map((r) => s(r.ts))));
    expect(maxTs).toEqual([42, 37, 8]);
    const last = run.records.filter((r) => run.trace.records.partition[r.row] === 2).at(-1)!;
    expect(s(last.arrivalMs)).toBe(9.2);
  });

  it('gives the busy partitions watermarks of 37 s and 32 s but holds the operator at 3 s (Flink 2.999 s), so nothing fires', () => {
    expect([0, 1, 2].map((p) => lastWatermark(run, p))).toEqual([36_999, 31_999, 2_999]);
    expect(run.finalWatermark).toBe(2_999);
    expect(run.panes).toEqual([]);
    expect(answerOf('stalled-watermark')).toBe(2.999);
  });
});

describe('parallel-watermarks: idleness', () => {
  const run = view('idle-partition');

  it('marks partition 2 idle at 19.6 s, after 10 s without records', () => {
    const idle = run.trace.events.filter((e) => e.kind === 'idle' && e.isIdle);
    expect(idle.map((e) => [e.kind === 'idle' && e.partition, s(e.procTimeMs)])).toEqual([[2, 19.6]]);
  });

  it('fires [0,10) with 8 at 19.6 s, [10,20) with 5 at 27 s and [20,30) with 5 at 39 s, and ends at 32 s (Flink 31.999 s)', () => {
    expect(panesOf(run)).toEqual([
      ['[0,10)', 8, 'ON_TIME', 19.6],
      ['[10,20)', 5, 'ON_TIME', 27],
      ['[20,30)', 5, 'ON_TIME', 39],
    ]);
    expect(run.finalWatermark).toBe(31_999);
    expect(answerOf('fired-after-idleness')).toEqual(['[0,10)', '[10,20)', '[20,30)']);
    expect(answerOf('predict-idle')).toHaveLength(3);
  });

  it('counts 2, 3 and 3 readings of partitions 0, 1 and 2 in [0,10), as the prediction exercise explains', () => {
    const inFirst = run.records.filter((r) => r.ts < 10_000).map((r) => run.trace.records.partition[r.row]);
    expect([0, 1, 2].map((p) => inFirst.filter((x) => x === p).length)).toEqual([2, 3, 3]);
  });
});

describe('parallel-watermarks: a partition that comes back', () => {
  it('drops e25 (stamped 9 s, at 45 s) when the partition was idle: the watermark is at 32 s by then', () => {
    const run = view('resumes-when-idle');
    const e25 = run.records.find((r) => r.id === 'e25')!;
    expect([s(e25.ts), s(e25.arrivalMs), e25.isDropped]).toEqual([9, 45, true]);
    expect(run.finalWatermark).toBe(31_999);
    expect(answerOf('resumed-when-idle')).toEqual(['e25']);
  });

  it('counts e25 without idleness, lifting partition 2 to 4 s (Flink 3.999 s), and still fires nothing', () => {
    const run = view('resumes-without-idleness');
    expect(run.records.filter((r) => r.isDropped)).toEqual([]);
    expect(lastWatermark(run, 2)).toBe(3_999);
    expect(run.finalWatermark).toBe(3_999);
    expect(run.panes).toEqual([]);
    expect(answerOf('resumed-without-idleness')).toBe(0);
  });
});

describe('parallel-watermarks: Spark', () => {
  const run = view('spark-batches');

  it('ends with one watermark of 42 − 5 = 37 s and appends [0,10) at 20 s, [10,20) at 28 s and [20,30) at 40 s', () => {
    expect(run.finalWatermark).toBe(37_000);
    expect(panesOf(run)).toEqual([
      ['[0,10)', 8, 'ON_TIME', 20],
      ['[10,20)', 5, 'ON_TIME', 28],
      ['[20,30)', 5, 'ON_TIME', 40],
    ]);
    expect(answerOf('spark-fired-windows')).toEqual(['[0,10)', '[10,20)', '[20,30)']);
  });

  it('appends each window in a batch with no new rows, after the batch that lifted the watermark', () => {
    const batches = run.trace.events.filter((e) => e.kind === 'batch');
    for (const pane of run.panes) {
      const batch = batches.filter((b) => b.procTimeMs === pane.procTimeMs).at(-1)!;
      expect(batch.kind === 'batch' && batch.isNoData).toBe(true);
    }
  });
});

describe('parallel-watermarks: seeded variants', () => {
  const exercise = (id: string) => exercises.find((e) => e.id === `parallel-watermarks/${id}`)!;
  const variants = (ex: Exercise, count: number) => {
    const seeds = [1];
    while (seeds.length < count) seeds.push(nextVariantSeed(ex, seeds.at(-1)!));
    return seeds;
  };
  const IDS = ['stalled-watermark', 'fired-after-idleness', 'predict-idle', 'resumed-when-idle', 'resumed-without-idleness', 'spark-fired-windows'];

  it('seeds every exercise, and no prompt quotes an event time that a variant would change', () => {
    for (const id of IDS) {
      expect(exercise(id).seeded).toBe(true);
      expect(exercise(id).prompt).not.toMatch(/stamped \d|up to \d/);
    }
  });

  it('stalls the operator, in every variant, at the smallest partition watermark: largest event time − 5 s, less Flink\'s 1 ms', () => {
    const stalled = exercise('stalled-watermark');
    for (const seed of variants(stalled, 10)) {
      const run = runVariant(stalled, seed);
      const byHand = Math.min(...[0, 1, 2].map((p) => Math.max(...run.records.filter((r) => r.partition === p).map((r) => r.ts)) - 5000)) - 1;
      expect(solve(stalled, seed)).toBe(s(byHand));
    }
  });

  it('drops nothing without idleness in any variant, because no window fires while partition 2 holds the minimum', () => {
    const without = exercise('resumed-without-idleness');
    for (const seed of variants(without, 10)) {
      expect(solve(without, seed)).toBe(0);
      expect(runVariant(without, seed).panes).toEqual([]);
    }
  });

  it('draws the window size and the delay of the fired-windows questions, shows both, and moves the answer with them', () => {
    const largestTs = (run: RunView, partitions: number[]) => Math.max(...run.records.filter((r) => partitions.includes(r.partition)).map((r) => r.ts));
    // Flink with idleness: the smaller of the busy partitions' watermarks; Spark: the largest event time of all, less the delay.
    const progress = { 'fired-after-idleness': (run: RunView) => Math.min(largestTs(run, [0]), largestTs(run, [1])), 'spark-fired-windows': (run: RunView) => largestTs(run, [0, 1, 2]) };
    for (const [id, reached] of Object.entries(progress)) {
      const answers = new Set<string>();
      for (const seed of variants(exercise(id), 30)) {
        const run = runVariant(exercise(id), seed);
        const { size } = run.scenario.pipeline.window as { size: number };
        const delay = (run.scenario.pipeline.watermark as { delay: number }).delay;
        expect(describeSettings(exercise(id).show, run.scenario).map((x) => x.value)).toEqual([`tumbling, ${s(size)} s`, `${s(delay)} s`]);
        const fired = Math.floor((reached(run) - delay) / size);
        const byHand = Array.from({ length: fired }, (_, i) => `[${s(i * size)},${s((i + 1) * size)})`);
        expect(solve(exercise(id), seed), `${id} seed ${seed}`).toEqual(byHand);
        answers.add(byHand.join());
      }
      expect(answers.size, id).toBeGreaterThan(4);
    }
  });

  it('lets the resumed partition send two held-back readings, and drops each one whose 10 s window the busy partitions already completed', () => {
    const backlog = JSON.parse(readFileSync(`${LESSON}/scenarios/resumes-with-backlog.json`, 'utf8'));
    const lesson = JSON.parse(readFileSync(`${LESSON}/scenarios/resumes-when-idle.json`, 'utf8'));
    // The lesson's run, plus e26 from partition 2 a second after e25.
    expect(backlog.events.slice(0, 25)).toEqual(lesson.events);
    expect(backlog.events[25]).toMatchObject({ partition: 2, arrivalMs: 46_000 });
    const resumed = exercise('resumed-when-idle');
    const answers = new Set<string>();
    for (const seed of variants(resumed, 30)) {
      const run = runVariant(resumed, seed);
      const largestTs = (p: number) => Math.max(...run.records.filter((r) => r.partition === p).map((r) => r.ts));
      // While partition 2 is idle the watermark is the smaller busy partition's: about 32 s, as jitter leaves it.
      const reached = Math.min(largestTs(0), largestTs(1)) - 5000;
      expect(run.finalWatermark).toBe(reached - 1);
      const byHand = run.records.filter((r) => r.arrivalMs >= 45_000 && Math.floor(r.ts / 10_000) * 10_000 + 10_000 <= reached).map((r) => r.id);
      expect(solve(resumed, seed), `seed ${seed}`).toEqual(byHand);
      answers.add(byHand.join());
    }
    expect([...answers].sort()).toEqual(['e25', 'e25,e26', 'e26']);
  });
});
