// A learner's "crash this task" or "GC pause" is data: a new entry in the scenario's `pipeline.runtime.failures`
// (spec §7, STYLE §1), never a change to a run. The embedding component re-runs the scenario it gets back.
import type { RawScenario } from '../sim/controls.ts';
import { formatMs } from '../sim/time.ts';

export interface Intervention {
  atMs: number;
  kind: 'crash' | 'gc-pause';
  operator: string;
  subtask: number;
  durationMs?: number;
}

/** The pause a "GC pause" button asks for: long enough to back the job up, shorter than a heartbeat timeout. */
export const GC_PAUSE_MS = 2000;

type RawRuntime = Record<string, unknown> & { failures?: unknown[] };

function runtimeOf(scenario: RawScenario): RawRuntime {
  const pipeline = scenario.pipeline as Record<string, unknown> | undefined;
  return (pipeline?.runtime ?? {}) as RawRuntime;
}

/** The scenario's failures as given (the parser checks them; here they are only listed and removed). */
export function interventionsOf(scenario: RawScenario): unknown[] {
  const failures = runtimeOf(scenario).failures;
  return Array.isArray(failures) ? failures : [];
}

function withFailures(scenario: RawScenario, failures: unknown[]): RawScenario {
  const pipeline = (scenario.pipeline ?? {}) as Record<string, unknown>;
  return { ...scenario, pipeline: { ...pipeline, runtime: { ...runtimeOf(scenario), failures } } };
}

export function addIntervention(scenario: RawScenario, intervention: Intervention): RawScenario {
  return withFailures(scenario, [...interventionsOf(scenario), { ...intervention, atMs: Math.round(intervention.atMs) }]);
}

export function removeIntervention(scenario: RawScenario, index: number): RawScenario {
  return withFailures(scenario, interventionsOf(scenario).filter((_, i) => i !== index));
}

/** "crash window-1 at 1.5 s", "GC pause of 2 s in window-0 at 3 s"; anything else by its kind. */
export function describeIntervention(failure: unknown): string {
  const f = (failure ?? {}) as Partial<Intervention> & { kind?: string };
  const task = `${f.operator ?? '?'}-${f.subtask ?? 0}`;
  const at = typeof f.atMs === 'number' ? ` at ${formatMs(f.atMs)}` : '';
  if (f.kind === 'gc-pause') return `GC pause of ${formatMs(f.durationMs ?? NaN)} in ${task}${at}`;
  return `${f.kind ?? 'crash'} of ${task}${at}`;
}
