// Aggregate functions over a window's contents (vectors.md, pipeline field `aggregate`).
// Accumulators are plain values so numeric aggregates cost no allocation per record.
import type { AggregateSpec, PaneValue, Reducer, Value } from './types.ts';

export interface Aggregator<A = unknown> {
  /** Only numbers may be added (parseScenario checks record values against this). */
  readonly isNumeric: boolean;
  init(): A;
  add(acc: A, value: Value, record: number): A;
  /** Session merges: `a` holds the older window. */
  merge(a: A, b: A): A;
  result(acc: A): PaneValue;
}

const count: Aggregator<number> = {
  isNumeric: false,
  init: () => 0,
  add: (acc) => acc + 1,
  merge: (a, b) => a + b,
  result: (acc) => acc,
};

const sum: Aggregator<number> = {
  isNumeric: true,
  init: () => 0,
  add: (acc, value) => acc + (value as number),
  merge: (a, b) => a + b,
  result: (acc) => acc,
};

// NaN marks "no value yet", so min/max of an empty pane is null rather than ±Infinity (which JSON cannot carry).
const extreme = (pick: (a: number, b: number) => number): Aggregator<number> => ({
  isNumeric: true,
  init: () => NaN,
  add: (acc, value) => (Number.isNaN(acc) ? (value as number) : pick(acc, value as number)),
  merge: (a, b) => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : pick(a, b)),
  result: (acc) => (Number.isNaN(acc) ? null : acc),
});

interface Mean { sum: number; count: number }
const average: Aggregator<Mean> = {
  isNumeric: true,
  init: () => ({ sum: 0, count: 0 }),
  add: (acc, value) => ({ sum: acc.sum + (value as number), count: acc.count + 1 }),
  merge: (a, b) => ({ sum: a.sum + b.sum, count: a.count + b.count }),
  result: (acc) => (acc.count === 0 ? null : acc.sum / acc.count),
};

/** Values with the record index that brought them, so merged sessions keep arrival order. */
interface Collected { records: number[]; values: Value[] }

const collect = (finish: (values: Value[]) => PaneValue): Aggregator<Collected> => ({
  isNumeric: false,
  init: () => ({ records: [], values: [] }),
  add: (acc, value, record) => {
    acc.records.push(record);
    acc.values.push(value);
    return acc;
  },
  merge: (a, b) => {
    const merged: Collected = { records: [], values: [] };
    let i = 0;
    let j = 0;
    while (i < a.records.length || j < b.records.length) {
      const takeA = j >= b.records.length || (i < a.records.length && a.records[i] < b.records[j]);
      merged.records.push(takeA ? a.records[i] : b.records[j]);
      merged.values.push(takeA ? a.values[i++] : b.values[j++]);
    }
    return merged;
  },
  result: (acc) => finish(acc.values),
});

// vectors.md: `list` = values sorted ascending (numbers before strings, R8.1).
export const compareValues = (a: Value, b: Value): number => {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
};

const list = collect((values) => [...values].sort(compareValues));

const concat = (init: string, separator: string) =>
  collect((values) => [init, ...values.map(String)].join(separator));

const reducers = new Map<string, Reducer>();

/** Makes `{ "type": "reducer", "name": name }` available to scenarios parsed after this call. */
export function registerReducer<A>(name: string, reducer: Reducer<A>): void {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new RangeError(`reducer name must be lower-case kebab, got "${name}"`);
  reducers.set(name, reducer as Reducer);
}

export const hasReducer = (name: string): boolean => reducers.has(name);

function fromReducer(reducer: Reducer): Aggregator {
  return { isNumeric: false, init: reducer.init, add: reducer.add, merge: reducer.merge, result: reducer.result };
}

export function aggregatorFor(spec: AggregateSpec): Aggregator {
  switch (spec.type) {
    case 'count': return count as Aggregator;
    case 'sum': return sum as Aggregator;
    case 'min': return extreme(Math.min) as Aggregator;
    case 'max': return extreme(Math.max) as Aggregator;
    case 'average': return average as Aggregator;
    case 'list': return list as Aggregator;
    case 'concat': return concat(spec.init, spec.separator) as Aggregator;
    case 'reducer': {
      const reducer = reducers.get(spec.name);
      if (!reducer) throw new RangeError(`no reducer named "${spec.name}" is registered`);
      return fromReducer(reducer);
    }
  }
}
