// A scenario becomes one flat program: columns of operations in input order, keys interned to numbers.
// Vectors, explicit events and generators all end up here, so one engine loop runs them all.
import { generateEvents } from './generator.ts';
import type { InputRecord, Scenario, Value } from './types.ts';

export const OP_RECORD = 0;
export const OP_WATERMARK = 1;
export const OP_ADVANCE = 2;
export const OP_END = 3;
/** A `crash` step (runtime): `arg` is its index in scenario.steps. */
export const OP_CRASH = 4;

export interface Program {
  length: number;
  kind: Uint8Array;
  /** The step index results are reported under (vectors.md "Result"). */
  step: Int32Array;
  /** Absolute arrival time (scenario events), NaN for "now" (vector steps). */
  atMs: Float64Array;
  ts: Float64Array;
  keyId: Int32Array;
  partition: Int32Array;
  value: ArrayLike<Value>;
  /** Watermark value (partition −1 = every partition) or advance amount. */
  arg: Float64Array;
  /** Records of one `batch` step share an id ≥ 0; −1 otherwise. */
  batch: Int32Array;
  /** Join input of a record or watermark: 0 left (and every non-join record), 1 right, −1 every input. */
  stream: Int8Array;
  keys: string[];
  /** R8.1: position of each key in the deterministic key order. */
  keyRank: Int32Array;
}

class KeyTable {
  readonly keys: string[] = [];
  private readonly ids = new Map<string, number>();
  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
    }
    return id;
  }
}

// R8.1: keys are strings in vectors; strings order by UTF-16 code units (JS <).
function rankKeys(keys: string[]): Int32Array {
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  const rank = new Int32Array(keys.length);
  order.forEach((id, position) => (rank[id] = position));
  return rank;
}

function allocate(length: number, keys: string[]): Program {
  return {
    length, keys, keyRank: new Int32Array(0),
    kind: new Uint8Array(length), step: new Int32Array(length), atMs: new Float64Array(length).fill(NaN),
    ts: new Float64Array(length), keyId: new Int32Array(length), partition: new Int32Array(length),
    value: new Array<Value>(length), arg: new Float64Array(length), batch: new Int32Array(length).fill(-1),
    stream: new Int8Array(length),
  };
}

/**
 * Whether the record at `op` closes its micro-batch: a record outside a `batch` step is a batch of its own, and a
 * `batch` step's rows run together after its last one (R3.19).
 */
export function closesBatch(program: Program, op: number): boolean {
  const { batch, step } = program;
  return batch[op] < 0 || op + 1 >= program.length || batch[op + 1] !== batch[op] || step[op + 1] !== step[op];
}

export function compile(scenario: Scenario): Program {
  if (scenario.generator) return compileGenerated(scenario);
  const table = new KeyTable();
  const events = scenario.events ?? [];
  const recordCount = scenario.steps.reduce((n, s) => n + (s.kind === 'batch' ? s.records.length : 1), 0);
  const program = allocate(events.length + recordCount, table.keys);
  const values = program.value as Value[];
  let op = 0;
  const putRecord = (record: InputRecord, step: number, atMs: number, batch: number) => {
    program.kind[op] = OP_RECORD;
    program.step[op] = step;
    program.atMs[op] = atMs;
    program.ts[op] = record.ts;
    program.keyId[op] = table.id(record.key);
    program.partition[op] = record.partition;
    values[op] = record.value;
    program.batch[op] = batch;
    program.stream[op] = record.stream === 'right' ? 1 : 0;
    op++;
  };
  // Scenario events arrive in arrival order (ties keep list order); results name them by their list index.
  const order = events.map((_, i) => i).sort((a, b) => events[a].arrivalMs - events[b].arrivalMs || a - b);
  for (const i of order) putRecord(events[i], i, events[i].arrivalMs, -1);
  scenario.steps.forEach((step, index) => {
    const stepIndex = events.length + index;
    switch (step.kind) {
      case 'record': putRecord(step.record, stepIndex, step.atMs ?? NaN, -1); break;
      case 'batch': for (const r of step.records) putRecord(r, stepIndex, step.atMs ?? NaN, index); break;
      case 'watermark':
        program.kind[op] = OP_WATERMARK;
        program.arg[op] = step.wm;
        program.partition[op] = step.partition ?? -1;
        program.stream[op] = step.stream === undefined ? -1 : step.stream === 'right' ? 1 : 0;
        program.step[op++] = stepIndex;
        break;
      case 'advance':
        program.kind[op] = OP_ADVANCE;
        program.arg[op] = step.byMs;
        program.step[op++] = stepIndex;
        break;
      case 'end':
        program.kind[op] = OP_END;
        program.step[op++] = stepIndex;
        break;
      case 'crash':
        program.kind[op] = OP_CRASH;
        program.arg[op] = index;
        program.step[op++] = stepIndex;
        break;
    }
  });
  program.length = op;
  program.keyRank = rankKeys(table.keys);
  return program;
}

function compileGenerated(scenario: Scenario): Program {
  const generated = generateEvents(scenario.generator!, scenario.seed);
  const n = generated.count;
  const tail = compile({ ...scenario, generator: undefined, events: undefined });
  const program = allocate(n + tail.length, generated.keys);
  program.kind.set(tail.kind, n);
  program.atMs.set(generated.arrivalMs);
  program.atMs.set(tail.atMs, n);
  program.ts.set(generated.ts);
  program.ts.set(tail.ts, n);
  program.keyId.set(generated.keyId);
  program.partition.set(generated.partition);
  program.partition.set(tail.partition, n);
  program.arg.set(tail.arg, n);
  program.batch.set(tail.batch, n);
  program.stream.set(tail.stream, n);
  const values = generated.value as unknown as Value[];
  program.value = tail.length === 0 ? values : [...values, ...Array.from(tail.value)];
  for (let i = 0; i < n; i++) program.step[i] = i;
  for (let i = 0; i < tail.length; i++) {
    program.step[n + i] = n + tail.step[i];
    // Scripted records after a generator use its key table too.
    if (tail.kind[i] === OP_RECORD) program.keyId[n + i] = internInto(generated.keys, tail.keys[tail.keyId[i]]);
  }
  program.keyRank = rankKeys(program.keys);
  return program;
}

function internInto(keys: string[], key: string): number {
  const found = keys.indexOf(key);
  if (found >= 0) return found;
  keys.push(key);
  return keys.length - 1;
}
