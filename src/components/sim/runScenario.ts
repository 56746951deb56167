// One run of a scenario for the views: parse (the simulator's own validation), run with the trace, index it.
// Shared by the inline path and the Web Worker so both give the same answer and the same messages.
import { parseScenario, run, type RuntimeTrace, type Scenario, type Trace } from '../../sim/index.ts';

export type RunOutcome =
  | { ok: true; scenario: Scenario; trace: Trace; runtime?: RuntimeTrace }
  | { ok: false; error: string };

/** `onProgress(done, total)` hears from the simulator's loop about a hundred times (not from runtime, join or CEP runs). */
export function runScenario(input: unknown, onProgress?: (done: number, total: number) => void): RunOutcome {
  const parsed = parseScenario(input);
  if (!parsed.ok) return { ok: false, error: parsed.kind === 'unsupported' ? `Not supported: ${parsed.error.replace(/^unsupported: /, '')}` : parsed.error };
  try {
    const { trace, runtime } = run(parsed.scenario, { trace: true, ...(onProgress ? { onProgress } : {}) });
    return { ok: true, scenario: parsed.scenario, trace: trace!, ...(runtime ? { runtime } : {}) };
  } catch (error) {
    return { ok: false, error: `The simulator stopped: ${(error as Error).message}` };
  }
}

/** How many records a scenario's events or generator will produce, read before running it (inline or worker?). */
export function inputSize(input: unknown): number {
  if (typeof input !== 'object' || input === null) return 0;
  const scenario = input as { events?: unknown; generator?: { count?: unknown } };
  const events = Array.isArray(scenario.events) ? scenario.events.length : 0;
  const generated = typeof scenario.generator?.count === 'number' ? scenario.generator.count : 0;
  return events + generated;
}
