// Every number the windows-101 lesson and its exercises quote, re-derived from simulator runs of its scenarios.
// The prose is read too, so a changed scenario cannot leave a stale number in the text.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourseExercises } from '../../../../src/exercises/courseExercises.ts';
import { solve } from '../../../../src/exercises/grade.ts';
import { runScenario } from '../../../../src/exercises/runExercise.ts';
import { windowsOfRecord, type RunView } from '../../../../src/exercises/runView.ts';
import type { Exercise } from '../../../../src/exercises/types.ts';

const LESSON = 'src/lessons/windows-101';
const prose = readFileSync(`${LESSON}/lesson.md`, 'utf8').replace(/\s+/g, ' ');
const json = (name: string) => JSON.parse(readFileSync(`${LESSON}/scenarios/${name}.json`, 'utf8')) as Record<string, any>;
const viewOf = (name: string) => runScenario(json(name));
const withWindow = (name: string, window: Record<string, unknown>) => {
  const scenario = json(name);
  return runScenario({ ...scenario, pipeline: { ...scenario.pipeline, window: { ...scenario.pipeline.window, ...window } } });
};

const results = (view: RunView) => view.panes.map((p) => [p.window, p.value]);
const counts = (view: RunView) => view.panes.map((p) => p.value as number);
const listed = (numbers: number[]) => `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;

let exercises: Exercise[];
beforeAll(async () => {
  exercises = (await loadCourseExercises()).exercises.filter((e) => e.lessonId === 'windows-101');
});
const exercise = (id: string) => exercises.find((e) => e.id === `windows-101/${id}`)!;

describe('windows-101: one shopper, eight clicks', () => {
  const tumbling = viewOf('clicks-tumbling');

  it('stamps the clicks 1, 3, 7, 10, 12, 18, 26 and 28 s, each arriving one second later, in order, with none dropped', () => {
    const stamps = tumbling.records.map((r) => r.ts / 1000);
    expect(prose).toContain(`stamped ${listed(stamps)} seconds`);
    expect(tumbling.records.every((r) => r.arrivalMs - r.ts === 1000)).toBe(true);
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
    for (const name of ['clicks-tumbling', 'clicks-sliding', 'clicks-session', 'clicks-count']) {
      expect(viewOf(name).records.filter((r) => r.isDropped)).toEqual([]);
    }
  });

  it('counts 3, 3 and 2 clicks in 10 s tumbling windows, with the click at exactly 10 s in [10,20)', () => {
    expect(results(tumbling)).toEqual([['[0,10)', 3], ['[10,20)', 3], ['[20,30)', 2]]);
    expect(prose).toContain(`The three windows count ${listed(counts(tumbling))} clicks`);
    expect(windowsOfRecord(tumbling, tumbling.records.find((r) => r.ts === 10_000)!)).toEqual(['[10,20)']);
  });
});

describe('windows-101: sliding windows and their cost', () => {
  const sliding = viewOf('clicks-sliding');

  it('puts every click in 2 windows of 10 s sliding by 5 s: seven windows counting 16 in total', () => {
    for (const record of sliding.records) expect(windowsOfRecord(sliding, record)).toHaveLength(2);
    expect(results(sliding)).toEqual([['[-5,5)', 2], ['[0,10)', 3], ['[5,15)', 3], ['[10,20)', 3], ['[15,25)', 1], ['[20,30)', 2], ['[25,35)', 2]]);
    expect(prose).toContain(`The seven windows count ${listed(counts(sliding))} clicks: 16 in total, twice the 8 clicks`);
    expect(counts(sliding).reduce((a, b) => a + b, 0)).toBe(16);
  });

  it('starts windows before 0 in Flink: the clicks at 1 and 3 s are in [-5,5) as well as in [0,10)', () => {
    const early = sliding.records.filter((r) => r.ts < 5000);
    expect(early.map((r) => r.ts / 1000)).toEqual([1, 3]);
    for (const record of early) expect(windowsOfRecord(sliding, record).sort()).toEqual(['[-5,5)', '[0,10)']);
  });

  it('puts the click at exactly 10 s in [5,15) and [10,20), not in [0,10)', () => {
    expect(solve(exercise('boundary-windows'), 1)).toEqual(expect.arrayContaining(['[5,15)', '[10,20)']));
    expect(solve(exercise('boundary-windows'), 1)).toHaveLength(2);
  });

  it('answers the every-window grid with two windows per click, [-5,5) included, for the lesson\'s clicks and their variants', () => {
    const grid = exercise('every-window');
    const cellsOf = (seed: number) => solve(grid, seed) as string[];
    expect(cellsOf(1).sort()).toEqual(sliding.records.flatMap((r) => windowsOfRecord(sliding, r).map((w) => `${r.id} ${w}`)).sort());
    expect(cellsOf(1)).toEqual(expect.arrayContaining(['e1 [-5,5)', 'e4 [5,15)', 'e4 [10,20)']));
    expect(cellsOf(1)).not.toContain('e4 [0,10)');
    for (let seed = 1; seed <= 10; seed++) expect(cellsOf(seed)).toHaveLength(16);
  });

  it('keeps 1440 windows for one event under a 24 h window sliding by 1 min', () => {
    const day = viewOf('day-sliding');
    expect(day.scenario.pipeline.window).toMatchObject({ size: 24 * 3_600_000, slide: 60_000 });
    expect(windowsOfRecord(day, day.records[0])).toHaveLength(1440);
    expect(solve(exercise('copies-per-day'), 1)).toBe(1440);
    expect(prose).toContain('every event is in 1440 windows at once');
  });

  it('answers the sliding-counts exercise with the counts of the simulation, and its variants still count every click twice', () => {
    expect(solve(exercise('sliding-counts'), 1)).toEqual(Object.fromEntries(results(sliding)));
    for (let seed = 2; seed <= 20; seed++) {
      const answer = solve(exercise('sliding-counts'), seed) as Record<string, number>;
      expect(Object.values(answer).reduce((a, b) => a + b, 0)).toBe(16);
    }
  });
});

describe('windows-101: choosing a window', () => {
  it('answers the use-case grid the way the lesson\'s table does: sliding, session, sliding, tumbling', () => {
    expect(solve(exercise('window-for-use-case'), 1)).toEqual(['iot-averages sliding', 'user-sessions session', 'fraud-velocity sliding', 'hourly-report tumbling']);
    expect(prose).toContain('| a report per hour, each event counted once (billing, hourly totals) | tumbling, 1 h |');
    expect(prose).toContain('| what one user did in one visit, however long the visit was | session, gap of e.g. 30 min |');
    expect(prose).toMatch(/\| a moving average of IoT readings [^|]+\| sliding/);
    expect(prose).toMatch(/\| "more than 5 payments from one card in any 1-minute span" \(fraud velocity\) \| sliding/);
  });
});

describe('windows-101: sessions and count windows', () => {
  const sessions = viewOf('clicks-session');

  it('splits the clicks into [1,17) with 5, [18,23) with 1 and [26,33) with 2 under a 5 s gap', () => {
    expect(results(sessions)).toEqual([['[1,17)', 5], ['[18,23)', 1], ['[26,33)', 2]]);
    expect(prose).toContain('[1,17) with 5 clicks');
    expect(prose).toContain('[18,23) with 1 click');
    expect(prose).toContain('[26,33) with 2 clicks');
    expect(solve(exercise('session-counts'), 1)).toEqual(Object.fromEntries(results(sessions)));
  });

  it('joins the first two sessions when the gap is 6 s, because the clicks at 12 and 18 s are then close enough', () => {
    expect(results(withWindow('clicks-session', { gap: 6000 }))).toEqual([['[1,24)', 6], ['[26,34)', 2]]);
    expect(prose).toContain('Set the gap to 6 s and the first two sessions join into one');
  });

  it('merges clicks exactly one gap apart in Flink (a session ends one gap after its last click)', () => {
    const scenario = json('clicks-session');
    const exact = runScenario({ ...scenario, events: [{ ts: 0, arrivalMs: 1000 }, { ts: 5000, arrivalMs: 6000 }], steps: [{ end: true }] });
    expect(results(exact)).toEqual([['[0,10)', 2]]);
  });

  it('emits two results of 3 for count windows of 3 and never emits the last 2 clicks, even at the end of input', () => {
    const count = viewOf('clicks-count');
    expect(count.panes.map((p) => p.value)).toEqual([3, 3]);
    expect(count.scenario.steps.at(-1)).toEqual({ kind: 'end' });
    expect(prose).toContain('The eight clicks give two results of 3. The last 2 clicks wait for a third one');
  });
});
