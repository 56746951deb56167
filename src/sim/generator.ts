// Seeded event generator for scenarios (`generator` field): arrival rate with bursts, key skew, disorder, partitions
// and idle periods. Columns, not objects, so a 2,000,000-record input costs tens of megabytes.
import { createRng, randomExponential, randomInt, type Rng } from './rng.ts';
import type { Disorder, GeneratorSpec, KeyDistribution } from './types.ts';

export interface GeneratedEvents {
  count: number;
  keys: string[];
  /** Sorted by arrival (processing) time; ties keep generation order. */
  arrivalMs: Float64Array;
  ts: Float64Array;
  keyId: Int32Array;
  partition: Int32Array;
  value: Float64Array;
}

function keyPicker(rng: Rng, count: number, distribution: KeyDistribution): () => number {
  switch (distribution.type) {
    case 'uniform':
      return () => randomInt(rng, count);
    case 'hot':
      // Key 0 takes `hotShare` of the traffic; the rest is spread evenly over the other keys.
      return () => (count === 1 || rng() < distribution.hotShare ? 0 : 1 + randomInt(rng, count - 1));
    case 'zipf': {
      const cumulative = new Float64Array(count);
      let total = 0;
      for (let rank = 0; rank < count; rank++) cumulative[rank] = total += 1 / Math.pow(rank + 1, distribution.exponent);
      return () => {
        const u = rng() * total;
        let lo = 0;
        let hi = count - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (cumulative[mid] <= u) lo = mid + 1;
          else hi = mid;
        }
        return lo;
      };
    }
  }
}

function delayPicker(rng: Rng, disorder: Disorder): () => number {
  switch (disorder.type) {
    case 'none': return () => 0;
    case 'uniform': return () => randomInt(rng, disorder.maxDelayMs + 1);
    case 'exponential':
      return () => Math.min(disorder.maxDelayMs, Math.floor(randomExponential(rng, disorder.meanDelayMs)));
    case 'bursty':
      return () => (rng() < disorder.share ? randomInt(rng, disorder.maxDelayMs + 1) : 0);
  }
}

/** Event time advances at the current rate (bursts override it); arrival = event time + delay. */
export function generateEvents(spec: GeneratorSpec, seed: number): GeneratedEvents {
  const rng = createRng(seed);
  const { count } = spec;
  const pickKey = keyPicker(rng, spec.keys.count, spec.keys.distribution);
  const pickDelay = delayPicker(rng, spec.disorder);
  const keys = Array.from({ length: spec.keys.count }, (_, i) => `${spec.keys.prefix}${i}`);
  const ts = new Float64Array(count);
  const arrival = new Float64Array(count);
  const keyId = new Int32Array(count);
  const value = new Float64Array(count);
  const spread = spec.values.max - spec.values.min + 1;
  let clock = spec.startMs;
  for (let i = 0; i < count; i++) {
    const burst = spec.bursts.find((b) => clock >= b.atMs && clock < b.atMs + b.durationMs);
    clock += 1000 / (burst ? burst.ratePerSec : spec.ratePerSec);
    ts[i] = Math.floor(clock);
    keyId[i] = pickKey();
    value[i] = spec.values.min + randomInt(rng, spread);
    arrival[i] = ts[i] + pickDelay();
  }
  const partition = new Int32Array(count);
  for (let i = 0; i < count; i++) partition[i] = keyId[i] % spec.partitions;
  // An idle partition delivers nothing during its idle period; its backlog arrives when the period ends.
  for (const idle of spec.idle) {
    for (let i = 0; i < count; i++) {
      if (partition[i] === idle.partition && arrival[i] >= idle.fromMs && arrival[i] < idle.toMs) arrival[i] = idle.toMs;
    }
  }
  const order = Uint32Array.from({ length: count }, (_, i) => i).sort((a, b) => arrival[a] - arrival[b] || a - b);
  const pick = <A extends Float64Array | Int32Array>(column: A): A => {
    const sorted = new (column.constructor as new (n: number) => A)(count);
    for (let i = 0; i < count; i++) sorted[i] = column[order[i]];
    return sorted;
  };
  return { count, keys, arrivalMs: pick(arrival), ts: pick(ts), keyId: pick(keyId), partition: pick(partition), value: pick(value) };
}
