// The `storm` runtime: a spout and a chain of bolts with per-tuple acking (R7.16–R7.18), told in order. Records
// arrive in the spout's source. The spout emits the next one whenever fewer than `maxSpoutPending` are in flight
// (R7.18); each emission is a tuple tree with a random 64-bit root id from the seeded generator (R8.3). A bolt runs
// `parallelism` tasks, and its grouping picks which of them get each tuple (stormGroupings.ts). Every bolt task
// processes one tuple at a time: it emits an anchored child to the next bolt's chosen tasks (each XORed into the
// tree's ack value) and then acks its input (XORed again). When the ack value reaches 0 the tree is complete and the
// spout acks the message (R7.16); when `messageTimeoutMs` passes first, the spout fails it and emits it again
// (R7.17). Each task of the last bolt keeps its own running aggregate per key (in task memory, like a word-count
// bolt's map) and writes it to an outside store on every tuple, so a replay counts twice (at-least-once), and a
// grouping that splits a key over tasks writes partial counts. A crashed worker loses the tuples its task held and
// comes back after `restartDelay`.
import { aggregatorFor } from '../aggregates.ts';
import { OP_ADVANCE, OP_CRASH, OP_RECORD, type Program } from '../compile.ts';
import { createRng, type Rng } from '../rng.ts';
import { Scheduler, type Action } from '../scheduler.ts';
import { Recorder } from '../trace/recorder.ts';
import type { Run, RunOptions, Scenario } from '../types.ts';
import { Router } from './stormGroupings.ts';
import type { Failure, RuntimeEvent, RuntimeSpec, RuntimeTrace, SinkWrite } from './types.ts';
import { noWatermarks } from './watermarkLog.ts';

interface Tuple { record: number; attempt: number; hi: number; lo: number }
/** `root`: the first root tuple's id (what the trace names the message by). */
interface Tree { attempt: number; hi: number; lo: number; timeout: Action; root: string }
interface BoltTask { id: number; bolt: number; queue: Tuple[]; isBusy: boolean; downUntilMs: number; generation: number; totals: Map<number, unknown> }
interface Bolt { name: string; serviceMs: number; tasks: BoltTask[]; router: Router }

const hex = (hi: number, lo: number) => (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
const randomId = (rng: Rng): [number, number] => [Math.floor(rng() * 0x1_0000_0000), Math.floor(rng() * 0x1_0000_0000)];

export function runAcking(scenario: Scenario, program: Program, options: RunOptions = {}): Run {
  const runtime = scenario.pipeline.runtime as RuntimeSpec;
  const { ackers, messageTimeoutMs, maxSpoutPending, groupings, workers } = runtime.acking!;
  const clock = new Scheduler();
  // The records themselves (key, times, arrival order) go into the core trace, as in the other runtimes, so views
  // and exercises can name them (e1, …) next to the topology's own trace.
  const recorder = new Recorder(clock, scenario.profile, program.keys, scenario.pipeline.partitions, options.trace ?? false, options.keyframeEvery);
  const rng = createRng(scenario.seed);
  const agg = aggregatorFor(scenario.pipeline.aggregate);
  const events: RuntimeEvent[] = [];
  const writes: SinkWrite[] = [];
  const source: number[] = [];
  const replays: number[] = [];
  const trees = new Map<number, Tree>();
  const emits = new Uint16Array(program.length);
  /** Program position → arrival index (what trace events and `reads` call a record). */
  const arrival = new Int32Array(program.length);
  // Task 0 is the spout; bolt tasks follow in bolt order. Executors are dealt over workers round-robin (Sim).
  const boltTasks: BoltTask[] = [];
  const workerOf = [0];
  const bolts: Bolt[] = runtime.operators.slice(1).map((op, b) => {
    const tasks = Array.from({ length: op.parallelism }, () => {
      const task = { id: boltTasks.length + 1, bolt: b, queue: [], isBusy: false, downUntilMs: -Infinity, generation: 0, totals: new Map() };
      boltTasks.push(task);
      workerOf.push(task.id % workers);
      return task;
    });
    return { name: op.name, serviceMs: (op.service as { ms: number }).ms, tasks, router: new Router(groupings[b], tasks.map((t) => t.id), workerOf, rng) };
  });
  const pendingTimes: number[] = [];
  const pendingCounts: number[] = [];
  let nextRead = 0;
  let restarts = 0;
  const trace = (e: RuntimeEvent) => options.trace && events.push(e);
  /** R7.18: spout tuples in flight, traced whenever the number changes. */
  const tracePending = () => {
    if (!options.trace || (pendingCounts.length > 0 && pendingCounts[pendingCounts.length - 1] === trees.size)) return;
    pendingTimes.push(clock.nowMs);
    pendingCounts.push(trees.size);
  };

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
      tracePending();
      trace({ kind: 'acker', procTimeMs: clock.nowMs, record: arrival[t.record], attempt: t.attempt, task: 0, action: 'complete', tuple: hex(hi, lo), ackVal: hex(0, 0) });
      emitFromSpout();
    }
  };

  /** R7.18: nextTuple is called only while fewer than max.spout.pending trees are open; replays go first. */
  const emitFromSpout = () => {
    while (trees.size < maxSpoutPending && (replays.length > 0 || nextRead < source.length)) {
      const op = replays.length > 0 ? replays.shift()! : source[nextRead++];
      const attempt = ++emits[op];
      // R7.17: with no ackers a tuple counts as acked the moment it is emitted.
      const tree: Tree | undefined = ackers > 0 ? { attempt, hi: 0, lo: 0, root: '', timeout: clock.at(clock.nowMs + messageTimeoutMs, () => fail(op, attempt)) } : undefined;
      if (tree) trees.set(op, tree);
      tracePending();
      // One root tuple per receiving task; the tree starts as the XOR of their ids.
      for (const to of bolts[0].router.route(0, keyOf(op))) {
        const [hi, lo] = randomId(rng);
        if (tree) {
          tree.root ||= hex(hi, lo);
          tree.hi = (tree.hi ^ hi) >>> 0;
          tree.lo = (tree.lo ^ lo) >>> 0;
        }
        trace({ kind: 'acker', procTimeMs: clock.nowMs, record: arrival[op], attempt, task: 0, action: 'emit', tuple: hex(hi, lo), ackVal: tree ? hex(tree.hi, tree.lo) : hex(hi, lo) });
        send(0, 0, to, { record: op, attempt, hi, lo });
      }
    }
  };

  /** R7.17: the tree did not complete in time: the spout's fail(msgId) re-emits the message. */
  const fail = (op: number, attempt: number) => {
    const root = trees.get(op)?.root ?? '';
    trees.delete(op);
    tracePending();
    trace({ kind: 'acker', procTimeMs: clock.nowMs, record: arrival[op], attempt, task: 0, action: 'timeout', tuple: root, ackVal: '' });
    replays.push(op);
    emitFromSpout();
  };

  const keyOf = (op: number) => program.keys[program.keyId[op]];

  /** Bolt task `from` emits a child of `parent`, anchored, to each task of bolt `b` its grouping picks. */
  const forward = (b: number, from: number, parent: Tuple) => {
    for (const to of bolts[b].router.route(from, keyOf(parent.record))) {
      const [hi, lo] = randomId(rng);
      xor(parent, hi, lo, from, 'anchor');
      send(b, from, to, { record: parent.record, attempt: parent.attempt, hi, lo });
    }
  };

  const send = (b: number, from: number, to: number, t: Tuple) => {
    trace({ kind: 'route', procTimeMs: clock.nowMs, record: arrival[t.record], attempt: t.attempt, from, to, grouping: bolts[b].router.grouping });
    const task = boltTasks[to - 1];
    if (task.downUntilMs > clock.nowMs) {
      trace({ kind: 'acker', procTimeMs: clock.nowMs, record: arrival[t.record], attempt: t.attempt, task: to, action: 'lost', tuple: hex(t.hi, t.lo), ackVal: '' });
      return;
    }
    task.queue.push(t);
    if (!task.isBusy) startNext(task);
  };

  const startNext = (task: BoltTask) => {
    const t = task.queue.shift();
    if (!t) return;
    task.isBusy = true;
    const generation = task.generation;
    clock.at(clock.nowMs + bolts[task.bolt].serviceMs, () => {
      if (task.generation !== generation) return;
      if (task.bolt < bolts.length - 1) forward(task.bolt + 1, task.id, t);
      else write(task, t);
      // Still busy while acking: the ack may let the spout emit a tuple to this very task, which must queue.
      xor(t, t.hi, t.lo, task.id, 'ack');
      task.isBusy = false;
      startNext(task);
    });
  };

  const write = (task: BoltTask, t: Tuple) => {
    const keyId = program.keyId[t.record];
    const total = agg.add(task.totals.get(keyId) ?? agg.init(), program.value[t.record], t.record);
    task.totals.set(keyId, total);
    const row = { key: program.keys[keyId], value: agg.result(total) };
    writes.push({ procTimeMs: clock.nowMs, task: task.id, row, txn: -1, visibleAtMs: clock.nowMs, isDuplicate: emits[t.record] > 1, isCommittedDuplicate: emits[t.record] > 1, isReplay: t.attempt > 1 });
  };

  /** A worker dies: the tuples its task held are gone (their trees time out later); it restarts after the delay. */
  const crash = (f: Failure) => {
    const b = runtime.operators.findIndex((o) => o.name === f.operator) - 1;
    const task = bolts[b]?.tasks[f.subtask];
    trace({ kind: 'failure', procTimeMs: clock.nowMs, failure: f.kind, task: task?.id ?? 0, reason: `${f.kind} of ${f.operator} ${f.subtask} (${f.origin})` });
    if (!task || task.downUntilMs > clock.nowMs) return;
    task.generation++;
    task.queue = [];
    task.isBusy = false;
    const delayMs = (runtime.restart as { delayMs: number }).delayMs;
    task.downUntilMs = clock.nowMs + delayMs;
    restarts++;
    trace({ kind: 'restart-scheduled', procTimeMs: clock.nowMs, atMs: task.downUntilMs, attempt: restarts, reason: `the worker of ${f.operator} ${f.subtask} restarts; its in-flight tuples will time out and be replayed` });
  };
  for (const f of runtime.failures) clock.at(f.atMs, () => crash(f));

  for (let op = 0; op < program.length; op++) {
    if (program.atMs[op] > clock.nowMs) clock.runUntil(program.atMs[op], false);
    switch (program.kind[op]) {
      case OP_RECORD:
        recorder.step = program.step[op];
        arrival[op] = recorder.arrive(program.ts[op], program.keyId[op], program.partition[op], program.value[op]);
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
  const base = recorder.finish(-Infinity);
  const result = { ...base.result, sink: { committed: all, all }, checkpoints: [], restarts };
  if (!options.trace) return { ...base, result };
  const graph = graphOf(runtime, bolts, groupings, scenario.pipeline.partitions);
  const storm = { spoutPending: { procTimeMs: Float64Array.from(pendingTimes), value: Float64Array.from(pendingCounts) }, maxSpoutPending, workerOf };
  const runtimeTrace: RuntimeTrace = {
    graph, events, samples: { everyMs: 0, length: 0, procTimeMs: new Float64Array(0), channelFill: new Uint16Array(0), state: new Uint8Array(0), consumerLag: new Float64Array(0) },
    watermarks: noWatermarks(graph.channels.length, graph.tasks.length, scenario.pipeline.partitions), metrics: [], writes,
    reads: Uint16Array.from(source, (op) => emits[op]), endProcTimeMs: clock.nowMs, storm,
  };
  return { ...base, result, runtime: runtimeTrace };
}

/** Spout → bolts, one box per task, a channel for every sender → receiver pair the grouping can use. */
function graphOf(runtime: RuntimeSpec, bolts: Bolt[], groupings: readonly string[], partitions: number): RuntimeTrace['graph'] {
  const taskIds = [[0], ...bolts.map((b) => b.tasks.map((t) => t.id))];
  const channels: RuntimeTrace['graph']['channels'] = [];
  bolts.forEach((_, b) => {
    const receivers = groupings[b] === 'global' ? taskIds[b + 1].slice(0, 1) : taskIds[b + 1];
    for (const from of taskIds[b]) for (const to of receivers) channels.push({ id: channels.length, from, to, capacity: Infinity });
  });
  return {
    operators: runtime.operators.map(({ name, kind, parallelism }, o) => ({ name, kind, parallelism, partitioning: o === 0 ? 'forward' : groupings[o - 1] === 'fields' ? 'hash' : groupings[o - 1] === 'all' ? 'broadcast' : 'rebalance' })),
    tasks: taskIds.flatMap((ids, o) => ids.map((id, subtask) => ({ id, operator: o, subtask, name: `${runtime.operators[o].name}-${subtask}` }))),
    channels, maxParallelism: 1, keyGroups: taskIds.flat().map(() => null), partitions,
  };
}
