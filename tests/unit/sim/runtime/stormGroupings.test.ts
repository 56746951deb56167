// Storm stream groupings: which bolt task gets each tuple, what that does to per-key counts, and spout tuples in
// flight under max.spout.pending (R7.16–R7.18).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, run } from '../../../../src/sim/index.ts';
import { compareGroupings } from '../../../../src/sim/runtime/groupingCounts.ts';
import { fieldsTaskIndex } from '../../../../src/sim/runtime/stormGroupings.ts';
import type { Scenario } from '../../../../src/sim/index.ts';
import type { Step } from './jobs.ts';

function stormScenario(runtime: Record<string, unknown>, steps: Step[]): Scenario {
  const parsed = parseScenario({
    profile: 'storm', steps, seed: 3,
    pipeline: { window: { type: 'tumbling', size: 10 }, aggregate: 'count', watermark: { type: 'bounded', delay: 0 }, runtime },
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.scenario;
}

/** Four users with 2–5 clicks each, interleaved. */
const clicks: Step[] = ['u1', 'u2', 'u3', 'u4', 'u1', 'u2', 'u1', 'u3', 'u1', 'u2', 'u4', 'u1', 'u3', 'u2']
  .map((key, i) => ({ record: { key, ts: i } }));
const countBolt = (grouping: string, parallelism = 4) => ({ bolts: [{ name: 'split', parallelism: 2 }, { name: 'count', parallelism, grouping }] });
const routes = (scenario: Scenario) => run(scenario, { trace: true }).runtime!.events.flatMap((e) => (e.kind === 'route' ? [e] : []));

describe('storm groupings', () => {
  it('sends a key to floorMod(31 + hashCode, tasks) under fields grouping, as Storm\'s TupleUtils does', () => {
    // hashCode("user-1") = −836031825 (spec R7.3): 31 − 836031825 = −836031794, floorMod 4 = 2.
    expect(fieldsTaskIndex('user-1', 4)).toBe(2);
    expect(['a', 'b', 'c'].map((k) => fieldsTaskIndex(k, 4))).toEqual([0, 1, 2]);
  });

  it('keeps per-user counts correct across 4 count tasks with fields grouping, and shuffle splits them', () => {
    const outcomes = Object.fromEntries(compareGroupings(stormScenario(countBolt('shuffle'), clicks)).map((o) => [o.grouping, o]));
    expect(outcomes.fields.isCorrect).toBe(true);
    expect(outcomes.fields.tasksUsed).toBeGreaterThan(1);
    expect(outcomes.shuffle.isCorrect).toBe(false);
    expect(outcomes.localOrShuffle.isCorrect).toBe(false);
    // u1 clicked 5 times; under shuffle the store ends with one task's share of them.
    expect(outcomes.shuffle.keys.find((k) => k.key === 'u1')).toMatchObject({ expected: 5 });
    expect(outcomes.shuffle.keys.find((k) => k.key === 'u1')!.stored).toBeLessThan(5);
    // global is correct but one task does all the work; all is correct but every task counts every click.
    expect(outcomes.global).toMatchObject({ isCorrect: true, tasksUsed: 1, writesPerRecord: 1 });
    expect(outcomes.all).toMatchObject({ isCorrect: true, tasksUsed: 4, writesPerRecord: 4 });
  });

  it('routes every tuple of a key to the same count task under fields grouping', () => {
    const scenario = stormScenario(countBolt('fields'), clicks);
    const trace = run(scenario, { trace: true }).runtime!;
    const countTasks = trace.graph.tasks.filter((t) => trace.graph.operators[t.operator].name === 'count').map((t) => t.id);
    const keys = clicks.map((s) => (s.record as { key: string }).key);
    for (const r of routes(scenario).filter((e) => countTasks.includes(e.to))) expect(r.to).toBe(countTasks[fieldsTaskIndex(keys[r.record], 4)]);
  });

  it('gives every task the same share under shuffle grouping', () => {
    const steps = Array.from({ length: 40 }, (_, i): Step => ({ record: { key: `k${i % 3}`, ts: i } }));
    const received = new Map<number, number>();
    for (const r of routes(stormScenario({ bolts: [{ name: 'count', parallelism: 4 }] }, steps))) received.set(r.to, (received.get(r.to) ?? 0) + 1);
    expect([...received.values()]).toEqual([10, 10, 10, 10]);
  });

  it('keeps localOrShuffle tuples inside the sender\'s worker when a target task runs there', () => {
    const scenario = stormScenario({ ...countBolt('localOrShuffle'), workers: 2 }, clicks);
    const trace = run(scenario, { trace: true }).runtime!;
    const workerOf = trace.storm!.workerOf;
    const fromSplit = routes(scenario).filter((r) => r.from !== 0);
    expect(fromSplit.length).toBe(clicks.length);
    for (const r of fromSplit) expect(workerOf[r.to]).toBe(workerOf[r.from]);
  });

  it('has at most max.spout.pending tuples in flight and reaches the cap while the bolt is slow (R7.18)', () => {
    const steps: Step[] = [...Array.from({ length: 10 }, (_, i): Step => ({ record: { key: 'a', ts: i } })), { advance: 500 }];
    const trace = run(stormScenario({ maxSpoutPending: 3, bolts: [{ name: 'count', serviceMs: 5, parallelism: 2 }] }, steps), { trace: true }).runtime!;
    const pending = Array.from(trace.storm!.spoutPending.value);
    expect(Math.max(...pending)).toBe(3);
    expect(pending[pending.length - 1]).toBe(0);
    expect(trace.storm!.maxSpoutPending).toBe(3);
  });

  it('completes every tuple tree once whatever the groupings and parallelism when nothing fails (R7.16)', () => {
    const grouping = fc.constantFrom('shuffle', 'fields', 'all', 'global', 'localOrShuffle');
    fc.assert(fc.property(grouping, grouping, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), (g1, g2, p, workers) => {
      const scenario = stormScenario({ workers, bolts: [{ name: 'split', parallelism: p, grouping: g1, serviceMs: 1 }, { name: 'count', parallelism: 3, grouping: g2, serviceMs: 2 }] }, [...clicks, { advance: 1000 }]);
      const events = run(scenario, { trace: true }).runtime!.events;
      const completed = events.flatMap((e) => (e.kind === 'acker' && e.action === 'complete' ? [e.record] : []));
      expect(completed.sort((a, b) => a - b)).toEqual(clicks.map((_, i) => i));
    }), { numRuns: 200 });
  }, 60_000);
});
