// One traced run of a runtime scenario (`pipeline.runtime`) for the views, with the simulator's own validation
// messages worded as the other simulation embeds word them. Runtime runs are small enough to run inline.
import { parseScenario, run, type Scenario, type Trace } from '../../sim/index.ts';
import type { RuntimeTrace } from '../../sim/runtime/types.ts';
import type { Timeline } from '../sim/playback.svelte.ts';
import { buildTraceIndex, type TraceIndex } from '../sim/traceIndex.ts';
import { runtimeMoments } from './runtimeAt.ts';

export interface RuntimeRan { scenario: Scenario; trace: Trace; index: TraceIndex; runtime: RuntimeTrace; timeline: Timeline }
export type RuntimeOutcome = { ok: true; ran: RuntimeRan } | { ok: false; error: string };

export function runRuntimeScenario(input: unknown): RuntimeOutcome {
  const parsed = parseScenario(input);
  if (!parsed.ok) return { ok: false, error: parsed.kind === 'unsupported' ? `Not supported: ${parsed.error.replace(/^unsupported: /, '')}` : parsed.error };
  if (!parsed.scenario.pipeline.runtime) return { ok: false, error: 'This scenario has no pipeline.runtime, so there is no job for the dataflow, checkpoint and metrics views to show.' };
  try {
    const { trace, runtime } = run(parsed.scenario, { trace: true });
    const timeline = { momentsMs: runtimeMoments(runtime!, trace!.records.procTimeMs.subarray(0, trace!.records.length)), startMs: 0, endMs: runtime!.endProcTimeMs };
    return { ok: true, ran: { scenario: parsed.scenario, trace: trace!, index: buildTraceIndex(trace!), runtime: runtime!, timeline } };
  } catch (error) {
    return { ok: false, error: `The simulator stopped: ${(error as Error).message}` };
  }
}
