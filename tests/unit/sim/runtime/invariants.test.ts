// The fault-tolerance guarantees (vectors.md "Runtime vectors"; spec R7.8–R7.13), each checked against the
// crash-free run of the same input over 1,000 random failure schedules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crashes, inputSteps, jobSettings, multiset, runJob, windowPipeline, withCrashes, type Step } from './jobs.ts';

const RUNS = { numRuns: 1000 };

type Settings = { interval: number; restartDelay: number; windowServiceMs: number; sinkServiceMs: number; bufferCapacity: number };

function runtimeOf(s: Settings, mode: string, sink: string, sourceParallelism = 2) {
  return {
    parallelism: 2, checkpoint: { interval: s.interval, mode }, sink, restartDelay: s.restartDelay, bufferCapacity: s.bufferCapacity,
    source: { parallelism: sourceParallelism }, window: { serviceMs: s.windowServiceMs }, sinkStage: { serviceMs: s.sinkServiceMs },
  };
}

function pair(s: Settings, mode: string, sink: string, steps: Step[], schedule: Parameters<typeof withCrashes>[1], sourceParallelism = 2) {
  const pipeline = windowPipeline(runtimeOf(s, mode, sink, sourceParallelism));
  // Only the run without checkpoints needs its trace (the lost records are named there).
  return { clean: runJob(pipeline, [...steps, { end: true }]), crashed: runJob(pipeline, withCrashes(steps, schedule, sourceParallelism), mode === 'none') };
}

/** Each property runs 1,000 schedules; on a shared two-core machine that can take several seconds. */
const LIMIT_MS = 60_000;

describe('runtime guarantees under random failure schedules', () => {
  it('exactly-once checkpoints with a transactional sink commit exactly what the crash-free run commits', () => {
    fc.assert(fc.property(inputSteps, crashes, jobSettings, (steps, schedule, s) => {
      const { clean, crashed } = pair(s, 'exactly-once', 'transactional', steps, schedule);
      expect(multiset(crashed.result.sink!.committed)).toEqual(multiset(clean.result.sink!.committed));
    }), RUNS);
  }, LIMIT_MS);

  it('unaligned checkpoints with a transactional sink also commit exactly what the crash-free run commits (R7.10)', () => {
    fc.assert(fc.property(inputSteps, crashes, jobSettings, (steps, schedule, s) => {
      const { clean, crashed } = pair(s, 'unaligned', 'transactional', steps, schedule);
      expect(multiset(crashed.result.sink!.committed)).toEqual(multiset(clean.result.sink!.committed));
    }), RUNS);
  }, LIMIT_MS);

  it('unaligned checkpoints that align first and switch past an aligned-checkpoint-timeout commit the crash-free output (R7.8)', () => {
    fc.assert(fc.property(inputSteps, crashes, jobSettings, fc.integer({ min: 1, max: 20 }), (steps, schedule, s, alignedTimeout) => {
      const pipeline = windowPipeline({ ...runtimeOf(s, 'unaligned', 'transactional'), checkpoint: { interval: s.interval, mode: 'unaligned', alignedTimeout } });
      const clean = runJob(pipeline, [...steps, { end: true }]);
      const crashed = runJob(pipeline, withCrashes(steps, schedule));
      expect(multiset(crashed.result.sink!.committed)).toEqual(multiset(clean.result.sink!.committed));
    }), RUNS);
  }, LIMIT_MS);

  it('an at-least-once sink loses nothing, and everything extra repeats a crash-free row', () => {
    fc.assert(fc.property(inputSteps, crashes, jobSettings, (steps, schedule, s) => {
      const { clean, crashed } = pair(s, 'exactly-once', 'at-least-once', steps, schedule);
      const all = multiset(crashed.result.sink!.all);
      const expected = multiset(clean.result.sink!.all);
      const remaining = [...all];
      for (const row of expected) {
        const at = remaining.indexOf(row);
        expect(at, `missing ${row}`).toBeGreaterThanOrEqual(0);
        remaining.splice(at, 1);
      }
      for (const extra of remaining) expect(expected).toContain(extra);
    }), RUNS);
  }, LIMIT_MS);

  it('an upsert sink ends with the crash-free table, with exactly-once or at-least-once checkpoints', () => {
    fc.assert(fc.property(inputSteps, crashes, jobSettings, fc.constantFrom('exactly-once', 'at-least-once'), (steps, schedule, s, mode) => {
      // R7.9: at-least-once checkpoints are exactly-once when every task has one input (one source subtask).
      const { clean, crashed } = pair(s, mode, 'upsert', steps, schedule, mode === 'at-least-once' ? 1 : 2);
      expect(crashed.result.sink!.table).toEqual(clean.result.sink!.table);
    }), RUNS);
  }, LIMIT_MS);

  it('at-least-once checkpoints never count a record less than the crash-free run (R7.9: duplicates, no loss)', () => {
    fc.assert(fc.property(inputSteps, crashes, jobSettings, (steps, schedule, s) => {
      const { clean, crashed } = pair(s, 'at-least-once', 'upsert', steps, schedule);
      const table = new Map(crashed.result.sink!.table!.map((r) => [`${r.key}|${r.start}`, r.value as number]));
      for (const row of clean.result.sink!.table!) expect(table.get(`${row.key}|${row.start}`)).toBeGreaterThanOrEqual(row.value as number);
    }), RUNS);
  }, LIMIT_MS);

  it('without checkpoints, every record missing from the output is named in a lost entry of the trace', () => {
    fc.assert(fc.property(inputSteps, crashes, jobSettings, (steps, schedule, s) => {
      const { clean, crashed } = pair(s, 'none', 'upsert', steps, schedule);
      const trace = crashed.trace!;
      const lostPerWindow = new Map<string, number>();
      for (const e of crashed.runtime!.events) {
        if (e.kind !== 'lost') continue;
        for (const r of e.records) {
          const id = `${trace.keys[trace.records.keyId[r]]}|${Math.floor(trace.records.ts[r] / 10) * 10}`;
          lostPerWindow.set(id, (lostPerWindow.get(id) ?? 0) + 1);
        }
      }
      const table = new Map(crashed.result.sink!.table!.map((r) => [`${r.key}|${r.start}`, r.value as number]));
      for (const row of clean.result.sink!.table!) {
        const id = `${row.key}|${row.start}`;
        expect((table.get(id) ?? 0) + (lostPerWindow.get(id) ?? 0), id).toBe(row.value);
      }
    }), RUNS);
  }, LIMIT_MS);
});
