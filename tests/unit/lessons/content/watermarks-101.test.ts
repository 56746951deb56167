// Every number the watermarks-101 lesson and its exercises quote, re-derived from simulator runs of its scenarios.
// The prose (including the step table) is read too, so a changed scenario cannot leave a stale number in the text.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourseExercises } from '../../../../src/exercises/courseExercises.ts';
import { grade, solve } from '../../../../src/exercises/grade.ts';
import { watermarkAfterStep } from '../../../../src/exercises/questions/windows.ts';
import { runScenario } from '../../../../src/exercises/runExercise.ts';
import type { Exercise } from '../../../../src/exercises/types.ts';

const LESSON = 'src/lessons/watermarks-101';
const text = readFileSync(`${LESSON}/lesson.md`, 'utf8');
const prose = text.replace(/\s+/g, ' ');
const json = (name: string) => JSON.parse(readFileSync(`${LESSON}/scenarios/${name}.json`, 'utf8')) as Record<string, any>;
const viewOf = (name: string) => runScenario(json(name));
const s = (ms: number) => ms / 1000;

let exercises: Exercise[];
beforeAll(async () => {
  exercises = (await loadCourseExercises()).exercises.filter((e) => e.lessonId === 'watermarks-101');
});
const exercise = (id: string) => exercises.find((e) => e.id === `watermarks-101/${id}`)!;

/** The step table of the lesson: reading → [event time, largest so far, W] in seconds. */
function tableRows(): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  for (const match of text.matchAll(/^\| (e\d+) \| (-?\d+) \| (-?\d+) \| (−?\d+) \|/gm)) {
    rows.set(match[1], [match[2], match[3], match[4].replace('−', '-')].map(Number));
  }
  return rows;
}

describe('watermarks-101: the bounded-out-of-orderness watermark, reading by reading', () => {
  const view = viewOf('sensor-readings');

  it('uses a 3 s delay, 10 s windows and a watermark emitted after every record', () => {
    expect(view.scenario.pipeline.watermark).toMatchObject({ type: 'bounded', delay: 3000, emit: 'per-record' });
    expect(view.scenario.pipeline.window).toMatchObject({ type: 'tumbling', size: 10_000 });
  });

  it('matches every row of the step table: event time, largest so far, and W (Flink: 1 ms lower)', () => {
    const rows = tableRows();
    expect([...rows.keys()]).toEqual(view.records.map((r) => r.id));
    let largest = -Infinity;
    for (const record of view.records) {
      largest = Math.max(largest, record.ts);
      const flinkW = watermarkAfterStep(view, record.step);
      expect(rows.get(record.id)).toEqual([s(record.ts), s(largest), s(flinkW + 1)]);
    }
  });

  it('fires [0,10) with 5 readings after e7 and [10,20) with 3 after e9, and counts e6 although it is out of order', () => {
    expect(view.panes.map((p) => [p.window, p.value, p.after])).toEqual([['[0,10)', 5, 'e7'], ['[10,20)', 3, 'e9']]);
    expect(prose).toContain('| e7 | 14 | 14 | 11 | [0,10) fires: 5 |');
    expect(prose).toContain('| e9 | 23 | 23 | 20 | [10,20) fires: 3 |');
    expect(prose).toContain('| e6 | 8 | 12 | 9 | counted in [0,10) |');
    expect(view.records.filter((r) => r.isDropped)).toEqual([]);
    expect(prose).toContain('With a delay of 3 s, every reading here arrives in time');
  });

  it('shows 10.999 s in Flink where the teaching rule says 11 s, after e7', () => {
    const e7 = view.records.find((r) => r.id === 'e7')!;
    expect(watermarkAfterStep(view, e7.step)).toBe(10_999);
    expect(prose).toContain("the simulator's log shows 10.999 s where the table says 11 s");
  });

  it('leaves [20,30) unfired with the last reading inside it, the watermark stuck at 20 s (Flink 19.999 s)', () => {
    expect(view.windows.map((w) => w.id)).toContain('[20,30)');
    expect(view.panes.some((p) => p.window === '[20,30)')).toBe(false);
    expect(view.finalWatermark).toBe(19_999);
    expect(prose).toContain('The watermark stays at 20 s for ever');
  });
});

describe('watermarks-101: exercises', () => {
  it('answers 9 s (Flink 8.999 s) for the watermark after e5 and accepts both', () => {
    expect(solve(exercise('watermark-after-e5'), 1)).toBe(8.999);
    expect(grade(exercise('watermark-after-e5'), 1, 9).correct).toBe(true);
    expect(grade(exercise('watermark-after-e5'), 1, 12).correct).toBe(false);
  });

  it('accepts a hand-placed watermark from 10 s to 19 s on the 1 s grid, and nothing outside', () => {
    const drag = exercise('place-watermark');
    const accepted = Array.from({ length: 31 }, (_, i) => i * 1000).filter((ms) => grade(drag, 1, ms).correct);
    expect(accepted).toEqual(Array.from({ length: 10 }, (_, i) => (10 + i) * 1000));
  });

  it('predicts the two firings of the simulation, and the silent source leaves exactly [20,30) unfired', () => {
    expect(solve(exercise('predict-firings'), 1)).toEqual([
      { window: '[0,10)', value: 5, timing: 'ON_TIME', after: 'e7' },
      { window: '[10,20)', value: 3, timing: 'ON_TIME', after: 'e9' },
    ]);
    expect(solve(exercise('silent-source'), 1)).toEqual(['[0,10)', '[10,20)']);
  });
});

describe('watermarks-101: seconds read as milliseconds', () => {
  const bug = viewOf('unit-bug');
  const fixed = viewOf('unit-fixed');

  it('moves the watermark 1 ms per reading, from 35.999 s to 36.018 s, and fires nothing before the input ends', () => {
    const readings = bug.records;
    expect(readings).toHaveLength(20);
    expect(readings.every((r, i) => r.arrivalMs === (i + 1) * 1000)).toBe(true);
    expect(s(watermarkAfterStep(bug, readings[0].step))).toBe(35.999);
    expect(s(watermarkAfterStep(bug, readings.at(-1)!.step))).toBe(36.018);
    expect(prose).toContain('from 35.999 s to 36.018 s');
    expect(bug.panes.map((p) => [p.window, p.value, p.after])).toEqual([['[35,40)', 20, 'end']]);
    expect(solve(exercise('unit-bug-count'), 1)).toEqual({ '[35,40)': 20 });
  });

  it('would fire [35,40) only on a reading stamped 40000 (4000 s after the first), or 5000 s when a reading opens the window', () => {
    const probe = (stampsSeconds: number[]) => {
      const scenario = json('unit-bug');
      const events = stampsSeconds.map((ts, i) => ({ ts, arrivalMs: (i + 1) * 1000 }));
      return runScenario({ ...scenario, events, steps: [] }).panes.map((p) => p.window);
    };
    expect(probe([36_000, 39_999])).toEqual([]);
    expect(probe([36_000, 40_000])).toEqual(['[35,40)']);
    expect(probe([35_000, 39_999])).toEqual([]);
    expect(probe([35_000, 40_000])).toEqual(['[35,40)']);
    expect(prose).toContain('4000 seconds (more than an hour) after the first one, and up to 5000 seconds');
  });

  it('fills 4 windows of 5 readings once converted, the first three firing on the next window\'s first reading', () => {
    expect(fixed.panes.map((p) => p.value)).toEqual([5, 5, 5, 5]);
    expect(fixed.panes.map((p) => p.after)).toEqual(['e6', 'e11', 'e16', 'end']);
    expect(prose).toContain('the same readings fill 4 windows of 5 readings');
  });
});
