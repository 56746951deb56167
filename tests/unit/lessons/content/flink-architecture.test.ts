// Every number the flink-architecture lesson and its exercises quote, re-derived from runtime runs of its scenarios
// and from the simulator's own key-group assignment.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourseExercises } from '../../../../src/exercises/courseExercises.ts';
import { solve } from '../../../../src/exercises/grade.ts';
import type { Exercise } from '../../../../src/exercises/types.ts';
import { keyGroupOf, parseScenario, run, subtaskOfKeyGroup, type Run } from '../../../../src/sim/index.ts';
import { keyGroupRange } from '../../../../src/sim/runtime/keyGroups.ts';

const LESSON = 'src/lessons/flink-architecture';

function runOf(name: string): Run {
  const parsed = parseScenario(JSON.parse(readFileSync(`${LESSON}/scenarios/${name}.json`, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  return run(parsed.scenario, { trace: true });
}

/** Which window subtask the runtime really used for each key: the sink subtask that wrote it (window → sink is forward). */
function subtaskByKey(result: Run): Record<string, number> {
  const { graph, writes } = result.runtime!;
  return Object.fromEntries(writes.map((w) => [w.row.key, graph.tasks[w.task].subtask]));
}

let exercises: Exercise[];
beforeAll(async () => {
  exercises = (await loadCourseExercises()).exercises.filter((e) => e.lessonId === 'flink-architecture');
});
const exercise = (id: string) => exercises.find((e) => e.id === `flink-architecture/${id}`)!;

describe('flink-architecture: chaining and slot sharing', () => {
  const job = runOf('job-graph');

  it('the job source(4) → enrich(4) → window(8) → sink(8) has 24 subtasks', () => {
    const { operators, tasks } = job.runtime!.graph;
    expect(operators.map((o) => [o.name, o.parallelism])).toEqual([['source', 4], ['enrich', 4], ['window', 8], ['sink', 8]]);
    expect(tasks).toHaveLength(24);
  });

  it('keyBy is the only non-forward connection, so there are 2 chains: 12 tasks, 8 slots', () => {
    expect(job.runtime!.graph.operators.map((o) => o.partitioning)).toEqual(['forward', 'forward', 'hash', 'forward']);
    expect(solve(exercise('chained-tasks'), 1)).toBe(12);
    expect(solve(exercise('slots'), 1)).toBe(8);
  });
});

describe('flink-architecture: keyBy → key group → subtask', () => {
  it('puts user-7, bob and alice in key groups 37, 87 and 116, on subtasks 1, 2 and 3 of 4', () => {
    expect(['user-7', 'bob', 'alice'].map((k) => keyGroupOf(k, 128))).toEqual([37, 87, 116]);
    expect([37, 87, 116].map((g) => subtaskOfKeyGroup(g, 4, 128))).toEqual([1, 2, 3]);
    expect(subtaskByKey(runOf('key-groups'))).toEqual({ 'user-7': 1, bob: 2, alice: 3 });
  });

  it('gives subtask 0 the key groups 0–31', () => {
    expect(keyGroupRange(0, 4, 128)).toEqual({ first: 0, last: 31 });
  });

  it('after rescaling to 3 the ranges are 0–42, 43–85, 86–127: user-7 moves to 0, bob and alice share 2', () => {
    expect([0, 1, 2].map((i) => keyGroupRange(i, 3, 128))).toEqual([{ first: 0, last: 42 }, { first: 43, last: 85 }, { first: 86, last: 127 }]);
    expect(subtaskByKey(runOf('rescaled'))).toEqual({ 'user-7': 0, bob: 2, alice: 2 });
  });

  it('rescaling does not change the results', () => {
    const rows = (r: Run) => r.result.emitted.map((e) => `${e.key} [${e.start},${e.end}) = ${String(e.value)}`).sort();
    expect(rows(runOf('rescaled'))).toEqual(rows(runOf('key-groups')));
  });

  it('is what the exercises grade: subtask 1 at parallelism 4, subtask 0 at parallelism 3', () => {
    expect(solve(exercise('key-group-subtask'), 1)).toBe(1);
    expect(solve(exercise('after-rescale'), 1)).toBe(0);
  });
});

describe('flink-architecture: keyed state', () => {
  it('fires one on-time window per key: the PREDICT answer', () => {
    expect(solve(exercise('predict-keyed'), 1)).toEqual(expect.arrayContaining([
      { window: 'user-7 [0,10)', value: 2, timing: 'ON_TIME' }, { window: 'bob [0,10)', value: 1, timing: 'ON_TIME' },
      { window: 'alice [0,10)', value: 2, timing: 'ON_TIME' }, { window: 'user-7 [10,20)', value: 1, timing: 'ON_TIME' },
      { window: 'bob [10,20)', value: 1, timing: 'ON_TIME' }, { window: 'alice [10,20)', value: 1, timing: 'ON_TIME' },
    ]));
  });
});

describe('flink-architecture: what a checkpoint holds', () => {
  it('checkpoint 1 at 5 s holds 2 offsets per source partition and one window on each of subtasks 1, 2 and 3', () => {
    const { graph, events } = runOf('checkpointed').runtime!;
    expect(events.find((e) => e.kind === 'checkpoint-started' && e.checkpoint === 1)).toMatchObject({ procTimeMs: 5000, offsets: [2, 2] });
    const bytesBySubtask: number[] = [];
    for (const e of events) {
      if (e.kind === 'snapshot' && e.checkpoint === 1 && graph.tasks[e.task].name.startsWith('window')) bytesBySubtask[graph.tasks[e.task].subtask] = e.bytes;
    }
    // The size model charges a fixed number of bytes per window held (100 by default): one window each.
    expect(bytesBySubtask).toEqual([0, 100, 100, 100]);
  });
});
