// Kafka Streams emission options of the scenario format: EmitStrategy.onWindowClose (R4.22) and record caching
// with commit-interval flushes (R4.20). Expectations are computed by hand from the rules.
import { describe, expect, it } from 'vitest';
import { parseScenario, run, type Run } from '../../../src/sim/index.ts';
import { parseError, records } from './helpers.ts';

type Event = { key: string; ts: number; arrivalMs: number; value?: number };

function runScenario(pipeline: Record<string, unknown>, input: { steps?: unknown[]; events?: Event[] }): Run {
  const parsed = parseScenario({ format: 'eventide.scenario/1', name: 'kafka emit', profile: 'kafka-streams', pipeline, steps: input.steps ?? [], events: input.events });
  if (!parsed.ok) throw new Error(parsed.error);
  return run(parsed.scenario, { trace: true });
}

const tumbling10 = { type: 'tumbling', size: 10 };
const finals = (r: Run) => r.result.emitted.map((e) => [e.step, e.key, e.start, e.end, e.value]);
/** [processing time, start, value] of every pane, tombstones as null. */
const flushes = (r: Run) => r.trace!.panes.map((p) => [p.procTimeMs, p.start, p.value]);

describe('kafka-streams onWindowClose (R4.22)', () => {
  it('R4.22: TimeWindows emit each window once when stream time reaches its end + grace, with no updates before', () => {
    const r = runScenario({ window: tumbling10, emit: 'close' }, { steps: records('k', 1, 5, 12, 25) });
    // ost 12 closes [0,10) (10 ≤ 12); ost 25 closes [10,20) (20 ≤ 25). [20,30) stays open.
    expect(finals(r)).toEqual([[2, 'k', 0, 10, 2], [3, 'k', 10, 20, 1]]);
    expect(r.trace!.panes.map((p) => p.rule)).toEqual(['R4.22', 'R4.22']);
    expect(r.result.emitted[0]).toMatchObject({ ts: 5, timing: 'ON_TIME' });
  });

  it('R4.22: for TimeWindows onWindowClose and suppress(untilWindowCloses) give the same final results', () => {
    const steps = records('k', 1, 5, 12, 3, 25);
    const close = runScenario({ window: tumbling10, emit: 'close', grace: 2 }, { steps });
    const suppress = runScenario({ window: tumbling10, emit: 'final', grace: 2 }, { steps });
    expect(finals(close)).toEqual(finals(suppress));
  });

  it('R4.22: a session closes only once its end is strictly before stream time − grace − gap, 1 ms after suppress emits it', () => {
    // a@0 is session [0,0]. b@5 makes ost 5: suppress emits [0,0] (0 ≤ 5 − 5); onWindowClose waits until b@6 (0 < 1).
    const steps = [{ record: { key: 'a', ts: 0 } }, { record: { key: 'b', ts: 5 } }, { record: { key: 'b', ts: 6 } }];
    const session = { type: 'session', gap: 5 };
    expect(finals(runScenario({ window: session, emit: 'final' }, { steps }))).toEqual([[1, 'a', 0, 0, 1]]);
    expect(finals(runScenario({ window: session, emit: 'close' }, { steps }))).toEqual([[2, 'a', 0, 0, 1]]);
  });

  it('R4.22: a Kafka sliding window [0,10] closes when stream time passes 10, not at 10', () => {
    const steps = [{ record: { key: 'a', ts: 0 } }, { record: { key: 'b', ts: 10 } }, { record: { key: 'b', ts: 11 } }];
    const r = runScenario({ window: { type: 'kafka-sliding', size: 10 }, emit: 'close' }, { steps });
    expect(finals(r).filter(([, key]) => key === 'a')).toEqual([[2, 'a', 0, 10, 1]]);
  });

  it('is a scenario option: a vector with emit "close" is rejected with the place and the reason', () => {
    expect(parseError({ profile: 'kafka-streams', pipeline: { window: tumbling10, emit: 'close' }, steps: [] }))
      .toBe('invalid: pipeline.emit: expected updates | final in a vector, got "close" (only scenarios ("format": "eventide.scenario/1") have this option)');
  });
});

describe('kafka-streams record caching (R4.20)', () => {
  const caching = { commitIntervalMs: 100 };

  it('R4.20: with caching only the latest value per window goes downstream, at each commit', () => {
    const events = [{ key: 'k', ts: 1, arrivalMs: 10 }, { key: 'k', ts: 2, arrivalMs: 20 }, { key: 'k', ts: 3, arrivalMs: 150 }];
    const r = runScenario({ window: tumbling10, caching }, { events, steps: [{ advance: 200 }] });
    expect(flushes(r)).toEqual([[100, 0, 2], [200, 0, 3]]);
    expect(r.trace!.panes[0].reason).toBe('flushed at commit 100: the latest value of window 0–10 since the last commit (times in ms)');
  });

  it('R1.6: a record arriving at the commit instant is in that commit', () => {
    const r = runScenario({ window: tumbling10, caching }, { events: [{ key: 'k', ts: 1, arrivalMs: 100 }], steps: [{ advance: 100 }] });
    expect(flushes(r)).toEqual([[100, 0, 1]]);
  });

  it('R4.20: commits are processing-time timers in the trace, and nothing is flushed at the end of input (R3.16)', () => {
    const r = runScenario({ window: tumbling10, caching }, { events: [{ key: 'k', ts: 1, arrivalMs: 10 }], steps: [{ end: true }] });
    expect(r.result.emitted).toEqual([]);
    const timers = r.trace!.events.filter((e) => e.kind.startsWith('timer-'));
    expect(timers).toEqual([expect.objectContaining({ kind: 'timer-set', timerMs: 100, domain: 'processing', purpose: 'commit', keyId: -1, windowId: -1 })]);
  });

  it('R4.20: the first commit comes one interval after start, so a record at processing time 0 waits for it', () => {
    const r = runScenario({ window: tumbling10, caching }, { steps: [...records('k', 1), { advance: 50 }, ...records('k', 2), { advance: 50 }] });
    expect(flushes(r)).toEqual([[100, 0, 2]]);
  });

  it('R4.20: the commit interval defaults to commit.interval.ms, 30 000 ms, or 100 ms under exactly-once', () => {
    const events = [{ key: 'k', ts: 1, arrivalMs: 10 }];
    expect(flushes(runScenario({ window: tumbling10, caching: {} }, { events, steps: [{ advance: 40_000 }] }))).toEqual([[30_000, 0, 1]]);
    expect(flushes(runScenario({ window: tumbling10, caching: { guarantee: 'exactly-once' } }, { events, steps: [{ advance: 1000 }] }))).toEqual([[100, 0, 1]]);
  });

  it('R2.7, R4.20: a session merged away before any commit sends no tombstone, only the merged session', () => {
    const events = [{ key: 'k', ts: 0, arrivalMs: 10 }, { key: 'k', ts: 3, arrivalMs: 20 }];
    const cached = runScenario({ window: { type: 'session', gap: 5 }, caching }, { events, steps: [{ advance: 100 }] });
    expect(flushes(cached)).toEqual([[100, 0, 2]]);
    // Without caching: [0,0] = 1, then its tombstone and [0,3] = 2.
    const direct = runScenario({ window: { type: 'session', gap: 5 } }, { events, steps: [{ advance: 100 }] });
    expect(flushes(direct)).toEqual([[10, 0, 1], [20, 0, null], [20, 0, 2]]);
  });

  it('R3.14, R4.21: suppress behind the cache sees records only at commits, so the final result waits for the commit', () => {
    const events = [{ key: 'k', ts: 1, arrivalMs: 10 }, { key: 'k', ts: 12, arrivalMs: 20 }];
    const cached = runScenario({ window: tumbling10, emit: 'final', caching }, { events, steps: [{ advance: 100 }] });
    expect(flushes(cached)).toEqual([[100, 0, 1]]);
    const direct = runScenario({ window: tumbling10, emit: 'final' }, { events, steps: [{ advance: 100 }] });
    expect(flushes(direct)).toEqual([[20, 0, 1]]);
  });

  it('R4.22: onWindowClose bypasses the cache, so caching does not change its results', () => {
    const steps = records('k', 1, 5, 12, 25);
    expect(finals(runScenario({ window: tumbling10, emit: 'close', caching }, { steps }))).toEqual(finals(runScenario({ window: tumbling10, emit: 'close' }, { steps })));
  });

  it('is a Kafka Streams scenario option: other profiles report it unsupported, vectors reject it', () => {
    const parsed = parseScenario({ format: 'eventide.scenario/1', profile: 'flink', pipeline: { window: tumbling10, caching }, steps: [] });
    expect(parsed).toMatchObject({ ok: false, kind: 'unsupported', error: 'unsupported: record caching under flink' });
    expect(parseError({ profile: 'kafka-streams', pipeline: { window: tumbling10, caching }, steps: [] })).toBe('invalid: pipeline.caching: only scenarios ("format": "eventide.scenario/1") have this option');
  });
});
