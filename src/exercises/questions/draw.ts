// Seeded draws for questions whose variants are cards (queries, joins, claims, use cases) rather than records:
// the scenario's `seed` picks them, so a variant is reproducible and "New variant" changes the cards.
import type { Rng } from '../../sim/index.ts';

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

/** Draws until `accept` holds, so every variant can be answered (e.g. not all choices right or all wrong). */
export function drawUntil<T>(draw: () => T, accept: (value: T) => boolean, what: string): T {
  const MAX_TRIES = 1000;
  for (let i = 0; i < MAX_TRIES; i++) {
    const value = draw();
    if (accept(value)) return value;
  }
  throw new Error(`no usable ${what} in ${MAX_TRIES} draws`);
}
