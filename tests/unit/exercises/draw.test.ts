// Seeded card draws: the same seed gives the same cards, and a rule no draw can meet fails with a clear error.
import { describe, expect, it } from 'vitest';
import { drawUntil, pick } from '../../../src/exercises/questions/draw.ts';
import { createRng } from '../../../src/sim/index.ts';

describe('card draws', () => {
  it('gives the same picks for the same seed', () => {
    const draw = (seed: number) => { const rng = createRng(seed); return Array.from({ length: 8 }, () => pick(rng, ['a', 'b', 'c'])); };
    expect(draw(42)).toEqual(draw(42));
  });

  it('keeps drawing until the rule holds', () => {
    const rng = createRng(7);
    expect(drawUntil(() => pick(rng, [1, 2, 3, 4, 5, 6]), (n) => n === 6, 'six')).toBe(6);
  });

  it('names what it could not draw instead of looping for ever', () => {
    expect(() => drawUntil(() => 1, (n) => n === 2, 'set of joins')).toThrow('no usable set of joins in 1000 draws');
  });
});
