// Every number the engine-selection lesson and its exercises quote, re-derived from simulator runs of its scenarios:
// the same records under four engine profiles.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourseExercises } from '../../../../src/exercises/courseExercises.ts';
import { solve } from '../../../../src/exercises/grade.ts';
import architectureData from '../../../../src/exercises/questions/data/architectures.json';
import claimsData from '../../../../src/exercises/questions/data/benchmark-claims.json';
import { runScenario } from '../../../../src/exercises/runExercise.ts';
import type { RunView } from '../../../../src/exercises/runView.ts';
import type { Exercise } from '../../../../src/exercises/types.ts';
import matrix from '../../../../src/lessons/engine-capabilities.json';

const LESSON = 'src/lessons/engine-selection';
const ENGINES = ['flink', 'kafka-streams', 'spark', 'storm'] as const;
const viewOf = (engine: string) => runScenario(JSON.parse(readFileSync(`${LESSON}/scenarios/same-stream-${engine}.json`, 'utf8')));

/** The lesson's table row: [0,10)'s result, when it was written, and the event times (s) of the records left out. */
function row(view: RunView) {
  // Storm's windowed bolt holds (0 s, 10 s]: the same ten seconds with the other end included.
  const [pane] = view.panes.filter((p) => p.window === (view.scenario.profile === 'storm' ? '(0,10]' : '[0,10)'));
  return { value: pane.value, atS: pane.procTimeMs / 1000, leftOutS: view.records.filter((r) => r.isDropped).map((r) => r.ts / 1000) };
}

let exercises: Exercise[];
beforeAll(async () => {
  exercises = (await loadCourseExercises()).exercises.filter((e) => e.lessonId === 'engine-selection');
});
const exercise = (id: string) => exercises.find((e) => e.id === `engine-selection/${id}`)!;

describe('engine-selection: one stream, four engines', () => {
  it('feeds every engine the same eight records and 10 s windows', () => {
    const inputs = ENGINES.map((e) => viewOf(e).records.map((r) => [r.ts, r.arrivalMs]));
    for (const other of inputs.slice(1)) expect(other).toEqual(inputs[0]);
    expect(inputs[0]).toHaveLength(8);
  });

  it('gives the table of the lesson', () => {
    expect(Object.fromEntries(ENGINES.map((e) => [e, row(viewOf(e))]))).toEqual({
      flink: { value: 3, atS: 16, leftOutS: [9] },
      'kafka-streams': { value: 3, atS: 16, leftOutS: [9] },
      spark: { value: 4, atS: 17, leftOutS: [] },
      storm: { value: 2, atS: 16, leftOutS: [3, 9, 14] },
    });
  });

  it('is what the exercises grade', () => {
    expect(solve(exercise('storm-late'), 1)).toEqual(['e4', 'e6', 'e8']);
    expect(solve(exercise('spark-count'), 1)).toBe(4);
    expect(solve(exercise('predict-kafka'), 1)).toEqual([{ window: '[0,10)', value: 3, timing: 'ON_TIME', after: 'e5' }]);
  });
});

describe('engine-selection: the capability matrix', () => {
  const capabilityIds = ['record-at-a-time', 'exactly-once-kafka', 'library', 'non-kafka-sources'];

  it('shows in the prose exactly the yes/no cells of the matrix the exercises are graded from', () => {
    const lesson = readFileSync(`${LESSON}/lesson.md`, 'utf8');
    const table = lesson.split('\n').filter((line) => /^\| (record at a time|exactly once|no cluster|sources beyond)/.test(line));
    const prose = table.map((line) => line.split('|').slice(2, 6).map((cell) => cell.trim() === 'yes'));
    const data = capabilityIds.map((id) => {
      const capability = matrix.capabilities.find((c) => c.id === id)!;
      return matrix.engines.map((e) => (capability.engines as Record<string, { has: boolean }>)[e.id].has);
    });
    expect(prose).toEqual(data);
  });

  it('cites a documentation page for every cell', () => {
    for (const capability of matrix.capabilities) {
      for (const cell of Object.values(capability.engines)) expect(cell.source).toMatch(/^https:\/\//);
    }
  });

  it('grades the cards from the matrix: fraud alerts → Flink and Kafka Streams; no cluster → Kafka Streams', () => {
    expect(solve(exercise('card-fraud-alerts'), 1)).toEqual(['flink', 'kafka-streams']);
    expect(solve(exercise('card-no-ops-team'), 1)).toEqual(['kafka-streams']);
  });
});

describe('engine-selection: benchmark claims and architectures', () => {
  it('ranks no pair of the four claims the lesson\'s first benchmark variant shows', () => {
    expect(solve(exercise('benchmark-claims'), 1)).toEqual(['none']);
  });

  it('fits Kappa to the use case whose log outlives its reprocessing and Lambda to the other two', () => {
    expect(solve(exercise('lambda-or-kappa'), 1)).toEqual(['ad-attribution:kappa', 'regulatory-reports:lambda', 'feature-backfill:lambda']);
  });

  it('cites a source for the claims and for both architectures', () => {
    for (const url of [...Object.values(claimsData.sources), ...Object.values(architectureData.sources)]) expect(url).toMatch(/^https?:\/\//);
  });
});
