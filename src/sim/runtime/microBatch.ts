// The `spark` runtime (R3.19, R7.15), told in order. Records are appended to the source as they arrive. Every
// trigger interval a micro-batch starts — or, when the previous batch overran, right after it ends (late). Before
// it runs, batch N's offset range goes to the offset log (`offsets/N`); it takes `overheadMs + rows · perRowMs`; at
// its end the sink is written and `commits/N` follows `commitMs` later. A crash stops the query; after the restart
// delay, a batch whose commit is missing runs again with exactly its logged offsets — so it computes the same rows,
// which an idempotent (file) sink writes once and an at-least-once sink writes twice. Batch contents are computed by
// the core Spark engine (one `batch` step per micro-batch), so watermarks, windows and output modes are the core's.
import { OP_ADVANCE, OP_CRASH, OP_END, OP_RECORD, type Program } from '../compile.ts';
import { periodic } from '../engine.ts';
import { run } from '../run.ts';
import { Scheduler } from '../scheduler.ts';
import type { EmittedEntry, InputRecord, LateEntry, Run, RunOptions, Scenario, Step } from '../types.ts';
import type { CheckpointEntry, RuntimeEvent, RuntimeSpec, SinkRow, SinkWrite } from './types.ts';
import { noWatermarks } from './watermarkLog.ts';

interface Batch { id: number; from: number; to: number; offsets: number[] }

export function runMicroBatches(scenario: Scenario, program: Program, options: RunOptions = {}): Run {
  const runtime = scenario.pipeline.runtime as RuntimeSpec;
  const timing = runtime.microBatch!;
  const intervalMs = scenario.pipeline.batchInterval;
  const clock = new Scheduler();
  const events: RuntimeEvent[] = [];
  const arrivals: number[] = [];
  const perPartition = new Array<number>(scenario.pipeline.partitions).fill(0);
  const batches: Batch[] = [];
  const writes: { batch: number; atMs: number; step: number }[] = [];
  const commits: CheckpointEntry[] = [];
  let step = 0;
  let committedTo = 0;
  let running: { batch: Batch; attempt: number; actions: { run: (nowMs: number) => void }[] } | undefined;
  let isDue = false;
  let isDown = false;
  let restarts = 0;

  const startBatch = (nowMs: number, plannedMs: number, rerun?: Batch, attempt = 1) => {
    isDue = false;
    const from = committedTo;
    const to = rerun ? rerun.to : arrivals.length;
    if (to === from) return;
    const batch = rerun ?? { id: batches.length, from, to, offsets: [...perPartition] };
    if (!rerun) batches.push(batch);
    const rows = to - from;
    events.push({ kind: 'micro-batch', procTimeMs: nowMs, batch: batch.id, action: 'offsets', rows, offsets: batch.offsets, attempt, lateByMs: nowMs - plannedMs });
    const writeMs = nowMs + timing.overheadMs + Math.ceil(rows * timing.perRowMs);
    const write = clock.at(writeMs, (at) => {
      writes.push({ batch: batch.id, atMs: at, step });
      events.push({ kind: 'micro-batch', procTimeMs: at, batch: batch.id, action: 'write', rows, offsets: batch.offsets, attempt, lateByMs: 0 });
    });
    const commit = clock.at(writeMs + timing.commitMs, (at) => {
      committedTo = batch.to;
      running = undefined;
      commits.push({ id: batch.id, started: nowMs, completed: at });
      events.push({ kind: 'micro-batch', procTimeMs: at, batch: batch.id, action: 'commit', rows, offsets: batch.offsets, attempt, lateByMs: 0 });
      // Spark starts the next batch at once when the trigger time passed during this one.
      if (isDue) startBatch(at, lastTriggerMs);
    });
    running = { batch, attempt, actions: [write, commit] };
  };

  let lastTriggerMs = 0;
  const wakeTrigger = periodic(clock, intervalMs, (nowMs) => {
    lastTriggerMs = nowMs;
    if (isDown) return false;
    if (running) isDue = true;
    else startBatch(nowMs, nowMs);
    return !running && !isDue && committedTo === arrivals.length;
  });

  const crash = (nowMs: number, what: string) => {
    if (isDown) return;
    events.push({ kind: 'failure', procTimeMs: nowMs, failure: 'crash', task: 0, reason: what });
    const interrupted = running;
    for (const a of interrupted?.actions ?? []) a.run = () => {};
    running = undefined;
    isDown = true;
    const atMs = runtime.restart.type === 'none' ? Infinity : nowMs + restartDelay(runtime);
    events.push({ kind: 'restart-scheduled', procTimeMs: nowMs, atMs, attempt: restarts + 1, reason: `${what}; the query restarts from its checkpoint location` });
    if (atMs === Infinity) return;
    clock.at(atMs, (at) => {
      isDown = false;
      restarts++;
      // R7.15: commits/N missing → batch N runs again with exactly the logged offsets.
      const reason = interrupted ? `R7.15: commits/${interrupted.batch.id} is missing: batch ${interrupted.batch.id} runs again with its logged offsets` : 'R7.15: every logged batch was committed: the next batch starts from the committed offsets';
      events.push({ kind: 'restored', procTimeMs: at, checkpoint: commits.length > 0 ? commits[commits.length - 1].id : -1, offsets: [...perPartition], reason });
      if (interrupted) startBatch(at, at, interrupted.batch, interrupted.attempt + 1);
      else wakeTrigger();
    });
  };

  for (let op = 0; op < program.length; op++) {
    if (program.atMs[op] > clock.nowMs) clock.runUntil(program.atMs[op], false);
    if (program.kind[op] === OP_ADVANCE) clock.runUntil(clock.nowMs, true);
    step = program.step[op];
    switch (program.kind[op]) {
      case OP_RECORD:
        arrivals.push(op);
        perPartition[program.partition[op]]++;
        wakeTrigger();
        break;
      case OP_ADVANCE: clock.runUntil(clock.nowMs + program.arg[op], true); break;
      case OP_CRASH: crash(clock.nowMs, `the query crashed (steps[${program.arg[op]}])`); break;
      case OP_END: break;
    }
  }
  clock.runUntil(clock.nowMs, true);
  return finish(scenario, program, options, { arrivals, batches, writes, commits, events, restarts, endMs: clock.nowMs });
}

const restartDelay = (runtime: RuntimeSpec): number =>
  runtime.restart.type === 'fixed-delay' ? runtime.restart.delayMs : runtime.restart.type === 'exponential-delay' ? runtime.restart.initialMs : 0;

interface Timeline {
  arrivals: number[];
  batches: Batch[];
  writes: { batch: number; atMs: number; step: number }[];
  commits: CheckpointEntry[];
  events: RuntimeEvent[];
  restarts: number;
  endMs: number;
}

/** Runs the batches once through the core Spark engine and writes each batch's rows as often as the sink did. */
function finish(scenario: Scenario, program: Program, options: RunOptions, t: Timeline): Run {
  const recordOf = (op: number): InputRecord => ({ key: program.keys[program.keyId[op]], value: program.value[op], ts: program.ts[op], partition: program.partition[op] });
  const steps: Step[] = t.batches.map((b) => ({ kind: 'batch', records: t.arrivals.slice(b.from, b.to).map(recordOf) }));
  const core = run({ ...scenario, events: undefined, generator: undefined, steps, pipeline: { ...scenario.pipeline, runtime: undefined } }, options);
  const firstWrite = new Map<number, number>();
  for (const w of t.writes) if (!firstWrite.has(w.batch)) firstWrite.set(w.batch, w.step);
  // Rows of batches that never wrote (the input stopped first) are not reported.
  const emitted: EmittedEntry[] = core.result.emitted.filter((e) => firstWrite.has(e.step)).map((e) => ({ ...e, step: firstWrite.get(e.step)! }));
  const late: LateEntry[] = core.result.late.filter((e) => firstWrite.has(e.step)).map((e) => ({ ...e, step: firstWrite.get(e.step)! }));
  const rowsOf = (batch: number): SinkRow[] => core.result.emitted.filter((e) => e.step === batch).map((e) => ({ key: e.key, ...(e.start !== undefined ? { start: e.start, end: e.end } : {}), value: e.value }));
  const kind = (scenario.pipeline.runtime as RuntimeSpec).sink;
  const sinkWrites: SinkWrite[] = [];
  const seen = new Set<number>();
  for (const w of t.writes) {
    const isRepeat = seen.has(w.batch);
    seen.add(w.batch);
    for (const row of rowsOf(w.batch)) {
      sinkWrites.push({ procTimeMs: w.atMs, task: 0, row, txn: w.batch, visibleAtMs: isRepeat && kind === 'idempotent' ? NaN : w.atMs, isDuplicate: isRepeat, isCommittedDuplicate: isRepeat && kind !== 'idempotent', isReplay: isRepeat });
    }
  }
  const all = sinkWrites.map((w) => w.row);
  const committed = sinkWrites.filter((w) => !Number.isNaN(w.visibleAtMs)).map((w) => w.row);
  const result = { emitted, late, watermarks: [], sink: { committed, all }, checkpoints: t.commits, restarts: t.restarts };
  if (!options.trace) return { result, summary: core.summary };
  const reads = new Uint16Array(t.arrivals.length);
  for (const w of t.writes) for (const b of t.batches.filter((x) => x.id === w.batch)) for (let i = b.from; i < b.to; i++) reads[i]++;
  return {
    result, summary: core.summary, trace: core.trace,
    runtime: {
      graph: { operators: [{ name: 'micro-batch', kind: 'window', parallelism: 1, partitioning: 'forward' }], tasks: [{ id: 0, operator: 0, subtask: 0, name: 'micro-batch-0' }], channels: [], maxParallelism: 1, keyGroups: [null], partitions: scenario.pipeline.partitions },
      events: t.events, samples: { everyMs: 0, length: 0, procTimeMs: new Float64Array(0), channelFill: new Uint16Array(0), state: new Uint8Array(0), consumerLag: new Float64Array(0) },
      watermarks: noWatermarks(0, 1, scenario.pipeline.partitions), metrics: [], writes: sinkWrites, reads, endProcTimeMs: t.endMs,
    },
  };
}
