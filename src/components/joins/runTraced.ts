// One traced run of a join or CEP scenario (a value, or JSON text) for the views, with the simulator's own validation messages, worded
// as the other simulation embeds word them. A scenario without the pipeline the view needs is an error, not a blank.
import { parseScenario, runCep, runJoin, type CepTrace, type JoinTrace } from '../../sim/index.ts';

export type Traced<T> = { ok: true; trace: T } | { ok: false; error: string };

export function runTraced(input: unknown, pipeline: 'join'): Traced<JoinTrace>;
export function runTraced(input: unknown, pipeline: 'cep'): Traced<CepTrace>;
export function runTraced(input: unknown, pipeline: 'join' | 'cep'): Traced<JoinTrace | CepTrace> {
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input);
    } catch (error) {
      return { ok: false, error: `The scenario is not valid JSON: ${(error as Error).message}` };
    }
  }
  const parsed = parseScenario(input);
  if (!parsed.ok) return { ok: false, error: parsed.kind === 'unsupported' ? `Not supported: ${parsed.error.replace(/^unsupported: /, '')}` : parsed.error };
  if (!parsed.scenario.pipeline[pipeline]) return { ok: false, error: `This scenario has no pipeline.${pipeline}, so there is nothing for the ${pipeline === 'join' ? 'join' : 'pattern'} view to show.` };
  try {
    const run = pipeline === 'join' ? runJoin(parsed.scenario, { trace: true }) : runCep(parsed.scenario, { trace: true });
    return { ok: true, trace: run.trace! };
  } catch (error) {
    return { ok: false, error: `The simulator stopped: ${(error as Error).message}` };
  }
}
