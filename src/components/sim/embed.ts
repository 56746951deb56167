// What every simulation embed (lesson simulations, runtime, joins/CEP, the sandbox) starts from.
import { motion } from '../../app/settings/appearance.svelte.ts';
import type { RawScenario } from './controls.ts';
import { Playback } from './playback.svelte.ts';

/** A playback with nothing to play yet, following the learner's reduced-motion and speed settings. */
export function learnerPlayback(): Playback {
  return new Playback({ momentsMs: [], startMs: 0, endMs: 0 }, { isMotionReduced: () => motion.reduced, speed: motion.speed });
}

/** A scenario given as JSON text or as data; text that is not JSON becomes a scenario the parser rejects by name. */
export function rawScenarioOf(source: string | RawScenario): RawScenario {
  if (typeof source !== 'string') return source;
  try {
    return JSON.parse(source) as RawScenario;
  } catch (error) {
    return { invalidJson: (error as Error).message };
  }
}
