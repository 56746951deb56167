// The kafka-streams runtime (R7.14): stream threads, commits every commit.interval.ms, one transaction per thread
// under exactly_once_v2, restore from the changelog, and what each guarantee promises across crashes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, run } from '../../../../src/sim/index.ts';
import type { RuntimeEvent } from '../../../../src/sim/runtime/types.ts';
import { multiset, type Step } from './jobs.ts';

function runKafka(runtime: Record<string, unknown>, steps: Step[], partitions = 2, trace = true) {
  const parsed = parseScenario({
    format: 'eventide.vector/1', name: 'kafka', profile: 'kafka-streams',
    pipeline: { window: { type: 'tumbling', size: 10 }, aggregate: 'count', grace: 0, partitions, runtime }, steps,
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return run(parsed.scenario, { trace });
}

const rec = (key: string, ts: number, partition = 0): Step => ({ record: { key, ts, partition } });
const row = (key: string, value: number) => ({ key, start: 0, end: 10, value });
const ofKind = <K extends RuntimeEvent['kind']>(events: RuntimeEvent[], kind: K) => events.filter((e): e is Extract<RuntimeEvent, { kind: K }> => e.kind === kind);

/** Thread 0 runs task 0_0: two updates at 150 ms wait in its open transaction when it crashes at 180 ms. */
const crashBeforeCommit: Step[] = [
  rec('a', 1), rec('b', 2, 1), { advance: 150 }, rec('a', 3), rec('a', 4), { advance: 30 },
  { crash: { operator: 'thread', subtask: 0 } }, { advance: 100 }, { end: true },
];
const twoThreads = { threads: [2], restartDelay: 20, restoreRecordsPerMs: 1 };

describe('kafka-streams runtime', () => {
  it('exactly_once_v2 aborts the open transaction, restores the store to the last commit and commits the replay once', () => {
    const r = runKafka({ ...twoThreads, processingGuarantee: 'exactly_once_v2' }, crashBeforeCommit);
    const events = r.runtime!.events;
    expect(ofKind(events, 'kafka-commit').find((e) => e.action === 'abort')).toMatchObject({ procTimeMs: 180, thread: 0, outputs: 2, changelog: 2 });
    // One changelog record (a's count after ts 1) was committed: 1 record at 1 record/ms.
    expect(ofKind(events, 'restore')).toEqual([expect.objectContaining({ procTimeMs: 200, changelogRecords: 1, durationMs: 1 })]);
    expect(ofKind(events, 'rewound')).toEqual([expect.objectContaining({ partition: 0, fromOffset: 3, toOffset: 1 })]);
    expect(r.result.sink!.committed).toEqual([row('a', 1), row('b', 1), row('a', 2), row('a', 3)]);
    // A read_uncommitted reader saw the aborted updates too, and then the replayed ones.
    expect(r.result.sink!.all).toEqual([row('a', 1), row('b', 1), row('a', 2), row('a', 3), row('a', 2), row('a', 3)]);
    const replayed = r.runtime!.writes.filter((w) => w.isReplay);
    expect(replayed.map((w) => [w.isDuplicate, w.isCommittedDuplicate])).toEqual([[true, false], [true, false]]);
  });

  it('at_least_once restores every changelog write, so records read again after the committed offsets count twice', () => {
    const r = runKafka({ ...twoThreads, processingGuarantee: 'at_least_once', commitIntervalMs: 100 }, crashBeforeCommit);
    expect(ofKind(r.runtime!.events, 'restore')[0]).toMatchObject({ changelogRecords: 3, durationMs: 3 });
    expect(r.result.sink!.all).toEqual([row('a', 1), row('b', 1), row('a', 2), row('a', 3), row('a', 4), row('a', 5)]);
    expect(r.result.sink!.committed).toEqual(r.result.sink!.all);
  });

  it('commits every 100 ms under exactly_once_v2 and every 30 s under at_least_once by default (R7.14)', () => {
    const steps: Step[] = [rec('a', 1), { advance: 40_000 }];
    const eos = runKafka({ processingGuarantee: 'exactly_once_v2' }, steps, 1);
    const alos = runKafka({}, steps, 1);
    expect(eos.result.checkpoints![0].completed).toBe(100);
    expect(alos.result.checkpoints![0].completed).toBe(30_000);
    // read_committed readers wait for the commit under exactly-once; at-least-once outputs are visible at once.
    expect(eos.runtime!.writes[0].visibleAtMs).toBe(100);
    expect(alos.runtime!.writes[0].visibleAtMs).toBe(0);
  });

  it('gives each stream thread the tasks Kafka assigns it, one task per input partition', () => {
    const r = runKafka({ threads: [2, 2] }, [rec('a', 1)], 3);
    expect(r.runtime!.kafka!.threads.map((t) => t.tasks.length).sort()).toEqual([0, 1, 1, 1]);
    expect(r.runtime!.graph.tasks.filter((t) => t.operator === 1).map((t) => t.name)).toEqual(['0_0', '0_1', '0_2']);
  });

  it('keeps a crashed thread\'s tasks down while other threads go on processing', () => {
    const steps: Step[] = [{ crash: { operator: 'thread', subtask: 0 } }, rec('a', 1, 0), rec('b', 1, 1), { advance: 10 }];
    const r = runKafka({ ...twoThreads, processingGuarantee: 'exactly_once_v2', restartDelay: 1000 }, steps);
    expect(r.runtime!.writes.map((w) => w.row.key)).toEqual(['b']);
    const lag = r.runtime!.samples.consumerLag;
    expect(lag[lag.length - 2]).toBe(1);
  });

  it('voids the record a crashed thread was still processing, so the replacement thread reads each record once', () => {
    const steps: Step[] = [rec('a', 0), { crash: { operator: 'thread', subtask: 0 } }, { advance: 7 }, rec('a', 0), { advance: 8 }, { crash: { operator: 'thread', subtask: 0 } }, rec('a', 0), rec('a', 0), { advance: 1 }, { end: true }];
    const runtime = { threads: [1], commitIntervalMs: 5, restartDelay: 1, serviceMs: 7, processingGuarantee: 'exactly_once_v2' };
    expect(runKafka(runtime, steps).result.sink!.committed).toEqual([row('a', 1), row('a', 2), row('a', 3), row('a', 4)]);
  });

  it('names the targets a crash step may have', () => {
    const parsed = parseScenario({
      format: 'eventide.vector/1', name: 'kafka', profile: 'kafka-streams',
      pipeline: { window: { type: 'tumbling', size: 10 }, aggregate: 'count', runtime: {} }, steps: [{ crash: { operator: 'window' } }],
    });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/steps\[0\]\.crash\.operator: expected one of thread \| instance, got "window"/);
  });
});

/**
 * Inputs of 1–16 records on three partitions, advances between them, crashes of threads or instances. Records are
 * partitioned by key, as a producer does (R7.4), so each key's count lives in one task.
 */
const inputs = fc.array(
  fc.record({ key: fc.constantFrom('a', 'b', 'c'), ts: fc.integer({ min: 0, max: 40 }), advance: fc.integer({ min: 0, max: 150 }) }),
  { minLength: 1, maxLength: 16 },
).map((items) => items.flatMap(({ key, ts, advance }): Step[] => [rec(key, ts, 'abc'.indexOf(key)), ...(advance > 0 ? [{ advance }] : [])]));
const crashSchedule = fc.array(fc.record({ at: fc.nat(), target: fc.constantFrom('thread', 'instance'), index: fc.nat({ max: 1 }) }), { minLength: 1, maxLength: 3 });
const settings = fc.record({
  threads: fc.constantFrom([1], [2], [1, 1], [2, 1]),
  commitIntervalMs: fc.integer({ min: 5, max: 200 }),
  restartDelay: fc.integer({ min: 0, max: 50 }),
  serviceMs: fc.constantFrom(0, 1, 7),
});

function withCrashes(steps: Step[], schedule: { at: number; target: string; index: number }[], threads: readonly number[]): Step[] {
  const out = [...steps];
  const count = (target: string) => (target === 'thread' ? threads.reduce((a, b) => a + b, 0) : threads.length);
  for (const c of schedule) out.splice(c.at % (out.length + 1), 0, { crash: { operator: c.target, subtask: c.index % count(c.target) } });
  return [...out, { end: true }];
}

describe('kafka-streams guarantees across random crashes', () => {
  it('exactly_once_v2: what read_committed readers see equals the crash-free run, whatever crashes', () => {
    fc.assert(fc.property(inputs, crashSchedule, settings, (steps, schedule, s) => {
      const runtime = { ...s, processingGuarantee: 'exactly_once_v2', restoreRecordsPerMs: 2 };
      const crashFree = runKafka(runtime, [...steps, { end: true }], 3, false);
      const crashed = runKafka(runtime, withCrashes(steps, schedule, s.threads), 3, false);
      expect(multiset(crashed.result.sink!.committed)).toEqual(multiset(crashFree.result.sink!.committed));
    }), { numRuns: 1000 });
  }, 60_000);

  it('at_least_once: every crash-free update is still written, and no final count is lower', () => {
    fc.assert(fc.property(inputs, crashSchedule, settings, (steps, schedule, s) => {
      const crashFree = runKafka(s, [...steps, { end: true }], 3, false).result.sink!.all;
      const crashed = runKafka(s, withCrashes(steps, schedule, s.threads), 3, false).result.sink!.all;
      const written = new Set(multiset(crashed));
      for (const r of multiset(crashFree)) expect(written.has(r)).toBe(true);
      const last = (rows: typeof crashFree) => new Map(rows.map((r) => [`${r.key}/${r.start}`, r.value as number]));
      const after = last(crashed);
      for (const [window, count] of last(crashFree)) expect(after.get(window)).toBeGreaterThanOrEqual(count);
    }), { numRuns: 1000 });
  }, 60_000);
});
