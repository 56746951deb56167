// The sandbox as data: one input (events or a seeded generator, plus steps) shared by configuration A and, when
// comparing, configuration B (profile + pipeline). Every learner action returns a new state; the scenarios the
// simulator runs are built from it, in the same format lessons use (STYLE §6).
import { generateEvents, parseScenario, type GeneratorSpec } from '../../sim/index.ts';
import type { RawScenario } from '../sim/controls.ts';
import { addIntervention, removeIntervention, type Intervention } from '../runtime/interventions.ts';

export interface Configuration { profile: unknown; pipeline: unknown }
export interface SandboxState {
  /** Configuration A's full scenario; its input is B's input too. */
  scenario: RawScenario;
  /** Configuration B, when comparing. */
  compare?: Configuration;
  /** Processing time to show, in ms. */
  atMs: number;
}

export interface RawEvent { key?: string; value?: number | string; ts?: number; partition?: number; arrivalMs: number }

export const configurationOf = (scenario: RawScenario): Configuration => ({ profile: scenario.profile, pipeline: structuredClone(scenario.pipeline) });

/** The scenario a side runs: A as it is; B is A's input under B's configuration. */
export function scenarioFor(state: SandboxState, side: 'a' | 'b'): RawScenario {
  if (side === 'a' || !state.compare) return state.scenario;
  return { ...state.scenario, profile: state.compare.profile, pipeline: state.compare.pipeline };
}

export function eventsOf(scenario: RawScenario): RawEvent[] | undefined {
  return Array.isArray(scenario.events) ? (scenario.events as RawEvent[]) : undefined;
}

function withEvents(scenario: RawScenario, events: RawEvent[]): RawScenario {
  return { ...scenario, events };
}

/** Moves event `index` (its position in `events`, which is the trace's `step` for it) to a new time. */
export function moveEvent(scenario: RawScenario, index: number, to: { ts: number; arrivalMs: number }): RawScenario {
  const events = eventsOf(scenario);
  if (!events?.[index]) return scenario;
  const next = events.slice();
  next[index] = { ...events[index], ts: Math.round(to.ts), arrivalMs: Math.max(0, Math.round(to.arrivalMs)) };
  return withEvents(scenario, next);
}

export function removeEvent(scenario: RawScenario, index: number): RawScenario {
  const events = eventsOf(scenario);
  if (!events?.[index]) return scenario;
  return withEvents(scenario, events.filter((_, i) => i !== index));
}

/** A new event like the last one (same key and value) at the given times. */
export function addEvent(scenario: RawScenario, at: { ts: number; arrivalMs: number }, template: Partial<RawEvent> = {}): RawScenario {
  const events = eventsOf(scenario) ?? [];
  const last: Partial<RawEvent> = events.at(-1) ?? {};
  return withEvents(scenario, [...events, { key: last.key ?? '', value: last.value ?? 1, partition: last.partition ?? 0, ...template, ts: Math.round(at.ts), arrivalMs: Math.max(0, Math.round(at.arrivalMs)) }]);
}

/** Up to this many generated records can become editable events (beyond it, dragging would not stay fluid). */
export const MAX_EDITABLE_EVENTS = 5000;

/** Replaces a generator by the events it generates under the scenario's seed, so each record can be edited. */
export function materialise(scenario: RawScenario): { ok: true; scenario: RawScenario } | { ok: false; error: string } {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const spec: GeneratorSpec | undefined = parsed.scenario.generator;
  if (!spec) return { ok: true, scenario };
  if (spec.count > MAX_EDITABLE_EVENTS) return { ok: false, error: `Only up to ${MAX_EDITABLE_EVENTS.toLocaleString('en')} records can be edited one by one; this generator makes ${spec.count.toLocaleString('en')}.` };
  const generated = generateEvents(spec, parsed.scenario.seed);
  const events: RawEvent[] = Array.from({ length: generated.count }, (_, i) => ({
    key: generated.keys[generated.keyId[i]], value: generated.value[i], ts: generated.ts[i], partition: generated.partition[i], arrivalMs: generated.arrivalMs[i],
  }));
  const { generator: _generator, ...rest } = scenario;
  return { ok: true, scenario: { ...rest, events } };
}

/** Join and CEP pipelines have their own views and no sandbox controls; every other pipeline is windowed. */
export function patternKind(scenario: RawScenario): 'join' | 'cep' | undefined {
  const pipeline = scenario.pipeline as { join?: unknown; cep?: unknown } | undefined;
  return pipeline?.join ? 'join' : pipeline?.cep ? 'cep' : undefined;
}

/** Where a failure picked in a dataflow view goes while comparing: configuration A, B, or both. */
export type FailureTarget = 'a' | 'b' | 'both';

/**
 * Adds a failure to the chosen configurations (only A when not comparing). A side the failure does not fit (B has
 * no such task, say) keeps its scenario, and is named in `refused` with the simulator's reason.
 */
export function applyFailure(state: SandboxState, failure: Intervention, target: FailureTarget): { state: SandboxState; refused: { side: 'a' | 'b'; error: string }[] } {
  const sides: ('a' | 'b')[] = !state.compare ? ['a'] : target === 'both' ? ['a', 'b'] : [target];
  const refused: { side: 'a' | 'b'; error: string }[] = [];
  let next = state;
  for (const side of sides) {
    const candidate = addIntervention(scenarioFor(next, side), failure);
    const parsed = parseScenario(candidate);
    if (!parsed.ok) refused.push({ side, error: parsed.error });
    else next = side === 'a' ? { ...next, scenario: candidate } : { ...next, compare: configurationOf(candidate) };
  }
  return { state: next, refused };
}

export function removeFailure(state: SandboxState, side: 'a' | 'b', index: number): SandboxState {
  const scenario = removeIntervention(scenarioFor(state, side), index);
  return side === 'a' ? { ...state, scenario } : { ...state, compare: configurationOf(scenario) };
}
