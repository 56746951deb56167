import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultMaxParallelism, hashCodeOf, keyGroupOf, keyGroupRange, murmur, subtaskOfKeyGroup } from '../../../../src/sim/runtime/keyGroups.ts';

describe('keys, key groups and subtasks (R7.1–R7.3)', () => {
  // R7.3: check values from a Java run of Flink's KeyGroupRangeAssignment, max parallelism 128.
  const table: [string | number, number, number, number, number, number, number][] = [
    ['a', 97, 1455541201, 81, 1, 1, 2],
    ['b', 98, 516420758, 22, 0, 0, 0],
    ['c', 99, 1219591486, 62, 0, 1, 1],
    ['user-1', -836031825, 1662039673, 121, 1, 2, 3],
    [1, 1, 68075478, 86, 1, 2, 2],
    [42, 42, 1134849565, 29, 0, 0, 0],
  ];
  for (const [key, hash, mixed, group, p2, p3, p4] of table) {
    it(`sends key ${JSON.stringify(key)} to key group ${group} and to subtasks ${p2}, ${p3}, ${p4} at parallelism 2, 3, 4 (R7.3)`, () => {
      expect(hashCodeOf(key)).toBe(hash);
      expect(murmur(hash)).toBe(mixed);
      expect(keyGroupOf(key, 128)).toBe(group);
      expect([2, 3, 4].map((p) => subtaskOfKeyGroup(group, p, 128))).toEqual([p2, p3, p4]);
    });
  }

  it('picks the default max parallelism from the operator parallelism (R7.2)', () => {
    expect([1, 85, 86, 170, 172, 1000, 30_000].map(defaultMaxParallelism)).toEqual([128, 128, 256, 256, 512, 2048, 32_768]);
  });

  it('gives every key group to exactly the subtask that the key-group formula names (R7.1, R7.2)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 3 }), (p, extra) => {
      const M = Math.max(p, defaultMaxParallelism(p) * 2 ** extra);
      let next = 0;
      for (let s = 0; s < p; s++) {
        const { first, last } = keyGroupRange(s, p, M);
        expect(first).toBe(next);
        for (const g of [first, last]) expect(subtaskOfKeyGroup(g, p, M)).toBe(s);
        next = last + 1;
      }
      expect(next).toBe(M);
    }), { numRuns: 100 });
  });

  it('keeps murmur non-negative for every 32-bit input', () => {
    fc.assert(fc.property(fc.integer({ min: -0x8000_0000, max: 0x7fff_ffff }), (x) => {
      expect(murmur(x)).toBeGreaterThanOrEqual(0);
    }), { numRuns: 2000 });
  });
});
