// Every number the kafka-streams-dsl lesson and its exercises quote, re-derived from simulator runs of its scenarios.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourseExercises } from '../../../../src/exercises/courseExercises.ts';
import { grade, solve } from '../../../../src/exercises/grade.ts';
import { runScenario, runVariant, variantJson } from '../../../../src/exercises/runExercise.ts';
import { describeSettings } from '../../../../src/exercises/settings.ts';
import type { RunView } from '../../../../src/exercises/runView.ts';
import type { Exercise } from '../../../../src/exercises/types.ts';
import { parseScenario } from '../../../../src/sim/index.ts';

const LESSON = 'src/lessons/kafka-streams-dsl';
const scenarioJson = (name: string) => JSON.parse(readFileSync(`${LESSON}/scenarios/${name}.json`, 'utf8')) as Record<string, any>;
const viewOf = (name: string, pipeline: Record<string, unknown> = {}) => {
  const json = scenarioJson(name);
  return runScenario({ ...json, pipeline: { ...json.pipeline, ...pipeline } });
};
/** Output rows as "[0,10)=2 @16 s". */
const rows = (view: RunView) => view.panes.map((p) => `${p.window}=${String(p.value)} @${p.procTimeMs / 1000} s`);
const record = (view: RunView, id: string) => view.records.find((r) => r.id === id)!;
const streamTime = (view: RunView) => view.finalWatermark;

let exercises: Exercise[];
beforeAll(async () => {
  exercises = (await loadCourseExercises()).exercises.filter((e) => e.lessonId === 'kafka-streams-dsl');
});
const exercise = (id: string) => exercises.find((e) => e.id === `kafka-streams-dsl/${id}`)!;

describe('kafka-streams-dsl: a windowed count is a changelog', () => {
  const view = viewOf('changelog');

  it('turns 8 records into 6 updates, sending [0,10) three times: 1, 2, 3', () => {
    expect(view.records).toHaveLength(8);
    expect(view.panes).toHaveLength(6);
    expect(view.panes.filter((p) => p.window === '[0,10)').map((p) => p.value)).toEqual([1, 2, 3]);
  });

  it('the PREDICT exercise expects one update per accepted record', () => {
    expect(solve(exercise('predict-changelog'), 1)).toEqual(view.panes.map((p) => ({ window: p.window, value: p.value, after: p.after })));
  });
});

describe('kafka-streams-dsl: stream time and grace', () => {
  const view = viewOf('changelog');

  it('closes [0,10) when the record stamped 15 s lifts stream time to 15 s (10 s end + 5 s grace)', () => {
    expect(record(view, 'e5').ts).toBe(15_000);
    const closing = view.trace.drops.find((d) => d.record === record(view, 'e6').row)!;
    expect(closing.values).toMatchObject({ end: 10_000 });
    expect(closing.reason).toContain('stream time 15000 − grace 5000');
  });

  it('skips 2 records: the one stamped 9 s right after, and the one stamped 3 s at stream time 21 s', () => {
    expect(view.records.filter((r) => r.isDropped).map((r) => [r.id, r.ts])).toEqual([['e6', 9000], ['e8', 3000]]);
    expect(view.trace.drops.find((d) => d.record === record(view, 'e8').row)!.reason).toContain('stream time 21000');
    expect(solve(exercise('late-with-grace'), 1)).toEqual(['e6', 'e8']);
  });

  it('recognises "nothing is skipped" as misconception M3: under Kafka Streams the wrong rule stretches grace', () => {
    expect(grade(exercise('late-with-grace'), 1, [])).toMatchObject({ correct: false, misconception: 'M3' });
  });
});

describe('kafka-streams-dsl: suppress', () => {
  it('releases [0,10)=3 at 16 s, and nothing else because stream time ends at 21 s while [10,20) needs 25 s', () => {
    const view = viewOf('suppress-final');
    expect(rows(view)).toEqual(['[0,10)=3 @16 s']);
    expect(streamTime(view)).toBe(21_000);
    expect(view.windows.map((w) => w.id)).toContain('[10,20)');
    expect(20_000 + view.scenario.pipeline.grace).toBe(25_000);
  });

  it('is what the "final result only" setting of the changelog simulation shows', () => {
    expect(rows(viewOf('changelog', { emit: 'final' }))).toEqual(rows(viewOf('suppress-final')));
  });
});

describe('kafka-streams-dsl: one stream time per task', () => {
  it('the busy task releases 3 final results', () => {
    expect(viewOf('task-busy').panes.map((p) => `${p.window}=${String(p.value)}`)).toEqual(['[0,10)=2', '[10,20)=2', '[20,30)=1']);
  });

  it('the quiet task releases only [0,10)=2: stream time stops at 16 s and [10,20) needs 22 s', () => {
    const view = viewOf('task-quiet');
    expect(view.panes.map((p) => `${p.window}=${String(p.value)}`)).toEqual(['[0,10)=2']);
    expect(streamTime(view)).toBe(16_000);
    expect(20_000 + view.scenario.pipeline.grace).toBe(22_000);
    expect(solve(exercise('quiet-task'), 1)).toEqual(['[0,10)']);
  });
});

describe('kafka-streams-dsl: co-partitioning', () => {
  const join = (left: number, right: number) => parseScenario({
    format: 'eventide.scenario/1', name: 'join', profile: 'kafka-streams', seed: 1,
    pipeline: { join: { type: 'interval', lower: -5000, upper: 5000, kind: 'inner', partitions: { left, right } } },
    events: [{ key: 'a', value: 1, ts: 1000, arrivalMs: 1000, stream: 'left' }], steps: [],
  });

  it('refuses to join a 6-partition topic with a 4-partition one, in Kafka Streams\' words', () => {
    const parsed = join(6, 4);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain('TopologyException: Invalid topology: Topics not co-partitioned');
  });

  it('accepts the join once the second topic is repartitioned to 6', () => {
    expect(join(6, 6).ok).toBe(true);
  });

  it('the exercise\'s first variant: the 6 × 4 joins fail (stream or KTable), and so does a repartition to 4; the others start', () => {
    expect(solve(exercise('copartitioned-joins'), 1)).toEqual(['orders-payments', 'repartitioned-to-4', 'ktable']);
  });
});

describe('kafka-streams-dsl: tasks and threads', () => {
  it('the idle-threads scenario reads 6 partitions, as the prompt says', () => {
    const view = viewOf('six-partitions');
    expect(view.scenario.pipeline.partitions).toBe(6);
    expect(new Set(view.records.map((r) => r.partition)).size).toBe(6);
    // 4 instances with num.stream.threads = 2, as the prompt says.
    expect(scenarioJson('six-partitions').pipeline.runtime.threads).toEqual([2, 2, 2, 2]);
  });

  it('4 instances × 2 threads leave 2 threads idle (curriculum L09 Ex1), and the grader accepts only that', () => {
    expect(solve(exercise('idle-threads'), 1)).toBe(2);
    expect(grade(exercise('idle-threads'), 1, 2).correct).toBe(true);
    expect(grade(exercise('idle-threads'), 1, 0).correct).toBe(false);
  });

  it('every variant shows its partitions, instances and threads, and leaves instances × threads − partitions idle (none when tasks suffice)', () => {
    const answers = new Set<number>();
    for (let seed = 1; seed <= 40; seed++) {
      const json = variantJson(exercise('idle-threads'), seed) as Record<string, any>;
      const threads: number[] = json.pipeline.runtime.threads;
      const partitions: number = json.pipeline.partitions;
      // Instances are alike, so the count does not depend on which instance Kafka's random client ids favour.
      expect(new Set(threads).size).toBe(1);
      expect(describeSettings(exercise('idle-threads').show, runVariant(exercise('idle-threads'), seed).scenario).map((s) => s.value))
        .toEqual([String(partitions), String(threads.length), `${threads[0]} per instance`]);
      const idle = Math.max(0, threads.length * threads[0] - partitions);
      expect(solve(exercise('idle-threads'), seed), `seed ${seed}`).toBe(idle);
      answers.add(idle);
    }
    expect(answers.size).toBeGreaterThan(3);
  });
});
