// Keys → key groups → subtasks, the way Flink spreads keyed state over parallel subtasks (spec R7.1, R7.2;
// Flink KeyGroupRangeAssignment and MathUtils.murmurHash). Key groups are the unit that moves when a job rescales.

/** Java's String.hashCode: h = 31·h + charCode over UTF-16 units, in 32-bit arithmetic. */
export function javaHashCode(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(31, h) + key.charCodeAt(i)) | 0;
  return h;
}

/** R7.1: the value itself for a 32-bit integer key (vectors carry keys as strings, so "42" is the string "42"). */
export const hashCodeOf = (key: string | number): number => (typeof key === 'number' ? key | 0 : javaHashCode(key));

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

/** R7.1: Murmur3-32 of the single 4-byte block `code`, seed 0, made non-negative (MIN_VALUE → 0). */
export function murmur(code: number): number {
  let k = Math.imul(code, 0xcc9e2d51);
  k = rotl(k, 15);
  k = Math.imul(k, 0x1b873593);
  let h = rotl(k, 13);
  h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  h ^= 4;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  if (h >= 0) return h;
  return h === -0x8000_0000 ? 0 : -h;
}

/** R7.1: keyGroup = murmur(hashCode(key)) mod maxParallelism. */
export const keyGroupOf = (key: string | number, maxParallelism: number): number => murmur(hashCodeOf(key)) % maxParallelism;

/** R7.1: the subtask that owns a key group: ⌊keyGroup · parallelism / maxParallelism⌋. */
export const subtaskOfKeyGroup = (keyGroup: number, parallelism: number, maxParallelism: number): number =>
  Math.floor((keyGroup * parallelism) / maxParallelism);

const roundUpPow2 = (n: number): number => 2 ** Math.ceil(Math.log2(Math.max(1, n)));

/** R7.2: min(max(roundUpPow2(p + ⌊p/2⌋), 128), 32768). */
export const defaultMaxParallelism = (parallelism: number): number =>
  Math.min(Math.max(roundUpPow2(parallelism + Math.floor(parallelism / 2)), 128), 32_768);

/** R7.2: subtask i owns key groups ⌈i·M/p⌉ … ⌊((i+1)·M − 1)/p⌋ (inclusive). */
export function keyGroupRange(subtask: number, parallelism: number, maxParallelism: number): { first: number; last: number } {
  return {
    first: Math.ceil((subtask * maxParallelism) / parallelism),
    last: Math.floor(((subtask + 1) * maxParallelism - 1) / parallelism),
  };
}
