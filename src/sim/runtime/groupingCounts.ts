// "Which groupings give correct per-key counts?" (storm-topologies lesson): runs a storm scenario once per grouping of
// its last bolt and compares what the outside store holds per key at the end — the last value any task wrote for it —
// with the aggregate of all of that key's records. Graders and the lesson ask the simulator, never a typed answer.
import { aggregatorFor } from '../aggregates.ts';
import { compile, OP_RECORD } from '../compile.ts';
import { run } from '../run.ts';
import type { PaneValue, Scenario } from '../types.ts';
import { GROUPINGS, type Grouping, type RuntimeSpec } from './types.ts';

export interface GroupingOutcome {
  grouping: Grouping;
  /** Per key (first-arrival order): the value the store ends with, and the aggregate over all its records. */
  keys: { key: string; stored: PaneValue | undefined; expected: PaneValue }[];
  /** Every key's stored value equals its expected one. */
  isCorrect: boolean;
  /** Tasks of the last bolt that wrote at least once (how much of the bolt did the work). */
  tasksUsed: number;
  /** Store writes per record read (all grouping: one per task). */
  writesPerRecord: number;
}

export function compareGroupings(scenario: Scenario, groupings: readonly Grouping[] = GROUPINGS): GroupingOutcome[] {
  const runtime = scenario.pipeline.runtime as RuntimeSpec | undefined;
  if (scenario.profile !== 'storm' || !runtime?.acking) throw new RangeError('compareGroupings needs a storm scenario with pipeline.runtime');
  const program = compile(scenario);
  const agg = aggregatorFor(scenario.pipeline.aggregate);
  const totals = new Map<string, unknown>();
  let records = 0;
  for (let op = 0; op < program.length; op++) {
    if (program.kind[op] !== OP_RECORD) continue;
    const key = program.keys[program.keyId[op]];
    totals.set(key, agg.add(totals.has(key) ? totals.get(key) : agg.init(), program.value[op], records++));
  }
  const last = runtime.acking.groupings.length - 1;
  return groupings.map((grouping) => {
    const acking = { ...runtime.acking!, groupings: runtime.acking!.groupings.map((g, i) => (i === last ? grouping : g)) };
    const { runtime: trace } = run({ ...scenario, pipeline: { ...scenario.pipeline, runtime: { ...runtime, acking } } }, { trace: true });
    const stored = new Map(trace!.writes.map((w) => [w.row.key, w.row.value]));
    const keys = [...totals].map(([key, acc]) => ({ key, stored: stored.get(key), expected: agg.result(acc) }));
    return {
      grouping, keys,
      isCorrect: keys.every((k) => JSON.stringify(k.stored) === JSON.stringify(k.expected)),
      tasksUsed: new Set(trace!.writes.map((w) => w.task)).size,
      writesPerRecord: records === 0 ? 0 : trace!.writes.length / records,
    };
  });
}
