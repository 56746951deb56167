// Small runtime jobs for tests: a vector builder, random failure schedules (fast-check), and readers for results.
import fc from 'fast-check';
import { parseScenario, run } from '../../../../src/sim/index.ts';
import type { Run } from '../../../../src/sim/index.ts';
import type { SinkRow } from '../../../../src/sim/runtime/types.ts';

export type Step = Record<string, unknown>;

export function runJob(pipeline: Record<string, unknown>, steps: Step[], trace = false): Run {
  const parsed = parseScenario({ format: 'eventide.vector/1', name: 'test', profile: 'flink', pipeline, steps });
  if (!parsed.ok) throw new Error(parsed.error);
  return run(parsed.scenario, { trace });
}

export const windowPipeline = (runtime: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  window: { type: 'tumbling', size: 10 }, aggregate: 'count', partitions: 2,
  watermark: { type: 'bounded', delay: 0, emit: 'per-record' }, ...extra, runtime,
});

/** Rows as comparable strings, sorted: a multiset. */
export const multiset = (rows: readonly SinkRow[]): string[] => rows.map((r) => JSON.stringify(r)).sort();

/**
 * Inputs that are never late at any interleaving: per partition, event time never decreases (so with a per-record
 * bounded watermark no record is behind its own channel's watermark), advances between records, and `end`.
 */
export const inputSteps = fc
  .array(
    fc.record({
      key: fc.constantFrom('a', 'b', 'c', 'd'),
      partition: fc.integer({ min: 0, max: 1 }),
      gap: fc.integer({ min: 0, max: 6 }),
      advance: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })),
    }),
    { minLength: 1, maxLength: 14 },
  )
  .map((items) => {
    const last = [0, 0];
    const steps: Step[] = [];
    for (const { key, partition, gap, advance } of items) {
      last[partition] += gap;
      steps.push({ record: { key, partition, ts: last[partition] } });
      if (advance > 0) steps.push({ advance });
    }
    return steps;
  });

/** Crash steps at random places (before `end`), on any task of the default job with parallelism 2. */
export const crashes = fc.array(
  fc.record({ at: fc.nat(), operator: fc.constantFrom('source', 'window', 'sink'), subtask: fc.integer({ min: 0, max: 1 }) }),
  { minLength: 1, maxLength: 3 },
);

/** Inserts the crashes into the steps; `end` comes last. */
export function withCrashes(steps: Step[], schedule: { at: number; operator: string; subtask: number }[], sourceParallelism = 2): Step[] {
  const out = [...steps];
  for (const c of schedule) {
    const subtask = c.operator === 'source' ? c.subtask % sourceParallelism : c.subtask;
    out.splice(c.at % (out.length + 1), 0, { crash: { operator: c.operator, subtask } });
  }
  return [...out, { end: true }];
}

/** Job settings that vary per run: checkpoint interval, restart delay, service times, buffers. */
export const jobSettings = fc.record({
  interval: fc.integer({ min: 5, max: 80 }),
  restartDelay: fc.integer({ min: 0, max: 30 }),
  windowServiceMs: fc.constantFrom(0, 0.5, 3),
  sinkServiceMs: fc.constantFrom(0, 2),
  bufferCapacity: fc.integer({ min: 1, max: 6 }),
});
