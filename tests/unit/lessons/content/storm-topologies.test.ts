// Every number the storm-topologies lesson and its exercises quote, re-derived from simulator runs of its scenario.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourseExercises } from '../../../../src/exercises/courseExercises.ts';
import { solve } from '../../../../src/exercises/grade.ts';
import { runScenario } from '../../../../src/exercises/runExercise.ts';
import { windowsOfRecord } from '../../../../src/exercises/runView.ts';
import type { Exercise } from '../../../../src/exercises/types.ts';

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
