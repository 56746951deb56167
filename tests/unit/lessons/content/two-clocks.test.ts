// Every number the two-clocks lesson and its exercises quote, re-derived from simulator runs of its scenarios.
// The prose is read too, so a changed scenario cannot leave a stale number in the text.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourseExercises } from '../../../../src/exercises/courseExercises.ts';
import { grade, solve } from '../../../../src/exercises/grade.ts';
import { runScenario } from '../../../../src/exercises/runExercise.ts';
import type { RunView } from '../../../../src/exercises/runView.ts';
import type { Exercise } from '../../../../src/exercises/types.ts';

const LESSON = 'src/lessons/two-clocks';
const prose = readFileSync(`${LESSON}/lesson.md`, 'utf8').replace(/\s+/g, ' ');
const viewOf = (name: string) => runScenario(JSON.parse(readFileSync(`${LESSON}/scenarios/${name}.json`, 'utf8')));

/** The windows' results in order of window end, as the prose lists them: "2, 5 and 3". */
const counts = (view: RunView) => view.panes.map((p) => p.value as number);
const listed = (numbers: number[]) => `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
const s = (ms: number) => ms / 1000;

let exercises: Exercise[];
beforeAll(async () => {
  exercises = (await loadCourseExercises()).exercises.filter((e) => e.lessonId === 'two-clocks');
});
const exercise = (id: string) => exercises.find((e) => e.id === `two-clocks/${id}`)!;

describe('two-clocks: the live stream on two clocks', () => {
  const processing = viewOf('taps-processing-time');
  const event = viewOf('taps-event-time');

  it('has ten taps in the first 21 s, three of them (6, 8 and 9 s) 6 to 8 s late and arriving after the tap at 10 s', () => {
    expect(processing.records).toHaveLength(10);
    expect(Math.max(...processing.records.map((r) => s(r.ts)))).toBe(21);
    expect(prose).toContain('Ten taps happen in the first 21 seconds');
    const tunnel = processing.records.filter((r) => r.arrivalMs - r.ts > 2000);
    expect(tunnel.map((r) => s(r.ts))).toEqual([6, 8, 9]);
    expect(tunnel.map((r) => s(r.arrivalMs - r.ts)).sort()).toEqual([6, 7, 8]);
    const others = processing.records.filter((r) => !tunnel.includes(r));
    expect(Math.max(...others.map((r) => s(r.arrivalMs - r.ts)))).toBe(2);
    expect(prose).toContain('Most arrive a second or two after they happen');
    const tapAt10 = processing.records.find((r) => r.ts === 10_000)!;
    expect(tunnel.every((r) => r.arrivalMs > tapAt10.arrivalMs)).toBe(true);
    expect(prose).toContain('the taps at 6, 8 and 9 s were made in a tunnel and arrive 6 to 8 seconds late, after the tap at 10 s');
  });

  it('counts 2, 6 and 2 taps per 10 s of processing time: two of the five taps made in [0,10) s, the tunnel taps next to taps up to 10 s younger', () => {
    expect(processing.panes.map((p) => p.window)).toEqual(['[0,10)', '[10,20)', '[20,30)']);
    expect(counts(processing)).toEqual([2, 6, 2]);
    expect(prose).toContain(`The windows report ${listed(counts(processing))} taps`);
    expect(processing.records.filter((r) => r.ts < 10_000)).toHaveLength(5);
    const second = processing.records.filter((r) => r.arrivalMs >= 10_000 && r.arrivalMs < 20_000).map((r) => s(r.ts));
    expect(Math.max(...second) - Math.min(...second)).toBe(10);
    expect(prose).toContain('Only two of the five taps made in the first ten seconds are in the first window');
  });

  it('counts 5, 4 and 1 taps per 10 s of event time, drops nothing, and fires [0,10) when the tap at 16 s arrives at 18 s', () => {
    expect(counts(event)).toEqual([5, 4, 1]);
    expect(event.records.filter((r) => r.isDropped)).toEqual([]);
    expect(prose).toContain(`The windows report ${listed(counts(event))} taps: exactly the taps that happened`);
    const [first] = event.panes;
    const trigger = event.records.find((r) => r.id === first.after)!;
    expect([s(trigger.ts), s(first.procTimeMs)]).toEqual([16, 18]);
    expect(prose).toContain('once the tap at 16 s has arrived, at 18 s');
  });

  it('waits for a tap 5 s past a window end: the watermark delay is 5 s', () => {
    expect(event.scenario.pipeline.watermark).toMatchObject({ type: 'bounded', delay: 5000 });
    expect(prose).toContain("until it has seen a tap 5 s past the window's end");
  });
});

describe('two-clocks: replaying the log at 60×', () => {
  const processing = viewOf('replay-processing-time');
  const event = viewOf('replay-event-time');
  const live = viewOf('taps-event-time');

  it('replays the same ten records, ten minutes later, within 0.4 s, at 60 times the live pace', () => {
    const arrivals = event.records.map((r) => r.arrivalMs);
    expect(arrivals[0]).toBe(600_000);
    expect(Math.max(...arrivals) - arrivals[0]).toBeLessThan(400);
    const liveArrivals = live.records.map((r) => r.arrivalMs);
    expect((liveArrivals.at(-1)! - liveArrivals[0]) / (arrivals.at(-1)! - arrivals[0])).toBeCloseTo(60, 0);
    expect(event.records.map((r) => r.ts)).toEqual(live.records.map((r) => r.ts));
    expect(prose).toContain('within 0.4 s');
  });

  it('puts all 10 taps into the single processing-time window [600,610)', () => {
    expect(processing.panes.map((p) => [p.window, p.value])).toEqual([['[600,610)', 10]]);
    expect(prose).toContain('all 10 taps fall in the single window [600,610)');
    expect(prose).toContain(`The live job said ${listed(counts(viewOf('taps-processing-time')))}`);
  });

  it('reports exactly the live event-time results again, window for window', () => {
    expect(event.panes.map((p) => [p.window, p.value])).toEqual(live.panes.map((p) => [p.window, p.value]));
    expect(prose).toContain(`the replay reports ${listed(counts(event))} again`);
  });
});

describe('two-clocks: exercises', () => {
  it('grades the processing-time counts from arrivals, whatever order the variant deals them in', () => {
    for (const seed of [1, 2, 3, 4]) expect(solve(exercise('processing-time-counts'), seed)).toEqual({ '[0,10)': 2, '[10,20)': 6, '[20,30)': 2 });
  });

  it('answers the event-time and replay exercises with the counts the prose quotes (seed 1)', () => {
    expect(solve(exercise('event-time-counts'), 1)).toEqual({ '[0,10)': 5, '[10,20)': 4, '[20,30)': 1 });
    expect(solve(exercise('replay-counts'), 1)).toEqual({ '[0,10)': 5, '[10,20)': 4, '[20,30)': 1 });
  });

  it('recognises the processing-time counts as misconception M2 in the event-time exercises', () => {
    const verdict = grade(exercise('event-time-counts'), 1, { '[0,10)': 2, '[10,20)': 6, '[20,30)': 2 });
    expect(verdict).toMatchObject({ correct: false, misconception: 'M2' });
    const replay = grade(exercise('replay-counts'), 1, { '[600,610)': 10 });
    expect(replay).toMatchObject({ correct: false, misconception: 'M2' });
  });

  it('finds that a replay changes only the arrival-time dashboards, as the explanation says, in every variant', () => {
    for (const seed of [1, 2, 3, 4]) expect(solve(exercise('replay-dashboards'), seed)).toEqual(['arrivals-10s', 'arrivals-1min']);
    const everything = grade(exercise('replay-dashboards'), 1, ['arrivals-10s', 'taps-10s', 'arrivals-1min', 'taps-1min']);
    expect(everything).toMatchObject({ correct: false, misconception: 'M2' });
  });

  it('never drops a tap in any event-time variant, so every variant still counts all ten', () => {
    for (let seed = 1; seed <= 30; seed++) {
      for (const id of ['event-time-counts', 'replay-counts']) {
        const answer = solve(exercise(id), seed) as Record<string, number>;
        expect(Object.values(answer).reduce((a, b) => a + b, 0)).toBe(10);
      }
    }
  });
});
