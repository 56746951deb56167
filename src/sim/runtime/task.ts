// One parallel subtask. Every virtual ms it gets 1 ms of time: it first ships output it could not ship before
// (credit, R7.5), then reads its input channels in turn, paying each record's service time. What it spent the ms on
// is its R7.6 state: busy (service time), back-pressured (output waiting for credit), idle (nothing to read).
// Barriers are aligned here for every kind of task (R7.8, R7.9); kinds add what they do with data and snapshots.
import type { Channel } from './channel.ts';
import type { JobContext } from './context.ts';
import { subtaskOfKeyGroup } from './keyGroups.ts';
import type { OperatorSpec } from './types.ts';
import { UnalignedCapture, type UnalignedSnapshot } from './unaligned.ts';
import { Valve } from '../watermarks/valve.ts';
import { drawServiceMs, HeldOutput } from './heldOutput.ts';

/** Work left on a record below this is rounding noise. */
const EPSILON_MS = 1e-9;

export abstract class Task {
  readonly inputs: Channel[] = [];
  /** Indexed by the downstream subtask. */
  readonly outputs: Channel[] = [];
  /** Output held back for lack of credit. */
  private readonly heldBack = new HeldOutput();
  private readonly shipHeld = (output: number, element: number): boolean => {
    const channel = this.outputs[output];
    if (element >= 0 && !channel.hasCredit()) return false;
    this.ship(channel, element);
    return true;
  };
  /** Service time still owed for the head record; NaN when none is started. */
  protected remainingMs = NaN;
  private nextInput = 0;
  private nextRebalance: number;
  private nextMarker = 0;
  pausedUntilMs = -Infinity;
  isFinished = false;
  /** R3.6: the watermark valve over the input channels (a source: over its partitions). */
  protected valve: Valve | undefined;
  /** The status this task last sent downstream: IDLE when every input (or partition) is idle. */
  private isOutputIdle = false;
  // Barrier alignment (R7.8): the checkpoint being aligned, barriers seen, and since when.
  private alignId = 0;
  private alignSeen = 0;
  private alignStartMs = 0;
  /** Unaligned checkpoint in progress (R7.10). */
  private capture: UnalignedCapture | undefined;
  /** The last checkpoint this task snapshotted unaligned: its later barriers only settle channels. */
  private capturedId = 0;
  // Counters read by the metrics (R7.6), in ms and records since the start.
  busyMs = 0;
  backPressuredMs = 0;
  private readonly hasKeyCosts: boolean;
  recordsIn = 0;
  recordsOut = 0;
  /** Index of the operator this task sends to (its parallelism now decides how data spreads). */
  downstreamOperator = -1;

  constructor(
    readonly id: number,
    readonly spec: OperatorSpec,
    readonly subtask: number,
    protected readonly job: JobContext,
    /** The next operator's spec (how it partitions), or undefined for a sink. */
    private readonly downstream: OperatorSpec | undefined,
  ) {
    this.nextRebalance = subtask;
    this.hasKeyCosts = Object.keys(spec.keyServiceMs).length > 0;
  }

  get name(): string { return `${this.spec.name}-${this.subtask}`; }

  /** What the task does with a data element taken from input `channel`. */
  protected abstract processData(element: number, channel: number, nowMs: number): void;
  /** The key of a data element (service time per key, hash partitioning). */
  protected abstract keyOf(element: number): number;
  /** R7.7/R7.8: the task's state for checkpoint `id`, and its size in bytes. */
  protected abstract snapshot(id: number, nowMs: number): { state: unknown; bytes: number };
  /** Restart: back to the checkpoint's state, or to the initial state when `state` is undefined (R7.12). */
  abstract restore(state: unknown, nowMs: number): void;

  /** True while the task has something to do (the job's clock keeps ticking). */
  hasWork(): boolean {
    if (!this.heldBack.isEmpty || !Number.isNaN(this.remainingMs)) return true;
    for (const ch of this.inputs) if (ch.length > 0 && !ch.isBlocked) return true;
    return false;
  }

  /** One virtual ms of this task. */
  step(nowMs: number): void {
    if (this.alignId > 0 && this.job.checkpointMode === 'unaligned') this.switchToUnalignedIfLate(nowMs);
    if (this.pausedUntilMs > nowMs) {
      // A GC pause or a stalled external system: the thread is held, which Flink reports as busy.
      this.busyMs += 1;
      return;
    }
    if (!this.flush()) {
      this.backPressuredMs += 1;
      return;
    }
    const spentMs = this.readInputs(nowMs, 1);
    this.busyMs += spentMs;
    if (!this.heldBack.isEmpty) this.backPressuredMs += 1 - spentMs;
  }

  /** Reads input in round-robin order until the budget is spent, input runs out or output blocks. */
  protected readInputs(nowMs: number, budgetMs: number): number {
    const inputs = this.inputs;
    const n = inputs.length;
    let spentMs = 0;
    for (;;) {
      let c = -1;
      for (let k = 0; k < n; k++) {
        const i = (this.nextInput + k) % n;
        if (inputs[i].length > 0 && !inputs[i].isBlocked) {
          c = i;
          break;
        }
      }
      if (c < 0) return spentMs;
      const channel = inputs[c];
      const element = channel.peek();
      if (element >= 0) {
        if (Number.isNaN(this.remainingMs)) this.remainingMs = this.costOf(this.keyOf(element));
        if (this.remainingMs > 0) {
          const takeMs = Math.min(budgetMs - spentMs, this.remainingMs);
          spentMs += takeMs;
          this.remainingMs -= takeMs;
          if (this.remainingMs > EPSILON_MS) return spentMs;
        }
        this.remainingMs = NaN;
        channel.shift();
        this.nextInput = (c + 1) % n;
        this.recordsIn++;
        this.processData(element, c, nowMs);
      } else {
        channel.shift();
        this.processControl(c, element, nowMs);
      }
      if (!this.heldBack.isEmpty || this.isFinished) return spentMs;
    }
  }

  /** Service time of one record (a hot key has its own). */
  protected costOf(keyId: number): number {
    if (this.hasKeyCosts) {
      const perKey = this.job.keyServiceMs(this.spec, keyId);
      if (perKey !== undefined) return perKey;
    }
    return drawServiceMs(this.spec.service, this.job.rng);
  }

  private processControl(channel: number, element: number, nowMs: number): void {
    const control = this.job.control(element);
    switch (control.kind) {
      case 'wm':
        this.job.watermarks.channel(this.inputs[channel].id, control.value, nowMs);
        return this.valve?.input(channel, control.value);
      case 'status': return this.onStatus(channel, control.value === 1, nowMs);
      case 'barrier': return this.onBarrier(channel, control.value, nowMs, control.isUnaligned === true);
      case 'marker': return this.onMarker(element, nowMs);
      case 'end':
        this.inputs[channel].hasEnded = true;
        if (this.capture) {
          this.capture.settle(channel, this.inputs[channel]);
          this.ackIfCaptured(nowMs);
        }
        if (this.inputs.every((ch) => ch.hasEnded)) this.finish();
        // An input that ended sends no more barriers: the alignment in progress may be complete now.
        else if (this.alignId > 0 && this.alignSeen >= this.liveInputs()) this.completeAlignment(nowMs);
    }
  }

  /** A traced valve; a watermark makes an idle output ACTIVE first. */
  protected newValve(channels: number, forward: (wm: number) => void): Valve {
    this.isOutputIdle = false;
    return new Valve(channels, (wm) => {
      const nowMs = this.job.clock.nowMs;
      if (this.isOutputIdle) this.setOutputIdle(false, nowMs);
      this.job.watermarks.task(this.id, wm, nowMs);
      forward(wm);
    });
  }

  /** R3.6: an IDLE channel leaves the min; when every channel is idle, so is this task's output. */
  private onStatus(channel: number, isIdle: boolean, nowMs: number): void {
    this.job.watermarks.channelStatus(this.inputs[channel].id, isIdle, nowMs);
    const valve = this.valve;
    if (!valve) return;
    if (isIdle) valve.markIdle(channel);
    else valve.markActive(channel);
    this.updateOutputStatus(nowMs);
  }

  /** Sends IDLE or ACTIVE downstream when the valve's inputs all went idle or one came back. */
  protected updateOutputStatus(nowMs: number): void {
    const valve = this.valve;
    if (valve) this.setOutputIdle(valve.isActive.every((a) => a === 0), nowMs);
  }

  private setOutputIdle(isIdle: boolean, nowMs: number): void {
    if (isIdle === this.isOutputIdle) return;
    this.isOutputIdle = isIdle;
    this.job.watermarks.taskStatus(this.id, isIdle, nowMs);
    this.broadcast(this.job.statusElement(isIdle));
  }

  /** Latency markers skip the queue of work but not the queues of channels; sinks measure them. */
  protected onMarker(element: number, _nowMs: number): void {
    if (this.outputs.length === 0) return;
    this.send(this.nextMarker++ % this.outputs.length, element);
  }

  private liveInputs(): number {
    let live = 0;
    for (const ch of this.inputs) if (!ch.hasEnded) live++;
    return live;
  }

  /**
   * R7.8 exactly-once: a barrier blocks its channel until barrier n came on every live channel, then the task
   * snapshots and forwards it. R7.9 at-least-once: no blocking, the snapshot is taken at the last barrier.
   */
  private onBarrier(channel: number, id: number, nowMs: number, isUnaligned: boolean): void {
    // Once a checkpoint went unaligned (here or upstream), every later barrier of it only settles in-flight data.
    if (isUnaligned || this.capture?.id === id || id <= this.capturedId) {
      return this.onUnalignedBarrier(channel, id, nowMs);
    }
    if (id !== this.alignId) {
      this.alignId = id;
      this.alignSeen = 0;
      this.alignStartMs = nowMs;
    }
    this.alignSeen++;
    const live = this.liveInputs();
    // R7.8: exactly-once aligns; unaligned with an aligned-checkpoint-timeout aligns first, too.
    if (this.job.checkpointMode !== 'at-least-once' && live > 1) this.inputs[channel].isBlocked = true;
    this.job.event({ kind: 'barrier', procTimeMs: nowMs, checkpoint: id, task: this.id, channel: this.inputs[channel].id });
    if (this.alignSeen >= live) this.completeAlignment(nowMs);
  }

  private completeAlignment(nowMs: number): void {
    const id = this.alignId;
    if (this.inputs.length > 1) this.job.event({ kind: 'aligned', procTimeMs: nowMs, checkpoint: id, task: this.id, alignmentMs: nowMs - this.alignStartMs });
    this.takeSnapshot(id, nowMs);
    this.broadcast(this.job.barrier(id));
    this.abortAlignment();
  }

  /** R7.10: the first barrier n snapshots at once and overtakes the output; later ones complete the in-flight data. */
  private onUnalignedBarrier(channel: number, id: number, nowMs: number): void {
    this.job.event({ kind: 'barrier', procTimeMs: nowMs, checkpoint: id, task: this.id, channel: this.inputs[channel].id });
    if (this.capture?.id === id) this.capture.settle(channel, this.inputs[channel]);
    else if (id > this.capturedId) this.snapshotUnaligned(id, nowMs, channel);
    this.ackIfCaptured(nowMs);
  }

  /** R7.8: past the aligned-checkpoint-timeout (from the checkpoint's start) it turns unaligned. */
  private switchToUnalignedIfLate(nowMs: number): void {
    const startedMs = this.job.checkpointStartedMs(this.alignId);
    if (nowMs - startedMs < this.job.runtime.checkpoint.alignedTimeoutMs) return;
    const id = this.alignId;
    this.job.event({ kind: 'note', procTimeMs: nowMs, text: `${this.name}: checkpoint ${id} still aligning after ${nowMs - startedMs} ms — switching to unaligned (R7.8)` });
    this.snapshotUnaligned(id, nowMs, -1);
    this.alignId = 0;
    this.alignSeen = 0;
    for (const ch of this.inputs) ch.isBlocked = false;
  }

  /** Snapshots state and overtaken output now; barrier n goes ahead of all queued output. */
  protected snapshotUnaligned(id: number, nowMs: number, first: number): void {
    this.capturedId = id;
    const { state, bytes } = this.snapshot(id, nowMs);
    const output = this.heldBack.dataPairs();
    this.capture = new UnalignedCapture(id, state, bytes, output, this.inputs, first, (e) => e < 0 && this.job.control(e).kind === 'barrier');
    const barrier = this.job.barrier(id, true);
    for (const ch of this.outputs) ch.pushBarrierFirst(barrier);
    this.ackIfCaptured(nowMs);
  }

  private ackIfCaptured(nowMs: number): void {
    const capture = this.capture;
    if (!capture?.isComplete) return;
    this.capture = undefined;
    const bytes = capture.bytes + capture.inFlight * this.job.runtime.bytesPerEntry;
    this.job.event({ kind: 'snapshot', procTimeMs: nowMs, checkpoint: capture.id, task: this.id, bytes, inFlight: capture.inFlight });
    this.job.acknowledge(this.id, capture.id, capture.snapshot(), bytes);
  }

  /** Restore after an unaligned checkpoint: in-flight input is read first, held output is shipped first. */
  refill(saved: UnalignedSnapshot): void {
    saved.inputs.forEach((data, i) => data.forEach((e) => this.inputs[i].push(e)));
    this.heldBack.reset(saved.output);
  }

  /** Snapshot and acknowledge checkpoint `id` to the coordinator. */
  protected takeSnapshot(id: number, nowMs: number): void {
    const { state, bytes } = this.snapshot(id, nowMs);
    this.job.event({ kind: 'snapshot', procTimeMs: nowMs, checkpoint: id, task: this.id, bytes, inFlight: 0 });
    this.job.acknowledge(this.id, id, state, bytes);
  }

  /** A task that finished (end of input) answers a checkpoint at once with what it holds (FLIP-147). */
  acknowledgeFinished(id: number, nowMs: number): void {
    this.takeSnapshot(id, nowMs);
  }

  /** A checkpoint was abandoned (timeout, failover): stop waiting for its barriers. */
  abortAlignment(): void {
    this.alignId = 0;
    this.alignSeen = 0;
    this.capture = undefined;
    for (const ch of this.inputs) {
      ch.isBlocked = false;
      ch.recording = undefined;
      ch.recorded = undefined;
    }
  }

  /** End of input on every channel: forward it and stop. */
  protected finish(): void {
    this.broadcast(this.job.endMarker);
    this.isFinished = true;
  }

  /** Routes a data element by the next operator's partitioning (R7.1: hash goes through key groups). */
  protected emitData(element: number, keyId: number): void {
    this.recordsOut++;
    const down = this.downstream;
    if (!down) return;
    // Only the downstream subtasks that run now get data (an autoscaler keeps idle slots above them).
    const active = this.job.active[this.downstreamOperator];
    switch (down.partitioning) {
      case 'forward': return this.send(0, element);
      case 'rebalance': return this.send(this.nextRebalance++ % active, element);
      case 'broadcast':
        for (let i = 0; i < active; i++) this.send(i, element);
        return;
      case 'hash': return this.send(subtaskOfKeyGroup(this.job.keyGroupOf[keyId], active, this.job.maxParallelism), element);
    }
  }

  /** Control elements go to every output channel, behind any data still waiting there. */
  protected broadcast(element: number): void {
    for (let i = 0; i < this.outputs.length; i++) this.send(i, element);
  }

  protected send(output: number, element: number): void {
    const channel = this.outputs[output];
    if (this.heldBack.isEmpty && (element < 0 || channel.hasCredit())) this.ship(channel, element);
    else this.heldBack.push(output, element);
  }

  private ship(channel: Channel, element: number): void {
    if (element < 0 && this.job.control(element).kind === 'barrier') channel.pushBarrier(element);
    else channel.push(element);
  }

  /** Ships held output while there is credit; false when some is still waiting. */
  private flush(): boolean { return this.heldBack.drain(this.shipHeld); }

  protected hasPendingOutput(): boolean { return !this.heldBack.isEmpty; }

  /** Data elements held in the output (for the list of lost records when nothing is checkpointed). */
  heldOutput(): number[] { return this.heldBack.dataPairs().filter((_, i) => i % 2 === 1); }

  /** Failover: the task is cancelled; everything it held in memory is gone. */
  cancel(): void {
    this.heldBack.reset();
    this.remainingMs = NaN;
    this.nextInput = 0;
    this.nextRebalance = this.subtask;
    this.nextMarker = 0;
    this.pausedUntilMs = -Infinity;
    this.isFinished = false;
    this.capturedId = 0;
    this.abortAlignment();
  }
}
