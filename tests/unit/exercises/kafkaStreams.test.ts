// The Kafka Streams layout questions: idle stream threads (task assignment) and joins that fail at start-up
// (co-partitioning), answered from src/sim/kafka and the join simulator.
import { describe, expect, it } from 'vitest';
import { findQuestion, type NumberQuestion, type SetQuestion } from '../../../src/exercises/questions/catalog.ts';
import { runScenario } from '../../../src/exercises/runExercise.ts';

const idle = findQuestion('idle-threads') as NumberQuestion;
const failing = findQuestion('failing-joins') as SetQuestion;
const noRerun = () => { throw new Error('not used'); };

const countOver = (partitions: number, seed = 1, threads?: number[]) => runScenario({
  format: 'eventide.scenario/1', profile: 'kafka-streams', seed,
  pipeline: { window: { type: 'tumbling', size: 10_000 }, aggregate: 'count', partitions, ...(threads ? { runtime: { threads } } : {}) },
  events: [{ key: 'a', value: 1, ts: 1000, arrivalMs: 1000, partition: 0 }],
});
const idleRef = { name: 'idle-threads' };

describe('idle-threads', () => {
  it('counts the threads of the run that got no task: 4 instances × 2 threads over 6, 3 and 8 partitions', () => {
    expect(idle.answer(countOver(6, 1, [2, 2, 2, 2]), idleRef)).toBe(2);
    expect(idle.answer(countOver(3, 1, [2, 2, 2, 2]), idleRef)).toBe(5);
    expect(idle.answer(countOver(8, 1, [2, 2, 2, 2]), idleRef)).toBe(0);
  });

  it('weighs instances by their threads: 4 partitions on instances of 3 and 1 threads leave none idle', () => {
    expect(idle.answer(countOver(4, 1, [3, 1]), idleRef)).toBe(0);
  });

  it('explains with the run\'s numbers and names the idle threads', () => {
    expect(idle.explain(countOver(6, 1, [2, 2, 2, 2]), idleRef)).toBe('6 partitions make 6 tasks; 4 instances run 8 threads, and the assignor gives each at most 1 task, so 2 threads get none (instance 3, thread 2; instance 4, thread 2).');
  });

  it('needs a kafka-streams runtime scenario', () => {
    expect(() => idle.answer(countOver(6), idleRef)).toThrow(/needs a kafka-streams runtime scenario/);
  });
});

describe('failing-joins', () => {
  const ref = { name: 'failing-joins' };
  const seeds = Array.from({ length: 40 }, (_, i) => 2 + i * 7919);

  it('fails exactly the joins whose reason is a start-up failure, for every variant', () => {
    for (const seed of [1, ...seeds]) {
      const view = countOver(1, seed);
      const answer = new Set(failing.answer(view, ref, noRerun));
      for (const option of failing.options(view, ref, noRerun)) {
        expect(option.why.startsWith('it fails at start-up'), `${seed} ${option.label}`).toBe(answer.has(option.id));
      }
    }
  });

  it('draws four joins per variant with at least one that fails and one that starts', () => {
    for (const seed of seeds) {
      const view = countOver(1, seed);
      const options = failing.options(view, ref, noRerun);
      expect(options).toHaveLength(4);
      const answer = failing.answer(view, ref, noRerun);
      expect(answer.length).toBeGreaterThan(0);
      expect(answer.length).toBeLessThan(options.length);
    }
  });

  it('says why a rekeyed or globally read join starts', () => {
    const why = Object.fromEntries(failing.options(countOver(1), ref, noRerun).map((o) => [o.id, o.why]));
    expect(why.rekeyed).toBe('it starts: both inputs of the join have 6 partitions (Kafka sizes the internal repartition topic to match)');
    expect(why['global-table']).toContain('no co-partitioning is needed');
    expect(why['orders-payments']).toBe('it fails at start-up: TopologyException: Invalid topology: Topics not co-partitioned: [{left=6, right=4}]');
  });

  it('starts a foreign-key join between two tables whatever their partition counts', () => {
    const foreignKey = seeds.flatMap((seed) => {
      const view = countOver(1, seed);
      const answer = failing.answer(view, ref, noRerun);
      return failing.options(view, ref, noRerun).filter((o) => o.label.includes('by a foreign key')).map((o) => ({ o, answer }));
    });
    expect(foreignKey.length).toBeGreaterThan(0);
    for (const { o, answer } of foreignKey) {
      expect(o.why).toMatch(/^it starts: a foreign-key join/);
      expect(answer).not.toContain(o.id);
    }
  });
});
