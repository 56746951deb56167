// The spark runtime (R3.19, R7.15): micro-batch timing, offset and commit logs, re-runs after a crash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, run } from '../../../../src/sim/index.ts';
import type { Step } from './jobs.ts';

function runSpark(steps: Step[], sink: string, batch = { overheadMs: 30, perRowMs: 2, commitMs: 10 }, trace = false) {
  const parsed = parseScenario({
    profile: 'spark', steps,
    pipeline: {
      window: { type: 'tumbling', size: 10 }, aggregate: 'count', outputMode: 'update', watermark: { type: 'bounded', delay: 5 },
      batchInterval: 100, runtime: { sink, restartDelay: 20, batch },
    },
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return run(parsed.scenario, { trace });
}

// Event times never decrease, so no row is late under any batching (R3.18 judges lateness by the previous batch).
const input = fc.array(fc.record({ key: fc.constantFrom('a', 'b'), gap: fc.integer({ min: 0, max: 6 }), advance: fc.integer({ min: 0, max: 120 }) }), { minLength: 1, maxLength: 12 })
  .map((items) => {
    let ts = 0;
    return items.flatMap(({ key, gap, advance }): Step[] => [{ record: { key, ts: (ts += gap) } }, ...(advance > 0 ? [{ advance }] : [])]);
  });
const crashAt = fc.array(fc.nat(), { minLength: 1, maxLength: 3 });

function withCrashes(steps: Step[], at: number[]): Step[] {
  const out = [...steps];
  for (const a of at) out.splice(a % (out.length + 1), 0, { crash: { operator: 'query' } });
  return [...out, { advance: 2000 }];
}

/** Update mode: the last row written per (key, window) is the window's final count. */
const finalRows = (rows: readonly { key: string; start?: number; value: unknown }[]) => {
  const last = new Map<string, unknown>();
  for (const r of rows) last.set(`${r.key}|${r.start}`, r.value);
  return [...last.entries()].sort();
};

describe('spark micro-batches', () => {
  it('writes the offset log before a batch and the commit log after its sink write (R7.15)', () => {
    const r = runSpark([{ record: { key: 'a', ts: 1 } }, { advance: 200 }], 'idempotent', undefined, true);
    const log = r.runtime!.events.flatMap((e) => (e.kind === 'micro-batch' ? [[e.action, e.procTimeMs]] : []));
    expect(log).toEqual([['offsets', 100], ['write', 132], ['commit', 142]]);
  });

  it('an idempotent sink commits every batch once, and the final results equal the crash-free run (R7.15)', () => {
    fc.assert(fc.property(input, crashAt, (steps, at) => {
      const clean = runSpark([...steps, { advance: 2000 }], 'idempotent');
      const crashed = runSpark(withCrashes(steps, at), 'idempotent', undefined, true);
      const committedBatches = crashed.runtime!.writes.filter((w) => !Number.isNaN(w.visibleAtMs));
      const perBatch = new Map<number, number>();
      for (const w of committedBatches) perBatch.set(w.txn, (perBatch.get(w.txn) ?? 0) + 1);
      const written = new Map<number, number>();
      for (const w of crashed.runtime!.writes) if (!w.isDuplicate) written.set(w.txn, (written.get(w.txn) ?? 0) + 1);
      expect(perBatch).toEqual(written);
      expect(finalRows(crashed.result.sink!.committed)).toEqual(finalRows(clean.result.sink!.committed));
    }), { numRuns: 1000 });
  }, 60_000);

  it('an at-least-once sink repeats the rows of a re-run batch exactly, and ends with the crash-free results', () => {
    fc.assert(fc.property(input, crashAt, (steps, at) => {
      const clean = runSpark([...steps, { advance: 2000 }], 'at-least-once');
      const crashed = runSpark(withCrashes(steps, at), 'at-least-once', undefined, true);
      const rowsOf = new Map<number, string[]>();
      for (const w of crashed.runtime!.writes.filter((x) => !x.isDuplicate)) rowsOf.set(w.txn, [...(rowsOf.get(w.txn) ?? []), JSON.stringify(w.row)]);
      const repeats = new Map<string, string[]>();
      for (const w of crashed.runtime!.writes.filter((x) => x.isDuplicate)) {
        const id = `${w.txn}@${w.procTimeMs}`;
        repeats.set(id, [...(repeats.get(id) ?? []), JSON.stringify(w.row)]);
      }
      for (const [id, rows] of repeats) expect(rows).toEqual(rowsOf.get(Number(id.split('@')[0])));
      expect(finalRows(crashed.result.sink!.all)).toEqual(finalRows(clean.result.sink!.all));
    }), { numRuns: 1000 });
  }, 60_000);
});
