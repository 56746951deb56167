// The `storm` runtime: a spout and a chain of bolts with per-tuple acking (R7.16–R7.18), told in order. Records
// arrive in the spout's source. The spout emits the next one whenever fewer than `maxSpoutPending` are in flight
// (R7.18); each emission is a tuple tree with a random 64-bit root id from the seeded generator (R8.3). Every bolt
// processes one tuple at a time: it emits an anchored child to the next bolt (XORed into the tree's ack value) and
// then acks its input (XORed again). When the ack value reaches 0 the tree is complete and the spout acks the
// message (R7.16); when `messageTimeoutMs` passes first, the spout fails it and emits it again (R7.17). The last bolt
// keeps a running aggregate per key in an outside store and writes it on every tuple, so a replay counts twice:
// at-least-once. A crashed worker loses the tuples it held and comes back after `restartDelay`.
import { aggregatorFor } from '../aggregates.ts';
import { OP_ADVANCE, OP_CRASH, OP_RECORD, type Program } from '../compile.ts';
import { createRng, type Rng } from '../rng.ts';
import { Scheduler, type Action } from '../scheduler.ts';
import type { Run, RunOptions, Scenario } from '../types.ts';
import type { Failure, RuntimeEvent, RuntimeSpec, SinkWrite } from './types.ts';
import { noWatermarks } from './watermarkLog.ts';

interface Tuple { record: number; attempt: number; hi: number; lo: number }
interface Tree { attempt: number; hi: number; lo: number; timeout: Action }
interface Bolt { name: string; serviceMs: number; queue: Tuple[]; isBusy: boolean; downUntilMs: number; generation: number }

const hex = (hi: number, lo: number) => (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
const randomId = (rng: Rng): [number, number] => [Math.floor(rng() * 0x1_0000_0000), Math.floor(rng() * 0x1_0000_0000)];

export function runAcking(scenario: Scenario, program: Program, options: RunOptions = {}): Run {
  const runtime = scenario.pipeline.runtime as RuntimeSpec;
  const { ackers, messageTimeoutMs, maxSpoutPending } = runtime.acking!;
  const clock = new Scheduler();
  const rng = createRng(scenario.seed);
  const agg = aggregatorFor(scenario.pipeline.aggregate);
  const events: RuntimeEvent[] = [];
  const writes: SinkWrite[] = [];
  const source: number[] = [];
  const replays: number[] = [];
  const trees = new Map<number, Tree>();
  const totals = new Map<number, unknown>();
  const emits = new Uint16Array(program.length);
  /** Program position → arrival index (what trace events and `reads` call a record). */
  const arrival = new Int32Array(program.length);
  const bolts: Bolt[] = runtime.operators.slice(1).map((op) => ({ name: op.name, serviceMs: (op.service as { ms: number }).ms, queue: [], isBusy: false, downUntilMs: -Infinity, generation: 0 }));
  let nextRead = 0;
  let restarts = 0;
  const trace = (e: RuntimeEvent) => options.trace && events.push(e);

  /** R7.16: XOR a tuple id into its tree's ack value; at 0 the spout acks the message. */
  const xor = (t: Tuple, hi: number, lo: number, task: number, action: 'anchor' | 'ack') => {
    const tree = trees.get(t.record);
    if (!tree || tree.attempt !== t.attempt) return;
    tree.hi = (tree.hi ^ hi) >>> 0;
    tree.lo = (tree.lo ^ lo) >>> 0;
    trace({ kind: 'acker', procTimeMs: clock.nowMs, record: arrival[t.record], attempt: t.attempt, task, action, tuple: hex(hi, lo), ackVal: hex(tree.hi, tree.lo) });
    if (tree.hi === 0 && tree.lo === 0) {
      tree.timeout.run = () => {};
      trees.delete(t.record);
      trace({ kind: 'acker', procTimeMs: clock.nowMs, record: arrival[t.record], attempt: t.attempt, task: 0, action: 'complete', tuple: hex(hi, lo), ackVal: hex(0, 0) });
      emitFromSpout();
    }
  };

  /** R7.18: nextTuple is called only while fewer than max.spout.pending trees are open; replays go first. */
  const emitFromSpout = () => {
    while (trees.size < maxSpoutPending && (replays.length > 0 || nextRead < source.length)) {
      const op = replays.length > 0 ? replays.shift()! : source[nextRead++];
      const [hi, lo] = randomId(rng);
      const tuple: Tuple = { record: op, attempt: ++emits[op], hi, lo };
      trace({ kind: 'acker', procTimeMs: clock.nowMs, record: arrival[op], attempt: tuple.attempt, task: 0, action: 'emit', tuple: hex(hi, lo), ackVal: hex(hi, lo) });
      // R7.17: with no ackers a tuple counts as acked the moment it is emitted.
      if (ackers > 0) {
        const timeout = clock.at(clock.nowMs + messageTimeoutMs, () => fail(tuple));
        trees.set(op, { attempt: tuple.attempt, hi, lo, timeout });
      }
      deliver(1, tuple);
    }
  };

  /** R7.17: the tree did not complete in time: the spout's fail(msgId) re-emits the message. */
  const fail = (t: Tuple) => {
    trees.delete(t.record);
    trace({ kind: 'acker', procTimeMs: clock.nowMs, record: arrival[t.record], attempt: t.attempt, task: 0, action: 'timeout', tuple: hex(t.hi, t.lo), ackVal: '' });
    replays.push(t.record);
    emitFromSpout();
  };

  const deliver = (task: number, t: Tuple) => {
    const bolt = bolts[task - 1];
    if (bolt.downUntilMs > clock.nowMs) {
      trace({ kind: 'acker', procTimeMs: clock.nowMs, record: arrival[t.record], attempt: t.attempt, task, action: 'lost', tuple: hex(t.hi, t.lo), ackVal: '' });
      return;
    }
    bolt.queue.push(t);
    if (!bolt.isBusy) startNext(task);
  };

  const startNext = (task: number) => {
    const bolt = bolts[task - 1];
    const t = bolt.queue.shift();
    if (!t) return;
    bolt.isBusy = true;
    const generation = bolt.generation;
    clock.at(clock.nowMs + bolt.serviceMs, () => {
      if (bolt.generation !== generation) return;
      bolt.isBusy = false;
      if (task < bolts.length) {
        const [hi, lo] = randomId(rng);
        const child: Tuple = { record: t.record, attempt: t.attempt, hi, lo };
        xor(t, hi, lo, task, 'anchor');
        deliver(task + 1, child);
      } else write(task, t);
      xor(t, t.hi, t.lo, task, 'ack');
      startNext(task);
    });
  };

  const write = (task: number, t: Tuple) => {
    const keyId = program.keyId[t.record];
    const total = agg.add(totals.get(keyId) ?? agg.init(), program.value[t.record], t.record);
    totals.set(keyId, total);
    const row = { key: program.keys[keyId], value: agg.result(total) };
    writes.push({ procTimeMs: clock.nowMs, task, row, txn: -1, visibleAtMs: clock.nowMs, isDuplicate: emits[t.record] > 1, isCommittedDuplicate: emits[t.record] > 1, isReplay: t.attempt > 1 });
  };

  /** A worker dies: the tuples its bolt held are gone (their trees time out later); it restarts after the delay. */
  const crash = (f: Failure) => {
    const task = runtime.operators.findIndex((o) => o.name === f.operator);
    const bolt = bolts[task - 1];
    trace({ kind: 'failure', procTimeMs: clock.nowMs, failure: f.kind, task, reason: `${f.kind} of ${f.operator} (${f.origin})` });
    if (!bolt || bolt.downUntilMs > clock.nowMs) return;
    bolt.generation++;
    bolt.queue = [];
    bolt.isBusy = false;
    const delayMs = (runtime.restart as { delayMs: number }).delayMs;
    bolt.downUntilMs = clock.nowMs + delayMs;
    restarts++;
    trace({ kind: 'restart-scheduled', procTimeMs: clock.nowMs, atMs: bolt.downUntilMs, attempt: restarts, reason: `the worker of ${bolt.name} restarts; its in-flight tuples will time out and be replayed` });
  };
  for (const f of runtime.failures) clock.at(f.atMs, () => crash(f));

  for (let op = 0; op < program.length; op++) {
    if (program.atMs[op] > clock.nowMs) clock.runUntil(program.atMs[op], false);
    switch (program.kind[op]) {
      case OP_RECORD:
        arrival[op] = source.length;
        source.push(op);
        emitFromSpout();
        break;
      case OP_ADVANCE: clock.runUntil(clock.nowMs + program.arg[op], true); break;
      case OP_CRASH: {
        const step = scenario.steps[program.arg[op]];
        if (step.kind === 'crash') crash(step.crash);
        break;
      }
    }
  }
  clock.runUntil(clock.nowMs, true);
  const all = writes.map((w) => w.row);
  const result = { emitted: [], late: [], watermarks: [], sink: { committed: all, all }, checkpoints: [], restarts };
  const summary = { profile: scenario.profile, records: source.length, emitted: 0, late: 0, finalWatermark: -Infinity, endProcTimeMs: clock.nowMs };
  if (!options.trace) return { result, summary };
  const reads = Uint16Array.from(source, (op) => emits[op]);
  return {
    result, summary,
    runtime: {
      graph: {
        operators: runtime.operators.map(({ name, kind }) => ({ name, kind, parallelism: 1, partitioning: 'forward' })),
        tasks: runtime.operators.map((o, i) => ({ id: i, operator: i, subtask: 0, name: `${o.name}-0` })),
        channels: runtime.operators.slice(1).map((_, i) => ({ id: i, from: i, to: i + 1, capacity: Infinity })),
        maxParallelism: 1, keyGroups: runtime.operators.map(() => null), partitions: scenario.pipeline.partitions,
      },
      events, samples: { everyMs: 0, length: 0, procTimeMs: new Float64Array(0), channelFill: new Uint16Array(0), state: new Uint8Array(0), consumerLag: new Float64Array(0) },
      watermarks: noWatermarks(runtime.operators.length - 1, runtime.operators.length, scenario.pipeline.partitions), metrics: [], writes, reads, endProcTimeMs: clock.nowMs,
    },
  };
}
