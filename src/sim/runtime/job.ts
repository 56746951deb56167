// A running job: the task graph with its channels, the per-ms tick that runs every task in topological order (so
// a record with no service time crosses the whole job in one ms), checkpoints, failures and restarts (R7.5–R7.13).
import type { Program } from '../compile.ts';
import { periodic } from '../engine.ts';
import { createRng } from '../rng.ts';
import type { Scheduler } from '../scheduler.ts';
import type { Recorder } from '../trace/recorder.ts';
import type { Pipeline } from '../types.ts';
import { Channel } from './channel.ts';
import { CheckpointCoordinator } from './checkpoints.ts';
import { Controls, type Control, type JobContext, type PaneOut } from './context.ts';
import { keyGroupOf } from './keyGroups.ts';
import { RuntimeMetrics, SAMPLE_EVERY_MS } from './metrics.ts';
import { MapTask, WindowTask } from './operatorTasks.ts';
import { SinkState, SinkTask } from './sink.ts';
import { SourceLog } from './sourceLog.ts';
import { SourceTask } from './sourceTask.ts';
import type { Task } from './task.ts';
import type { OperatorSpec, RuntimeEvent, RuntimeGraph, RuntimeSpec } from './types.ts';
import { injectFailure, pauseTask } from './failover.ts';
import { Autoscaler } from './autoscaler.ts';
import { WatermarkLog } from './watermarkLog.ts';

export type JobStatus = 'running' | 'restarting' | 'failed' | 'finished';

export class Job implements JobContext {
  readonly rng;
  readonly checkpointMode;
  readonly maxParallelism;
  /** Parallelism each operator runs at now (≤ its task slots; the autoscaler changes it). */
  readonly active: number[];
  private readonly windowOperator: number;
  readonly keyGroupOf: Int32Array;
  readonly recordIndex: Int32Array;
  readonly reads: Uint16Array;
  readonly panes: PaneOut[] = [];
  readonly events: RuntimeEvent[] = [];
  readonly tasks: Task[] = [];
  readonly sources: SourceTask[] = [];
  readonly windows: WindowTask[] = [];
  readonly channels: Channel[] = [];
  readonly log: SourceLog;
  readonly sink: SinkState;
  readonly coordinator: CheckpointCoordinator;
  readonly metrics: RuntimeMetrics;
  readonly graph: RuntimeGraph;
  readonly watermarks: WatermarkLog;
  status: JobStatus = 'running';
  /** The `end` step has come: a source subtask without partitions finishes (now or at its next restore). */
  hasInputEnded = false;
  /** Restarts done (the result's `restarts`) and failovers seen (a restart strategy may refuse the last). */
  restarts = 0;
  failures = 0;
  private readonly controls = new Controls();
  private readonly operatorOfTask: number[] = [];
  private isTickArmed = false;
  private lastTickMs = -1;
  private progressAtCompletion = 0;
  private readonly wakeCheckpoints: () => void;
  private readonly wakeMarkers: () => void;
  private wakeWatermarkTimer: () => void = () => {};

  constructor(
    readonly clock: Scheduler,
    readonly program: Program,
    readonly pipeline: Pipeline,
    readonly runtime: RuntimeSpec,
    readonly recorder: Recorder,
    seed: number,
    private readonly isTracing: boolean,
  ) {
    this.rng = createRng(seed);
    this.checkpointMode = runtime.checkpoint.mode;
    this.maxParallelism = runtime.maxParallelism;
    this.active = runtime.initialParallelism ? [...runtime.initialParallelism] : runtime.operators.map((o) => o.parallelism);
    this.windowOperator = runtime.operators.findIndex((o) => o.kind === 'window');
    this.keyGroupOf = Int32Array.from(program.keys, (k) => keyGroupOf(k, runtime.maxParallelism));
    this.recordIndex = new Int32Array(program.length).fill(-1);
    this.reads = new Uint16Array(program.length);
    this.log = new SourceLog(pipeline.partitions);
    this.sink = new SinkState(runtime.sink, this);
    this.graph = this.build(runtime.operators);
    this.watermarks = new WatermarkLog(this.channels.length, this.tasks.length, pipeline.partitions, isTracing);
    for (const s of this.sources) s.startEmpty(false, 0);
    this.coordinator = new CheckpointCoordinator({
      clock, taskCount: this.tasks.length, timeoutMs: runtime.checkpoint.timeoutMs,
      event: (e) => this.event(e),
      start: (id, nowMs) => this.startCheckpoint(id, nowMs),
      completed: (id, nowMs) => {
        this.progressAtCompletion = this.progress();
        this.sink.commitUpTo(id, nowMs);
      },
      aborted: () => this.tasks.forEach((t) => t.abortAlignment()),
    });
    this.metrics = new RuntimeMetrics(this.tasks, this.channels, (p) => this.lagOf(p), pipeline.partitions, runtime.metricsIntervalMs, (t) => this.operatorOfTask[t.id], runtime.operators.length, (bucket) => autoscaler?.evaluate(bucket), runtime.heap.baseMB);
    const autoscaler = runtime.autoscaler ? new Autoscaler(runtime.autoscaler, this) : undefined;
    const interval = this.sources[0].watermarkInterval;
    if (interval > 0) this.wakeWatermarkTimer = periodic(clock, interval, (nowMs) => this.periodicWatermarks(nowMs));
    this.wakeCheckpoints = this.checkpointMode === 'none' ? () => {} : periodic(clock, runtime.checkpoint.intervalMs, (nowMs) => this.periodicCheckpoint(nowMs));
    this.wakeMarkers = runtime.latencyIntervalMs > 0 ? periodic(clock, runtime.latencyIntervalMs, (nowMs) => this.periodicMarkers(nowMs)) : () => {};
    for (const f of runtime.failures) clock.at(f.atMs, (nowMs) => injectFailure(this, f, nowMs));
    if (runtime.heap.gcEveryMs > 0) periodic(clock, runtime.heap.gcEveryMs, (nowMs) => this.collectGarbage(nowMs));
  }

  /** Tasks in topological order; channels all-to-all except forward (one to one). */
  private build(operators: readonly OperatorSpec[]): RuntimeGraph {
    let previous: Task[] = [];
    const calls = new Set<number>();
    operators.forEach((op, o) => {
      const next = operators[o + 1];
      const current: Task[] = [];
      for (let s = 0; s < op.parallelism; s++) {
        const id = this.tasks.length;
        const task = op.kind === 'source' ? new SourceTask(id, op, s, this, next, this.log)
          : op.kind === 'window' ? new WindowTask(id, op, s, this, next)
          : op.kind === 'sink' ? new SinkTask(id, op, s, this, this.sink)
          : new MapTask(id, op, s, this, next, calls);
        task.downstreamOperator = o + 1;
        this.tasks.push(task);
        this.operatorOfTask.push(o);
        current.push(task);
        if (task instanceof SourceTask) this.sources.push(task);
        if (task instanceof WindowTask) this.windows.push(task);
      }
      for (const to of current) {
        const senders = op.partitioning === 'forward' ? [previous[to.subtask]].filter(Boolean) : previous;
        for (const from of senders) {
          const channel = new Channel(this.channels.length, from.id, to.id, this.runtime.bufferCapacity);
          this.channels.push(channel);
          from.outputs.push(channel);
          to.inputs.push(channel);
        }
      }
      previous = current;
    });
    for (const t of this.tasks) if (!(t instanceof SourceTask)) t.restore(undefined, 0);
    return {
      operators: operators.map(({ name, kind, parallelism, partitioning }) => ({ name, kind, parallelism, partitioning })),
      tasks: this.tasks.map((t) => ({ id: t.id, operator: this.operatorOfTask[t.id], subtask: t.subtask, name: t.name })),
      channels: this.channels.map(({ id, from, to, capacity }) => ({ id, from, to, capacity })),
      maxParallelism: this.maxParallelism,
      keyGroups: this.tasks.map((t) => (t instanceof WindowTask ? t.keyGroups : null)),
      partitions: this.pipeline.partitions,
    };
  }

  // ─── JobContext ───────────────────────────────────────────────────────────────────────────────
  get windowParallelism(): number { return this.active[this.windowOperator]; }
  get isReplaying(): boolean { return this.sources.some((s) => s.isReplaying); }
  get endMarker(): number { return this.controls.endMarker; }
  control(element: number): Control { return this.controls.get(element); }
  wmElement(wm: number): number { return this.controls.add('wm', wm); }
  statusElement(isIdle: boolean): number { return isIdle ? this.controls.idleStatus : this.controls.activeStatus; }
  barrier(id: number, isUnaligned = false): number { return this.controls.add('barrier', id, isUnaligned); }
  marker(createdMs: number): number { return this.controls.add('marker', createdMs); }
  keyServiceMs(op: OperatorSpec, keyId: number): number | undefined { return op.keyServiceMs[this.program.keys[keyId]]; }
  event(e: RuntimeEvent): void { if (this.isTracing) this.events.push(e); }
  acknowledge(task: number, checkpoint: number, state: unknown, bytes: number): void { this.coordinator.acknowledge(task, checkpoint, state, bytes); }
  latency(ms: number): void { this.metrics.latency(ms); }
  checkpointStartedMs(id: number): number { return this.coordinator.startedMs(id); }

  wake(): void {
    if (this.isTickArmed || this.status !== 'running') return;
    this.isTickArmed = true;
    this.clock.at(Math.max(this.clock.nowMs, this.lastTickMs + 1), (nowMs) => this.tick(nowMs));
  }

  wakeWatermarks(): void {
    this.wakeWatermarkTimer();
    this.wakeCheckpoints();
    this.wakeMarkers();
  }

  // ─── Input ────────────────────────────────────────────────────────────────────────────────────
  /** A record arrives: it is appended to its partition of the log (the source reads it when it can). */
  append(op: number): void {
    const { ts, keyId, partition, value } = this.program;
    this.recordIndex[op] = this.recorder.arrive(ts[op], keyId[op], partition[op], value[op]);
    this.log.append(partition[op], op, this.clock.nowMs);
    this.wake();
  }

  appendControl(partition: number, element: number): void {
    for (let p = 0; p < this.log.partitions; p++) if (partition < 0 || p === partition) this.log.append(p, element, this.clock.nowMs);
    if (element === this.endMarker) {
      this.hasInputEnded = true;
      if (this.status === 'running') for (const s of this.sources) s.finishEmpty();
    }
    this.wake();
  }

  /** Consumer lag of a partition, in records, at the subtask reading it (during a rescale pause: the one that did). */
  lagOf(partition: number): number {
    for (const s of this.sources) {
      const local = s.partitions.indexOf(partition);
      if (local >= 0) return s.lagOf(local);
    }
    return this.log.endOffset(partition);
  }

  // ─── The tick ─────────────────────────────────────────────────────────────────────────────────
  private tick(nowMs: number): void {
    this.isTickArmed = false;
    this.lastTickMs = nowMs;
    this.metrics.advanceTo(nowMs, this.restarts);
    if (this.status !== 'running') return;
    this.metrics.beforeTick();
    for (const ch of this.channels) ch.refill();
    for (const task of this.tasks) if (!task.isFinished || task.hasWork()) task.step(nowMs);
    this.metrics.afterTick(nowMs);
    if (this.progress() !== this.progressAtCompletion) this.wakeCheckpoints();
    if (this.sinksFinished()) return this.finish(nowMs);
    if (this.tasks.some((t) => t.hasWork())) this.wake();
  }

  private sinksFinished(): boolean {
    return this.tasks.every((t) => t.isFinished && !t.hasWork());
  }

  private finish(nowMs: number): void {
    this.status = 'finished';
    if (this.checkpointMode === 'none') return;
    const states = new Map<number, unknown>(this.coordinator.latest?.states ?? []);
    this.coordinator.finalCheckpoint(nowMs, states);
  }

  // ─── Periodic actions ─────────────────────────────────────────────────────────────────────────
  /** Dormant once no partition can change before a record arrives (an idleness countdown keeps it going, R3.5). */
  private periodicWatermarks(nowMs: number): boolean {
    if (this.status !== 'running') return true;
    let isQuiet = true;
    for (const s of this.sources) if (!s.emitPeriodicWatermark(nowMs)) isQuiet = false;
    this.wake();
    return isQuiet;
  }

  /** Data elements processed by all tasks so far: a checkpoint taken when this has not moved would add nothing. */
  private progress(): number {
    let n = 0;
    for (const t of this.tasks) n += t.recordsIn;
    return n;
  }

  /** R7.7: every interval; asleep while nothing happened since the last completed checkpoint (woken by reads). */
  private periodicCheckpoint(nowMs: number): boolean {
    if (this.status === 'finished' || this.status === 'failed') return true;
    if (this.status !== 'running') return false;
    if (!this.coordinator.isPending && this.progress() === this.progressAtCompletion) return true;
    this.coordinator.trigger(nowMs);
    this.wake();
    return false;
  }

  /** Heap model: the more state a window subtask holds on its heap, the longer its GC pauses. */
  private collectGarbage(nowMs: number): boolean {
    if (this.status === 'finished' || this.status === 'failed') return true;
    if (this.status !== 'running') return false;
    const { baseMB, pauseMsPerMB } = this.runtime.heap;
    for (const w of this.windows) {
      const pauseMs = Math.round((baseMB + w.bytesOf(w.openWindows) / 1e6) * pauseMsPerMB);
      if (pauseMs > 0) pauseTask(this, w, pauseMs, nowMs, true);
    }
    return false;
  }

  private periodicMarkers(nowMs: number): boolean {
    if (this.status !== 'running') return this.status !== 'restarting';
    for (const s of this.sources) s.emitMarker(nowMs);
    this.wake();
    return !this.tasks.some((t) => t.hasWork());
  }

  private startCheckpoint(id: number, nowMs: number): void {
    const offsets = new Array<number>(this.log.partitions).fill(0);
    for (const s of this.sources) s.partitions.forEach((p, i) => (offsets[p] = s.offsets[i]));
    this.event({ kind: 'checkpoint-started', procTimeMs: nowMs, checkpoint: id, offsets });
    if (this.status === 'finished') {
      // The final checkpoint: sinks pre-commit their last transactions so that its completion commits them.
      for (const t of this.tasks) if (t instanceof SinkTask) t.acknowledgeFinished(id, nowMs);
      return;
    }
    for (const s of this.sources) s.injectBarrier(id, nowMs);
    // Finished tasks (end of input) answer at once with what they hold (FLIP-147).
    for (const t of this.tasks) if (t.isFinished && !(t instanceof SourceTask) && !t.hasWork()) t.acknowledgeFinished(id, nowMs);
  }

  /** The job failed over (or stopped to rescale): trace rows say "down" until it runs again, not a gap. */
  goDown(nowMs: number): void {
    this.metrics.goDown(nowMs);
    this.sampleDown(nowMs);
  }

  private readonly sampleDown = (nowMs: number): void => {
    if (this.status === 'running' || this.status === 'finished') return;
    this.metrics.advanceTo(nowMs, this.restarts);
    this.metrics.downRow(nowMs);
    if (this.status === 'restarting') this.clock.at((Math.floor(nowMs / SAMPLE_EVERY_MS) + 1) * SAMPLE_EVERY_MS, this.sampleDown);
  };

  /** Periodic work sleeps while the job is down; a restart wakes it. */
  resumeAfterRestart(nowMs: number): void {
    this.metrics.advanceTo(nowMs, this.restarts);
    this.metrics.goUp(nowMs);
    this.status = 'running';
    this.wake();
    this.wakeWatermarkTimer();
    this.wakeCheckpoints();
    this.wakeMarkers();
  }
}
