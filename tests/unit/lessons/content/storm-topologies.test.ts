// Every number the storm-topologies lesson and its exercises quote, re-derived from simulator runs of its scenario.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourseExercises } from '../../../../src/exercises/courseExercises.ts';
import { solve } from '../../../../src/exercises/grade.ts';
import { runScenario, runVariant, variantJson } from '../../../../src/exercises/runExercise.ts';
import { describeSettings } from '../../../../src/exercises/settings.ts';
import { windowsOfRecord } from '../../../../src/exercises/runView.ts';
import type { Exercise } from '../../../../src/exercises/types.ts';
import { compareGroupings, parseScenario, run } from '../../../../src/sim/index.ts';

const LESSON = 'src/lessons/storm-topologies';
const scenarioJson = (name: string) => JSON.parse(readFileSync(`${LESSON}/scenarios/${name}.json`, 'utf8')) as Record<string, any>;
const prose = readFileSync(`${LESSON}/lesson.md`, 'utf8').replace(/\s+/g, ' ');

let exercises: Exercise[];
beforeAll(async () => {
  exercises = (await loadCourseExercises()).exercises.filter((e) => e.lessonId === 'storm-topologies');
});
const exercise = (id: string) => exercises.find((e) => e.id === `storm-topologies/${id}`)!;

describe('storm-topologies: a windowed bolt on tuple timestamps', () => {
  const view = runScenario(scenarioJson('windowed-bolt'));
  /** Evaluations as "end=5 s: 3 @10 s". */
  const evaluations = view.trace.panes.map((p) => `end=${p.end! / 1000} s: ${String(p.value)} @${p.procTimeMs / 1000} s`);

  it('uses 10 s windows sliding every 5 s with a 2 s lag and a watermark every second', () => {
    expect(view.scenario.pipeline.window).toMatchObject({ type: 'sliding', size: 10_000, slide: 5000 });
    expect(view.scenario.pipeline.watermark).toMatchObject({ delay: 2000, interval: 1000 });
  });

  it('evaluates the windows ending at 5 s, 10 s and 15 s at 10 s, 13 s and 22 s, with 3, 5 and 4 tuples', () => {
    expect(evaluations).toEqual(['end=5 s: 3 @10 s', 'end=10 s: 5 @13 s', 'end=15 s: 4 @22 s']);
    expect(view.panes.map((p) => p.window)).toEqual(['(-5,5]', '(0,10]', '(5,15]']);
    expect(prose).toContain('The window (−5,5] is evaluated at 10 s with 3 tuples, (0,10] at 13 s with 5 tuples, and (5,15] at 22 s with 4.');
  });

  it('holds a tuple stamped exactly 10 s in (0,10] and (5,15]: the end is included, the start is not', () => {
    const boundary = runScenario(scenarioJson('boundary-tuple'));
    const e3 = boundary.records.find((r) => r.id === 'e3')!;
    expect(e3.ts).toBe(10_000);
    expect(windowsOfRecord(boundary, e3)).toEqual(['(0,10]', '(5,15]']);
    // The tuple stamped 5 s sits on both ends: in (−5,5] and (0,10], the window starting at 5 s leaves it out.
    expect(windowsOfRecord(boundary, boundary.records.find((r) => r.ts === 5000)!)).toEqual(['(-5,5]', '(0,10]']);
    expect(solve(exercise('boundary-tuple'), 1)).toEqual(['(0,10]', '(5,15]']);
  });

  it('leaves out the tuple stamped 5 s that arrives at 13.1 s, when the watermark is 10 s', () => {
    expect(view.records.filter((r) => r.isDropped).map((r) => [r.id, r.ts, r.arrivalMs])).toEqual([['e7', 5000, 13_100]]);
    expect(view.trace.drops[0].values).toMatchObject({ watermark: 10_000 });
    // The window ending at 15 s was evaluated only later, at 22 s.
    expect(view.panes.at(-1)!.procTimeMs).toBeGreaterThan(13_100);
  });

  it('is what the exercises grade', () => {
    expect(solve(exercise('late-tuples'), 1)).toEqual(['e7']);
    expect(solve(exercise('predict-bolt'), 1)).toEqual(view.panes.map((p) => ({ window: p.window, value: p.value })));
  });
});

describe('storm-topologies: acking, timeouts and max.spout.pending', () => {
  const slow = scenarioJson('slow-bolt');
  const runtimeOf = (json: Record<string, any>) => {
    const parsed = parseScenario(json);
    if (!parsed.ok) throw new Error(parsed.error);
    return run(parsed.scenario, { trace: true }).runtime!;
  };
  const withCap = (cap: number) => ({ ...slow, pipeline: { ...slow.pipeline, runtime: { ...slow.pipeline.runtime, maxSpoutPending: cap } } });
  const replays = (trace: ReturnType<typeof runtimeOf>) => [...trace.reads].filter((n) => n >= 2).length;

  it('emits twenty tuples 0.1 s apart to one bolt task that needs 2 s each, with a 30 s timeout and no cap', () => {
    expect(slow.events).toHaveLength(20);
    expect(slow.events.map((e: { arrivalMs: number }) => e.arrivalMs)).toEqual(Array.from({ length: 20 }, (_, i) => i * 100));
    expect(slow.pipeline.runtime).toMatchObject({ messageTimeoutMs: 30_000, bolts: [{ serviceMs: 2000 }] });
    expect(slow.pipeline.runtime.maxSpoutPending).toBeUndefined();
  });

  it('replays 5 tuples without a cap, and writes 25 counts for 20 tuples', () => {
    const trace = runtimeOf(slow);
    expect(replays(trace)).toBe(5);
    expect(trace.writes).toHaveLength(25);
    // The first copies of the last tuples are done 32 to 40 s after they were emitted (at 1.5 … 1.9 s).
    expect(trace.writes.slice(15, 20).map((w) => w.procTimeMs / 1000)).toEqual([32, 34, 36, 38, 40]);
    expect(prose).toContain('so 5 tuples time out and are emitted again');
    expect(prose).toContain('the store ends with 25 writes for 20 tuples');
    expect(solve(exercise('replays-without-cap'), 1)).toBe(5);
  });

  it('replays nothing with max.spout.pending 14, and replays again at 15', () => {
    const capped = runtimeOf(withCap(14));
    expect(replays(capped)).toBe(0);
    expect(capped.writes).toHaveLength(20);
    expect(replays(runtimeOf(withCap(15)))).toBeGreaterThan(0);
    expect(prose).toContain('With `max.spout.pending` at 14, nothing times out and the store gets exactly 20 writes.');
    expect(solve(exercise('spout-pending'), 1)).toBe(14);
  });

  it('every variant shows its service time and timeout, and the replays and the largest safe cap follow from them', () => {
    for (const id of ['replays-without-cap', 'spout-pending']) {
      const answers = new Set<number>();
      for (let seed = 1; seed <= 30; seed++) {
        const json = variantJson(exercise(id), seed) as Record<string, any>;
        const { messageTimeoutMs: timeout, bolts: [{ serviceMs }] } = json.pipeline.runtime;
        const values = describeSettings(exercise(id).show, runVariant(exercise(id), seed).scenario).map((s) => s.value);
        expect(values.slice(0, 2)).toEqual([`${serviceMs / 1000} s per tuple`, `${timeout / 1000} s`]);
        // Without a cap, tuple k (emitted at its arrival) is done after k + 1 service times; with a cap of n, the
        // tuple emitted on an ack is done n service times later and must finish before its timeout runs out.
        const expected = id === 'replays-without-cap'
          ? json.events.filter((e: { arrivalMs: number }, k: number) => (k + 1) * serviceMs - e.arrivalMs >= timeout).length
          : Math.ceil(timeout / serviceMs) - 1;
        expect(solve(exercise(id), seed), `${id} seed ${seed}`).toBe(expected);
        answers.add(expected);
      }
      expect(answers.size, id).toBeGreaterThan(3);
    }
  });

  it('keeps one bolt task to one tuple at a time, even when an ack lets the spout emit the next tuple', () => {
    const times = runtimeOf(withCap(14)).writes.map((w) => w.procTimeMs);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(2000);
  });
});

describe('storm-topologies: groupings and per-user counts', () => {
  const clicks = scenarioJson('user-counts');
  const parsed = parseScenario(clicks);
  if (!parsed.ok) throw new Error(parsed.error);
  const byGrouping = Object.fromEntries(compareGroupings(parsed.scenario).map((o) => [o.grouping, o]));

  it('sends twelve clicks of four users to a counting bolt with 4 tasks', () => {
    expect(clicks.events).toHaveLength(12);
    expect(new Set(clicks.events.map((e: { key: string }) => e.key))).toEqual(new Set(['ann', 'bob', 'cat', 'dan']));
    expect(clicks.pipeline.runtime.bolts).toMatchObject([{ parallelism: 4, grouping: 'fields' }]);
  });

  it('writes ann\'s running count 1, 2, 3, 4 from one task under fieldsGrouping', () => {
    const writes = run(parsed.scenario, { trace: true }).runtime!.writes.filter((w) => w.row.key === 'ann');
    expect(writes.map((w) => w.row.value)).toEqual([1, 2, 3, 4]);
    expect(new Set(writes.map((w) => w.task)).size).toBe(1);
    expect(prose).toContain('ann\'s 4 clicks all reach the same task, which writes 1, 2, 3 and then 4 to the store');
  });

  it('leaves ann = 1 in the store under shuffleGrouping, and fieldsGrouping alone fits the exercise', () => {
    expect(byGrouping.shuffle.keys.find((k) => k.key === 'ann')).toEqual({ key: 'ann', stored: 1, expected: 4 });
    expect(prose).toContain('the store ends with ann = 1: the last partial count written wins');
    expect(byGrouping.fields.tasksUsed).toBe(2);
    expect(solve(exercise('per-user-counts'), 1)).toEqual(['fields']);
  });
});
