// Seeded variants: an exercise says which parts of its scenario may vary and within which ranges; a seed picks
// one variant deterministically. Seed 1 is the scenario exactly as written, so the numbers in the prose match.
import { createRng, type Rng } from '../sim/index.ts';
import { setPath } from './paths.ts';

export interface RangeSpec { min: number; max: number; step: number }
/** One of a list of values, for a field that is not a single number (Kafka Streams' threads per instance). */
export interface ChoiceSpec { choices: unknown[] }

export interface VarySpec {
  /** Deal the scenario's arrival times to its events in a new order (which record arrives when). */
  order: boolean;
  /** Move each event time by a whole number of `tsStepMs` within ±`tsJitterMs`. */
  tsJitterMs: number;
  tsStepMs: number;
  /** Scenario fields (dotted paths) drawn from a range or a list, e.g. `pipeline.watermark.delay`. */
  params: Record<string, RangeSpec | ChoiceSpec>;
}

export const NO_VARIATION: VarySpec = { order: false, tsJitterMs: 0, tsStepMs: 1000, params: {} };

export const MAX_SEED = 2 ** 31 - 1;

interface RawEvent { arrivalMs: number; ts?: number; [field: string]: unknown }

/** The scenario JSON of variant `seed`; the result still goes through `parseScenario`. */
export function variantScenario(scenario: unknown, vary: VarySpec, seed: number): unknown {
  if (!Number.isInteger(seed) || seed < 1 || seed > MAX_SEED) throw new RangeError(`seed must be an integer from 1 to ${MAX_SEED}, got ${seed}`);
  const copy = structuredClone(scenario) as Record<string, unknown>;
  if (seed === 1) return copy;
  const rng = createRng(seed);
  for (const [path, range] of Object.entries(vary.params)) setPath(copy, path, pick(rng, range));
  const events = copy.events as RawEvent[] | undefined;
  if (!Array.isArray(events)) return copy;
  if (vary.tsJitterMs > 0) {
    const steps = Math.floor(vary.tsJitterMs / vary.tsStepMs);
    for (const event of events) {
      if (typeof event.ts === 'number') event.ts = Math.max(0, event.ts + (Math.floor(rng() * (2 * steps + 1)) - steps) * vary.tsStepMs);
    }
  }
  if (vary.order) dealArrivals(rng, events);
  // Events stay listed in arrival order, so the labels e1, e2, … still read in arrival order.
  copy.events = [...events].sort((a, b) => a.arrivalMs - b.arrivalMs);
  return copy;
}

function pick(rng: Rng, spec: RangeSpec | ChoiceSpec): unknown {
  if ('choices' in spec) return structuredClone(spec.choices[Math.floor(rng() * spec.choices.length)]);
  const { min, max, step } = spec;
  const choices = Math.floor((max - min) / step) + 1;
  return min + Math.floor(rng() * choices) * step;
}

/**
 * Deals the scenario's arrival times to its events in a seeded order. Each slot goes to a random event that has
 * already happened by then (event time ≤ arrival), so no record arrives before it was made.
 */
function dealArrivals(rng: Rng, events: RawEvent[]): void {
  const slots = events.map((e) => e.arrivalMs).sort((a, b) => a - b);
  const waiting = [...events].sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));
  for (const slot of slots) {
    const ready = waiting.filter((e) => (e.ts ?? 0) <= slot);
    const event = ready.length > 0 ? ready[Math.floor(rng() * ready.length)] : waiting[0];
    waiting.splice(waiting.indexOf(event), 1);
    event.arrivalMs = slot;
  }
}

