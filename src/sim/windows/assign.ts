// Window assignment for aligned windows (spec §2). Starts are written into a caller's buffer: no allocation per record.

/** floorMod: the non-negative remainder (spec §0 notation; Java's truncating % must not be copied). */
export const floorMod = (a: number, b: number): number => ((a % b) + b) % b;

/**
 * R2.2 tumbling: s = t − floorMod(t − o, S). Computed with a division (much cheaper than two float remainders on
 * the hot path), then corrected by one window so the result is exact for every safe integer.
 */
export function tumblingStart(t: number, size: number, offset: number): number {
  const x = t - offset;
  let start = Math.floor(x / size) * size;
  if (start > x) start -= size;
  else if (x - start >= size) start += size;
  return start + offset;
}

/**
 * R2.3 Flink / Beam / Spark hopping windows: starts last, last − P, … while start > t − S, in descending-start order
 * (Flink and Beam return them so). Returns how many starts were written.
 */
export function slidingStarts(t: number, size: number, slide: number, offset: number, out: number[]): number {
  const last = t - floorMod(t - offset, slide);
  let n = 0;
  for (let start = last; start > t - size; start -= slide) out[n++] = start;
  return n;
}

/** R2.4 Kafka Streams TimeWindows.advanceBy: ascending, no window starts before 0. */
export function kafkaHoppingStarts(t: number, size: number, advance: number, out: number[]): number {
  let start = Math.floor(Math.max(0, t - size + advance) / advance) * advance;
  let n = 0;
  for (; start <= t; start += advance) out[n++] = start;
  return n;
}
