// Every number the spark-microbatch lesson and its exercises quote, re-derived from simulator runs of its scenarios.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourseExercises } from '../../../../src/exercises/courseExercises.ts';
import { solve } from '../../../../src/exercises/grade.ts';
import { runScenario, runVariant, variantJson } from '../../../../src/exercises/runExercise.ts';
import { describeSettings } from '../../../../src/exercises/settings.ts';
import type { RunView } from '../../../../src/exercises/runView.ts';
import type { Exercise } from '../../../../src/exercises/types.ts';
import { parseScenario, run, type TraceEvent } from '../../../../src/sim/index.ts';

const LESSON = 'src/lessons/spark-microbatch';
const scenarioJson = (name: string) => JSON.parse(readFileSync(`${LESSON}/scenarios/${name}.json`, 'utf8')) as Record<string, any>;
const withPipeline = (json: Record<string, any>, change: Record<string, unknown>) => ({ ...json, pipeline: { ...json.pipeline, ...change } });

type Batch = Extract<TraceEvent, { kind: 'batch' }>;
const batchesOf = (view: RunView): Batch[] => view.trace.events.filter((e): e is Batch => e.kind === 'batch');
const batchAt = (view: RunView, procTimeMs: number): Batch => batchesOf(view).find((b) => b.procTimeMs === procTimeMs)!;
/** Output rows as "[0,10)=2 @10 s". */
const rows = (view: RunView) => view.panes.map((p) => `${p.window}=${String(p.value)} @${p.procTimeMs / 1000} s`);
const record = (view: RunView, id: string) => view.records.find((r) => r.id === id)!;

let exercises: Exercise[];
beforeAll(async () => {
  exercises = (await loadCourseExercises()).exercises.filter((e) => e.lessonId === 'spark-microbatch');
});
const exercise = (id: string) => exercises.find((e) => e.id === `spark-microbatch/${id}`)!;

describe('spark-microbatch: a result waits for the next trigger', () => {
  const view = runScenario(scenarioJson('trigger-latency'));

  it('runs a micro-batch every 5 s and writes nothing in between', () => {
    expect(batchesOf(view).map((b) => b.procTimeMs)).toEqual([5000, 10_000, 15_000]);
    expect(view.panes.every((p) => p.procTimeMs % 5000 === 0)).toBe(true);
  });

  it('writes the record that arrives at 5.1 s 4.9 s later, and the one at 4.9 s 0.1 s later', () => {
    expect(rows(view)).toEqual(['[0,10)=2 @5 s', '[0,10)=3 @10 s', '[10,20)=2 @15 s']);
    expect(record(view, 'e3').arrivalMs).toBe(5100);
    expect(10_000 - record(view, 'e3').arrivalMs).toBe(4900);
    expect(record(view, 'e2').arrivalMs).toBe(4900);
    expect(5000 - record(view, 'e2').arrivalMs).toBe(100);
  });
});

describe('spark-microbatch: the watermark moves between batches', () => {
  const view = runScenario(scenarioJson('watermark-next-batch'));

  it('the batch at 25 s raises the watermark to 11 s with the record stamped 21 s, but closes windows with 6 s', () => {
    expect(record(view, 'e5')).toMatchObject({ ts: 21_000, arrivalMs: 22_000 });
    const wm = view.trace.watermarks;
    const at25 = [...Array(wm.length).keys()].filter((i) => wm.scope[i] === -1 && wm.procTimeMs[i] === 25_000).map((i) => wm.value[i]);
    expect(at25).toEqual([11_000]);
    expect(batchAt(view, 25_000).evictionWm).toBe(6000);
    expect(view.panes.filter((p) => p.procTimeMs === 25_000)).toEqual([]);
  });

  it('writes [0,10) with a count of 3 in the batch at 30 s', () => {
    expect(rows(view)).toEqual(['[0,10)=3 @30 s']);
    expect(view.panes[0].timing).toBe('ON_TIME');
  });

  it('counts the record stamped 9 s that arrives at 28 s (watermark 11 s) because its batch filters with 6 s', () => {
    expect(record(view, 'e6')).toMatchObject({ ts: 9000, arrivalMs: 28_000, isDropped: false });
    expect(batchAt(view, 30_000).lateWm).toBe(6000);
  });

  it('drops the record stamped 8 s that arrives at 33 s, whose batch filters with 11 s', () => {
    expect(view.records.filter((r) => r.isDropped).map((r) => [r.id, r.ts, r.arrivalMs])).toEqual([['e8', 8000, 33_000]]);
    expect(batchAt(view, 35_000).lateWm).toBe(11_000);
  });

  it('is the run the exercises grade: [0,10) appears at 30 s and only e8 is dropped', () => {
    expect(solve(exercise('append-batch'), 1)).toBe(30); // the exercise answers in seconds
    expect(solve(exercise('late-rows'), 1)).toEqual(['e8']);
  });
});

describe('spark-microbatch: three output modes', () => {
  const modes = (mode: string) => runScenario(withPipeline(scenarioJson('output-modes'), { outputMode: mode }));

  it('update mode writes 5 rows in three batches, each of the first two windows twice', () => {
    const view = modes('update');
    expect(rows(view)).toEqual(['[0,10)=2 @10 s', '[0,10)=3 @20 s', '[10,20)=1 @20 s', '[10,20)=2 @30 s', '[20,30)=1 @30 s']);
    expect(new Set(view.panes.map((p) => p.procTimeMs)).size).toBe(3);
  });

  it('append mode writes one row, [0,10)=3, at 40 s from a batch with no new data after the watermark reached 17 s', () => {
    const view = modes('append');
    expect(rows(view)).toEqual(['[0,10)=3 @40 s']);
    expect(batchAt(view, 40_000)).toMatchObject({ rows: 0, isNoData: true, evictionWm: 17_000 });
  });

  it('complete mode rewrites all 3 windows in the batch at 30 s', () => {
    expect(rows(modes('complete')).filter((r) => r.endsWith('@30 s'))).toEqual(['[0,10)=3 @30 s', '[10,20)=2 @30 s', '[20,30)=1 @30 s']);
  });

  it('the PREDICT exercise expects exactly the update-mode rows', () => {
    expect(solve(exercise('predict-update'), 1)).toEqual([
      { window: '[0,10)', value: 2 }, { window: '[0,10)', value: 3 }, { window: '[10,20)', value: 1 },
      { window: '[10,20)', value: 2 }, { window: '[20,30)', value: 1 },
    ]);
  });
});

describe('spark-microbatch: queries Spark rejects', () => {
  it('rejects a windowed count in append mode without a watermark, and session windows in update mode', () => {
    const base = scenarioJson('output-modes');
    const noWatermark = parseScenario({ ...withPipeline(base, { outputMode: 'append' }), pipeline: { ...base.pipeline, outputMode: 'append', watermark: undefined } });
    expect(noWatermark).toMatchObject({ ok: false, kind: 'unsupported' });
    const sessionUpdate = parseScenario(withPipeline(base, { window: { type: 'session', gap: 5000 }, outputMode: 'update' }));
    expect(sessionUpdate).toMatchObject({ ok: false, kind: 'unsupported' });
  });
  it('the query exercise flags queries a, b and c of curriculum L08 Ex2 and passes d', () => {
    expect(solve(exercise('query-check'), 1)).toEqual(['count-no-watermark', 'watermark-then-map', 'watermark-after-groupby']);
  });
});

describe('spark-microbatch: a batch that overruns its trigger', () => {
  it('starts the batches back to back at 2, 5, 8, 11 and 14 s when the trigger is 2 s and a batch takes 3 s', () => {
    const parsed = parseScenario(scenarioJson('overrun'));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.scenario.pipeline.batchInterval).toBe(2000);
    const events = run(parsed.scenario, { trace: true }).runtime!.events;
    const starts = events.filter((e) => e.kind === 'micro-batch' && e.action === 'offsets').map((e) => e.procTimeMs / 1000);
    const ends = events.filter((e) => e.kind === 'micro-batch' && e.action === 'commit').map((e) => e.procTimeMs / 1000);
    expect(starts).toEqual([2, 5, 8, 11, 14]);
    // Each batch starts the moment the one before it commits: none is queued, none is skipped.
    expect(starts.slice(1)).toEqual(ends.slice(0, -1));
  });

  it('so the batch that reads e9 (arriving at 8.5 s, during the 8–11 s batch) starts at 11 s, as the exercise explains', () => {
    expect(solve(exercise('overrun-start'), 1)).toBe(11);
  });

  it('every variant shows its trigger and batch duration, and e9\'s batch starts where Spark\'s trigger loop puts it', () => {
    const overrun = exercise('overrun-start');
    const answers = new Set<number>();
    for (let seed = 1; seed <= 40; seed++) {
      const json = variantJson(overrun, seed) as Record<string, any>;
      const trigger: number = json.pipeline.batchInterval;
      const duration: number = json.pipeline.runtime.batch.overheadMs;
      expect(describeSettings(overrun.show, runVariant(overrun, seed).scenario).map((s) => s.value)).toEqual([`${trigger / 1000} s`, `${duration / 1000} s per batch`]);
      // ProcessingTimeExecutor: after a batch started at t, wait for the next trigger after t unless the batch ran past it.
      const e9 = json.events[8].arrivalMs;
      let start = trigger;
      while (start <= e9) start = Math.max(start + duration, (Math.floor(start / trigger) + 1) * trigger);
      expect(solve(overrun, seed), `seed ${seed}`).toBe(start / 1000);
      answers.add(start);
    }
    expect(answers.size).toBeGreaterThan(3);
  });
});
