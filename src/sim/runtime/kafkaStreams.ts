// The `kafka-streams` runtime (R7.14), told in order. Records are appended to their input partition as they arrive.
// One task per partition (PartitionGrouper) runs the core Kafka Streams windowed aggregate with its own stream time
// (R3.14); tasks go to the instances' stream threads as Kafka's assignor deals them (src/sim/kafka/taskAssignment.ts).
// A thread reads its tasks' records head by head, smallest timestamp first (R3.15), paying `serviceMs` each, and
// commits every `commitIntervalMs` (StreamThread#maybeCommit). What a crash costs depends on the guarantee:
// - exactly_once_v2: one transaction per thread holds its output records, changelog writes and input offsets; a
//   read_committed reader sees the outputs when it commits. A crash aborts it; after `restartDelay` the thread's
//   tasks rebuild their stores from the changelog up to the last commit and read on from the committed offsets.
// - at_least_once: outputs are visible at once and only offsets are committed. The changelog holds every write
//   made before the crash, so the restored store already counts what is then read again: replays count twice.
// `end` shuts the application down cleanly, which commits (Kafka Streams commits on close); it fires nothing (R3.16).
import { OP_ADVANCE, OP_CRASH, OP_END, OP_RECORD, type Program } from '../compile.ts';
import { periodic, type Engine } from '../engine.ts';
import { assignTasks, tasksOf } from '../kafka/taskAssignment.ts';
import { createKafkaStreamsEngine } from '../profiles/kafkaStreamsEngine.ts';
import { Scheduler } from '../scheduler.ts';
import { Recorder } from '../trace/recorder.ts';
import type { Run, RunOptions, Scenario } from '../types.ts';
import { graphOf, KafkaSamples, KafkaTaskRecorder, markDuplicates } from './kafkaTaskRecorder.ts';
import type { CheckpointEntry, Failure, KafkaStreamsSpec, RuntimeEvent, RuntimeSpec, RuntimeTrace, SinkWrite } from './types.ts';
import { noWatermarks } from './watermarkLog.ts';

interface StreamTask {
  /** Graph task id; the partition is `id − partitions`. */
  id: number;
  partition: number;
  engine: Engine;
  recorder: KafkaTaskRecorder;
  offset: number;
  committedOffset: number;
  /** The furthest offset ever read: below it, reading is a replay. */
  highWater: number;
  /** Changelog writes covered by the last commit. */
  changelogCommitted: number;
}

interface StreamThread {
  index: number;
  instance: string;
  name: string;
  tasks: StreamTask[];
  isDown: boolean;
  isScheduled: boolean;
  /** Bumped by a crash: work scheduled before it is void. */
  generation: number;
  txn: number;
  /** Writes of the open transaction (exactly-once) or since the last commit (at-least-once). */
  openWrites: number[];
  wakeCommit: () => void;
}

/** How long after `end` the clock may run while threads restore and drain. */
const DRAIN_LIMIT_MS = 10_000_000;

export function runKafkaStreams(scenario: Scenario, program: Program, options: RunOptions = {}): Run {
  const spec = (scenario.pipeline.runtime as RuntimeSpec).kafka as KafkaStreamsSpec;
  const isExactlyOnce = spec.guarantee === 'exactly_once_v2';
  const partitions = scenario.pipeline.partitions;
  const clock = new Scheduler();
  const isTracing = options.trace ?? false;
  const recorder = new Recorder(clock, scenario.profile, program.keys, partitions, isTracing, options.keyframeEvery);
  const events: RuntimeEvent[] = [];
  const event = (e: RuntimeEvent) => isTracing && events.push(e);
  const writes: SinkWrite[] = [];
  const commits: CheckpointEntry[] = [];
  const log: number[][] = Array.from({ length: partitions }, () => []);
  const recordIndex = new Int32Array(program.length).fill(-1);
  const reads: number[] = [];
  let nextTxn = 1;
  let restarts = 0;

  const assignment = assignTasks(tasksOf([{ sourceTopics: ['input'], isStateful: true }], { input: partitions }), spec.threadsPerInstance);
  const threads: StreamThread[] = assignment.flatMap((instance) => instance.threads.map((t) => ({
    index: 0, instance: instance.name, name: t.name, isDown: false, isScheduled: false, generation: 0, txn: nextTxn++, openWrites: [],
    wakeCommit: () => {},
    tasks: t.tasks.map((k) => newTask(k.partition)),
  })));
  const threadOf = new Array<StreamThread>(partitions);
  threads.forEach((thread, i) => {
    thread.index = i;
    for (const task of thread.tasks) threadOf[task.partition] = thread;
    thread.wakeCommit = periodic(clock, spec.commitIntervalMs, (nowMs) => commitOnInterval(thread, nowMs));
  });
  const samples = new KafkaSamples(partitions, isTracing);
  const sample = () => samples.row(clock.nowMs, (p) => {
    const thread = threadOf[p];
    const task = thread.tasks.find((t) => t.partition === p)!;
    return { isDown: thread.isDown, waiting: log[p].length - task.offset, lag: log[p].length - task.committedOffset };
  });

  function newTask(partition: number): StreamTask {
    const task = { id: partitions + partition, partition, offset: 0, committedOffset: 0, highWater: 0, changelogCommitted: 0 } as StreamTask;
    task.recorder = new KafkaTaskRecorder(recorder, (pane) => write(task, pane));
    task.engine = createKafkaStreamsEngine({ scenario, program, recorder: task.recorder, clock });
    return task;
  }

  /** An update leaves the task for the output topic: inside the thread's transaction, or visible at once. */
  function write(task: StreamTask, pane: { keyId: number; start?: number; end?: number; value: SinkWrite['row']['value'] }): void {
    const thread = threadOf[task.partition];
    const row = { key: program.keys[pane.keyId], ...(pane.start !== undefined ? { start: pane.start, end: pane.end } : {}), value: pane.value };
    writes.push({
      procTimeMs: clock.nowMs, task: task.id, row, txn: isExactlyOnce ? thread.txn : -1, visibleAtMs: isExactlyOnce ? NaN : clock.nowMs,
      isDuplicate: false, isCommittedDuplicate: false, isReplay: task.offset < task.highWater,
    });
    thread.openWrites.push(writes.length - 1);
  }

  /** R3.15: among the thread's tasks with records waiting, the head with the smallest timestamp (ties: lower partition). */
  function nextTask(thread: StreamThread): StreamTask | undefined {
    let best: StreamTask | undefined;
    for (const task of thread.tasks) {
      if (task.offset >= log[task.partition].length) continue;
      const ts = program.ts[log[task.partition][task.offset]];
      if (!best || ts < program.ts[log[best.partition][best.offset]]) best = task;
    }
    return best;
  }

  function process(task: StreamTask): void {
    const op = log[task.partition][task.offset];
    task.recorder.current = recordIndex[op];
    task.engine.record(op);
    task.offset++;
    if (task.offset > task.highWater) task.highWater = task.offset;
    reads[recordIndex[op]]++;
  }

  /** The thread's loop: one record at a time, each `serviceMs` long (its effect lands when it is done). */
  function run(thread: StreamThread): void {
    if (thread.isDown || thread.isScheduled) return;
    for (;;) {
      const task = nextTask(thread);
      if (!task) break;
      if (spec.serviceMs > 0) {
        thread.isScheduled = true;
        const generation = thread.generation;
        clock.at(clock.nowMs + spec.serviceMs, () => {
          // Work started before a crash is void; the replacement thread's own work keeps its flag.
          if (thread.generation !== generation) return;
          thread.isScheduled = false;
          process(task);
          thread.wakeCommit();
          sample();
          run(thread);
        });
        return;
      }
      process(task);
    }
    thread.wakeCommit();
    sample();
  }

  function commitOnInterval(thread: StreamThread, nowMs: number): boolean {
    if (thread.isDown) return true;
    commit(thread, nowMs);
    return nextTask(thread) === undefined && !thread.isScheduled;
  }

  /** StreamThread#maybeCommit: offsets (and, exactly-once, the transaction with outputs and changelog) commit. */
  function commit(thread: StreamThread, nowMs: number): void {
    const moved = thread.tasks.some((t) => t.offset !== t.committedOffset);
    if (!moved && thread.openWrites.length === 0) return;
    const offsets = new Array<number>(partitions).fill(-1);
    let changelog = 0;
    for (const task of thread.tasks) {
      changelog += task.recorder.changelog - task.changelogCommitted;
      task.committedOffset = task.offset;
      task.changelogCommitted = task.recorder.changelog;
      offsets[task.partition] = task.offset;
    }
    if (isExactlyOnce) for (const w of thread.openWrites) writes[w].visibleAtMs = nowMs;
    event({ kind: 'kafka-commit', procTimeMs: nowMs, thread: thread.index, txn: isExactlyOnce ? thread.txn : -1, action: 'commit', outputs: thread.openWrites.length, changelog, offsets });
    commits.push({ id: commits.length + 1, started: nowMs, completed: nowMs });
    thread.openWrites = [];
    if (isExactlyOnce) thread.txn = nextTxn++;
    sample();
  }

  function crash(thread: StreamThread, why: string): void {
    const nowMs = clock.nowMs;
    if (thread.isDown) {
      event({ kind: 'note', procTimeMs: nowMs, text: `${why} ignored: ${thread.instance} ${thread.name} is already down` });
      return;
    }
    thread.isDown = true;
    thread.isScheduled = false;
    thread.generation++;
    event({ kind: 'failure', procTimeMs: nowMs, failure: 'crash', task: thread.tasks[0]?.id ?? 0, reason: `${why}: ${thread.instance} ${thread.name} (tasks ${thread.tasks.map((t) => `0_${t.partition}`).join(', ') || 'none'})` });
    if (isExactlyOnce) {
      const changelog = thread.tasks.reduce((n, t) => n + t.recorder.changelog - t.changelogCommitted, 0);
      event({ kind: 'kafka-commit', procTimeMs: nowMs, thread: thread.index, txn: thread.txn, action: 'abort', outputs: thread.openWrites.length, changelog, offsets: new Array<number>(partitions).fill(-1) });
      thread.txn = nextTxn++;
    }
    thread.openWrites = [];
    restarts++;
    const atMs = nowMs + spec.restartDelayMs;
    event({ kind: 'restart-scheduled', procTimeMs: nowMs, atMs, attempt: restarts, reason: `${why} (a replacement thread takes over its tasks)` });
    clock.at(atMs, () => restore(thread));
    sample();
  }

  /** The thread's tasks rebuild their stores from the changelog, then read on from the committed offsets. */
  function restore(thread: StreamThread): void {
    const nowMs = clock.nowMs;
    let durationMs = 0;
    for (const task of thread.tasks) {
      let records = task.recorder.changelog;
      if (isExactlyOnce) {
        // The changelog as read_committed: the store as it was at the last commit (stream time too, Sim).
        records = task.changelogCommitted;
        task.recorder.muted = true;
        task.engine = createKafkaStreamsEngine({ scenario, program, recorder: task.recorder, clock });
        for (let offset = 0; offset < task.committedOffset; offset++) {
          task.recorder.current = recordIndex[log[task.partition][offset]];
          task.engine.record(log[task.partition][offset]);
        }
        task.recorder.muted = false;
        task.recorder.changelog = task.changelogCommitted;
      }
      const taskMs = Math.ceil(records / spec.restoreRecordsPerMs);
      durationMs += taskMs;
      event({
        kind: 'restore', procTimeMs: nowMs, task: task.id, thread: thread.index, changelogRecords: records, durationMs: taskMs,
        reason: isExactlyOnce ? 'R7.14: the changelog up to the last commit (aborted writes are skipped)' : 'at_least_once: every changelog write made before the crash, ahead of the committed offsets',
      });
      if (task.offset !== task.committedOffset) event({ kind: 'rewound', procTimeMs: nowMs, partition: task.partition, fromOffset: task.offset, toOffset: task.committedOffset });
      task.offset = task.committedOffset;
    }
    sample();
    clock.at(nowMs + durationMs, () => {
      thread.isDown = false;
      const offsets = new Array<number>(partitions).fill(-1);
      for (const task of thread.tasks) offsets[task.partition] = task.offset;
      event({ kind: 'restored', procTimeMs: clock.nowMs, checkpoint: 0, offsets, reason: `${thread.instance} ${thread.name} restored ${thread.tasks.length} task(s) in ${durationMs} ms` });
      run(thread);
    });
  }

  function injectCrash(f: Failure): void {
    const targets = f.operator === 'thread' ? [threads[f.subtask]] : threads.filter((t) => t.instance === `instance ${f.subtask + 1}`);
    for (const thread of targets) crash(thread, `crash of ${f.operator} ${f.subtask} (${f.origin})`);
  }

  for (const f of (scenario.pipeline.runtime as RuntimeSpec).failures) clock.at(f.atMs, () => injectCrash(f));
  const { kind, atMs, step, arg, partition } = program;
  let hasEnded = false;
  for (let op = 0; op < program.length; op++) {
    if (atMs[op] > clock.nowMs) clock.runUntil(atMs[op], false);
    recorder.step = step[op];
    if (kind[op] === OP_RECORD) {
      recordIndex[op] = recorder.arrive(program.ts[op], program.keyId[op], partition[op], program.value[op]);
      reads.push(0);
      log[partition[op]].push(op);
      run(threadOf[partition[op]]);
    } else if (kind[op] === OP_CRASH) {
      const crashStep = scenario.steps[arg[op]];
      if (crashStep.kind === 'crash') injectCrash(crashStep.crash);
    } else if (kind[op] === OP_ADVANCE) {
      clock.runUntil(clock.nowMs + arg[op], true);
    } else if (kind[op] === OP_END) {
      hasEnded = true;
    }
  }
  clock.runUntil(clock.nowMs, true);
  if (hasEnded) {
    // A clean shutdown after the input: threads that are down come back and catch up, then every thread commits.
    const limitMs = clock.nowMs + DRAIN_LIMIT_MS;
    const isBusy = () => threads.some((t) => t.isDown || t.isScheduled || nextTask(t) !== undefined);
    while (isBusy() && clock.nextMs <= limitMs) clock.runUntil(clock.nextMs, true);
    for (const thread of threads) commit(thread, clock.nowMs);
  }
  markDuplicates(writes);
  const base = recorder.finish(-Infinity);
  const committed = writes.map((w, i) => ({ w, i })).filter(({ w }) => !Number.isNaN(w.visibleAtMs))
    .sort((a, b) => a.w.visibleAtMs - b.w.visibleAtMs || a.i - b.i).map(({ w }) => w.row);
  const result = { ...base.result, sink: { committed, all: writes.map((w) => w.row) }, checkpoints: commits, restarts };
  if (!isTracing) return { ...base, result };
  const graph = graphOf(partitions);
  const trace: RuntimeTrace = {
    graph, events, samples: samples.done(), watermarks: noWatermarks(graph.channels.length, graph.tasks.length, partitions),
    metrics: [], writes, reads: Uint16Array.from(reads), endProcTimeMs: clock.nowMs,
    kafka: { guarantee: spec.guarantee, commitIntervalMs: spec.commitIntervalMs, threads: threads.map((t) => ({ instance: t.instance, thread: t.name, tasks: t.tasks.map((k) => k.id) })) },
  };
  return { ...base, result, runtime: trace };
}
