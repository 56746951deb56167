// The Spark query question: which queries Spark rejects at start or where the watermark changes nothing,
// answered by the query checker for the curated queries and for drawn variants.
import { describe, expect, it } from 'vitest';
import { findQuestion, type SetQuestion } from '../../../src/exercises/questions/catalog.ts';
import { runScenario } from '../../../src/exercises/runExercise.ts';

const question = findQuestion('spark-query-problems') as SetQuestion;
const ref = { name: 'spark-query-problems' };
const noRerun = () => { throw new Error('not used'); };
const viewWithSeed = (seed: number) => runScenario({
  format: 'eventide.scenario/1', profile: 'spark', seed,
  pipeline: { window: { type: 'tumbling', size: 10_000 }, aggregate: 'count', watermark: { type: 'bounded', delay: 0 }, batchInterval: 1000 },
  events: [],
});
const seeds = Array.from({ length: 40 }, (_, i) => 2 + i * 104_729);

describe('spark-query-problems', () => {
  it('flags the three problem queries of curriculum L08 Ex2 in the first variant and leaves the correct one', () => {
    expect(question.answer(viewWithSeed(1), ref, noRerun)).toEqual(['count-no-watermark', 'watermark-then-map', 'watermark-after-groupby']);
  });

  it('explains each choice with the checker\'s verdict', () => {
    const why = Object.fromEntries(question.options(viewWithSeed(1), ref, noRerun).map((o) => [o.id, o.why]));
    expect(why['count-no-watermark']).toMatch(/^Spark rejects it when it starts: append mode/);
    expect(why['watermark-then-map']).toMatch(/^Spark accepts it, but the watermark has no effect: no stateful operator/);
    expect(why['watermark-then-count']).toBe('Spark accepts it: the watermark on ts closes groups and drops their state');
  });

  it('draws four queries per variant, at least one flagged and one fine, and flags exactly those with a problem', () => {
    for (const seed of seeds) {
      const view = viewWithSeed(seed);
      const options = question.options(view, ref, noRerun);
      const answer = new Set(question.answer(view, ref, noRerun));
      expect(options).toHaveLength(4);
      expect(answer.size).toBeGreaterThan(0);
      expect(answer.size).toBeLessThan(4);
      for (const option of options) expect(option.why.startsWith('Spark accepts it:'), `${seed}: ${option.label}`).toBe(!answer.has(option.id));
    }
  });
});
