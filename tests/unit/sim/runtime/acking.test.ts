// The storm runtime: XOR ack trees, message timeouts, max.spout.pending and replays (R7.16–R7.18).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, run } from '../../../../src/sim/index.ts';
import type { Step } from './jobs.ts';

function runStorm(runtime: Record<string, unknown>, steps: Step[], trace = true) {
  const parsed = parseScenario({
    profile: 'storm', steps,
    pipeline: { window: { type: 'tumbling', size: 10 }, aggregate: 'count', watermark: { type: 'bounded', delay: 0 }, runtime },
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return run(parsed.scenario, { trace });
}

const bolts = [{ name: 'split', serviceMs: 2 }, { name: 'count', serviceMs: 3 }];
const input = fc.array(fc.record({ key: fc.constantFrom('a', 'b', 'c'), advance: fc.integer({ min: 0, max: 20 }) }), { minLength: 1, maxLength: 15 })
  .map((items) => items.flatMap(({ key, advance }, i): Step[] => [{ record: { key, ts: i } }, ...(advance > 0 ? [{ advance }] : [])]));
const crashes = fc.array(fc.record({ at: fc.nat(), bolt: fc.constantFrom('split', 'count') }), { maxLength: 3 });

/** Final count per key = the last value written for it. */
const finalCounts = (rows: { key: string; value: unknown }[]) => Object.fromEntries(rows.map((r) => [r.key, r.value]));
const expectedCounts = (steps: Step[]) => {
  const counts: Record<string, number> = {};
  for (const s of steps) if ('record' in s) counts[(s.record as { key: string }).key] = (counts[(s.record as { key: string }).key] ?? 0) + 1;
  return counts;
};

describe('storm acking', () => {
  it('completes every tree with ack value 0 and acks each message once when nothing fails (R7.16)', () => {
    fc.assert(fc.property(input, (steps) => {
      const r = runStorm({ ackers: 1, messageTimeoutMs: 10_000, bolts }, [...steps, { advance: 1000 }]);
      const acker = r.runtime!.events.flatMap((e) => (e.kind === 'acker' ? [e] : []));
      const completes = acker.filter((e) => e.action === 'complete');
      expect(completes.map((e) => e.record).sort((a, b) => a - b)).toEqual(Array.from(r.runtime!.reads, (_, i) => i));
      expect(completes.every((e) => e.ackVal === '0000000000000000')).toBe(true);
      // Before completion the ack value is never 0: a child is anchored before its parent is acked.
      expect(acker.filter((e) => e.action === 'anchor' || e.action === 'emit').every((e) => e.ackVal !== '0000000000000000')).toBe(true);
      expect(finalCounts(r.result.sink!.all)).toEqual(expectedCounts(steps));
    }), { numRuns: 1000 });
  }, 60_000);

  it('counts every record at least once whatever the worker crashes, replaying what timed out (R7.17)', () => {
    fc.assert(fc.property(input, crashes, (steps, schedule) => {
      const withCrashes = [...steps];
      for (const c of schedule) withCrashes.splice(c.at % (withCrashes.length + 1), 0, { crash: { operator: c.bolt } });
      const r = runStorm({ ackers: 1, messageTimeoutMs: 50, bolts, restartDelay: 10 }, [...withCrashes, { advance: 5000 }], false);
      const counts = finalCounts(r.result.sink!.all);
      for (const [key, n] of Object.entries(expectedCounts(steps))) expect(counts[key]).toBeGreaterThanOrEqual(n);
    }), { numRuns: 1000 });
  }, 60_000);

  it('never has more trees open than max.spout.pending (R7.18)', () => {
    const steps: Step[] = [...Array.from({ length: 6 }, (_, i) => ({ record: { key: 'a', ts: i } })), { advance: 200 }];
    const r = runStorm({ ackers: 1, messageTimeoutMs: 1000, maxSpoutPending: 2, bolts }, steps);
    let open = 0;
    let most = 0;
    for (const e of r.runtime!.events) {
      if (e.kind !== 'acker') continue;
      if (e.action === 'emit') most = Math.max(most, ++open);
      if (e.action === 'complete') open--;
    }
    expect(most).toBe(2);
  });

  it('draws tuple ids from the scenario seed, so the same seed gives the same trace (R8.3)', () => {
    const steps: Step[] = [{ record: { key: 'a', ts: 1 } }, { advance: 20 }];
    const ids = (r: ReturnType<typeof runStorm>) => r.runtime!.events.flatMap((e) => (e.kind === 'acker' ? [e.tuple] : []));
    expect(ids(runStorm({ bolts }, steps))).toEqual(ids(runStorm({ bolts }, steps)));
  });
});
