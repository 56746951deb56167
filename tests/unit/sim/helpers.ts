import { parseScenario, run } from '../../../src/sim/index.ts';
import type { EmittedEntry, LateEntry, Run } from '../../../src/sim/index.ts';

/** Runs a vector given as a plain object; fails the test with the parse error if it does not parse. */
export function runVector(vector: Record<string, unknown>, trace = false): Run {
  const parsed = parseScenario({ format: 'eventide.vector/1', name: 'test', ...vector });
  if (!parsed.ok) throw new Error(parsed.error);
  return run(parsed.scenario, { trace });
}

/** Record steps whose value equals their timestamp (count ignores it; list and sum show it). */
export const records = (key: string, ...ts: number[]) => ts.map((t) => ({ record: { key, ts: t, value: t } }));

/** The fields a test cares about, so expectations read like the spec's tables. */
export const brief = (entries: EmittedEntry[]) =>
  entries.map((e) => ({ step: e.step, start: e.start, end: e.end, value: e.value, ...(e.timing ? { timing: e.timing } : {}), ...(e.retract ? { retract: true } : {}) }));
export const lateSteps = (entries: LateEntry[]) => entries.map((e) => ({ step: e.step, ts: e.ts }));

export function parseError(vector: Record<string, unknown>): string {
  const parsed = parseScenario({ format: 'eventide.vector/1', name: 'test', ...vector });
  if (parsed.ok) throw new Error('expected the vector to be rejected');
  return `${parsed.kind}: ${parsed.error}`;
}
