// R8.3: every random choice comes from one seeded generator that is passed down explicitly.

/** Uniform in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32 (Tommy Ettinger, public domain): 32-bit state, passes PractRand to 2^32 outputs — plenty for teaching
 * scenarios, and small enough to read. The seed is any safe integer; it is folded to 32 bits.
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  let state = (seed ^ Math.floor(seed / 0x1_0000_0000)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

/** An integer in [0, n). */
export const randomInt = (rng: Rng, n: number): number => Math.floor(rng() * n);

/** Exponential with the given mean (inverse transform; 1 − u avoids log(0)). */
export const randomExponential = (rng: Rng, mean: number): number => -Math.log(1 - rng()) * mean;
