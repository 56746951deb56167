// A source subtask reads its partitions of the log (partition p goes to subtask p mod the source's parallelism now),
// one record at a time in turn, and runs one watermark generator per partition with the valve over them (R3.4). On a
// checkpoint it records its offsets and emits the barrier between two records (R7.7); on recovery it rewinds to them
// (R7.12), taking the partitions the parallelism then gives it. A subtask with no partition is IDLE (R3.6).
import { flinkRules } from '../profiles/eventTimeRules.ts';
import { PartitionWatermarks } from '../watermarks/partitionWatermarks.ts';
import type { JobContext } from './context.ts';
import type { SourceLog } from './sourceLog.ts';
import { SubtaskRecorder } from './subtaskRecorder.ts';
import { Task } from './task.ts';
import type { OperatorSpec } from './types.ts';

/** Offsets by global partition; −1 for partitions another subtask reads. */
export interface SourceState { offsets: number[] }

export class SourceTask extends Task {
  /** Global partition ids this subtask reads. */
  partitions: number[] = [];
  offsets: Int32Array;
  private ended: Uint8Array;
  private nextPartition = 0;
  private generators!: PartitionWatermarks;
  private readonly quiet: SubtaskRecorder;
  /** withIdleness (R3.5): the source's output status follows its partitions'. */
  private readonly hasIdleness: boolean;

  constructor(id: number, spec: OperatorSpec, subtask: number, job: JobContext, downstream: OperatorSpec, private readonly log: SourceLog) {
    super(id, spec, subtask, job, downstream);
    this.offsets = new Int32Array(0);
    this.ended = new Uint8Array(0);
    this.hasIdleness = job.pipeline.watermark?.idleness !== undefined;
    this.quiet = new SubtaskRecorder(job.recorder, {
      pane() {}, assign() {}, windowOpened() {}, windowClosed() {},
      partitionWatermark: (local, wm) => job.watermarks.partition(this.partitions[local], wm, job.clock.nowMs),
      idle: (e) => {
        const partition = this.partitions[e.partition];
        job.watermarks.partitionStatus(partition, e.isIdle, job.clock.nowMs);
        job.recorder.event({ ...e, partition });
      },
    });
    this.restore(undefined, 0);
  }

  get watermarkInterval(): number { return this.generators.hasPeriodicWork ? this.generators.interval : 0; }

  override hasWork(): boolean {
    if (super.hasWork()) return true;
    if (this.isFinished) return false;
    for (let i = 0; i < this.partitions.length; i++) if (!this.ended[i] && this.offsets[i] < this.log.endOffset(this.partitions[i])) return true;
    return false;
  }

  get isReplaying(): boolean {
    for (let i = 0; i < this.partitions.length; i++) if (this.offsets[i] < this.log.readUpTo[this.partitions[i]]) return true;
    return false;
  }

  /** Consumer lag of one of its partitions, in records. */
  lagOf(local: number): number { return this.log.endOffset(this.partitions[local]) - this.offsets[local]; }

  protected override readInputs(nowMs: number, budgetMs: number): number {
    const { keyId, ts } = this.job.program;
    const n = this.partitions.length;
    let spentMs = 0;
    for (;;) {
      let local = -1;
      for (let k = 0; k < n; k++) {
        const i = (this.nextPartition + k) % n;
        if (!this.ended[i] && this.offsets[i] < this.log.endOffset(this.partitions[i])) {
          local = i;
          break;
        }
      }
      if (local < 0) return spentMs;
      const entry = this.log.at(this.partitions[local], this.offsets[local]);
      if (entry >= 0) {
        if (Number.isNaN(this.remainingMs)) this.remainingMs = this.costOf(keyId[entry]);
        if (this.remainingMs > 0) {
          const takeMs = Math.min(budgetMs - spentMs, this.remainingMs);
          spentMs += takeMs;
          this.remainingMs -= takeMs;
          if (this.remainingMs > 1e-9) return spentMs;
        }
        this.remainingMs = NaN;
        this.advanceOffset(local);
        this.nextPartition = (local + 1) % n;
        this.recordsIn++;
        this.job.reads[this.job.recordIndex[entry]]++;
        this.emitData(entry, keyId[entry]);
        // R3.2 per-record mode: the record first, then the watermark computed from it.
        this.generators.onRecord(local, ts[entry]);
        if (this.hasIdleness) this.updateOutputStatus(nowMs);
        this.job.wakeWatermarks();
      } else {
        this.advanceOffset(local);
        const control = this.job.control(entry);
        if (control.kind === 'wm') this.generators.explicit(local, control.value);
        else this.endPartition(local);
        if (this.hasIdleness) this.updateOutputStatus(nowMs);
      }
      if (this.hasPendingOutput() || this.isFinished) return spentMs;
    }
  }

  private advanceOffset(local: number): void {
    const next = ++this.offsets[local];
    const p = this.partitions[local];
    if (next > this.log.readUpTo[p]) this.log.readUpTo[p] = next;
  }

  /** R3.9: a bounded partition ends with W = +∞; when all have ended, end of input goes downstream. */
  private endPartition(local: number): void {
    this.generators.explicit(local, Infinity);
    this.ended[local] = 1;
    if (this.ended.every((e) => e === 1)) this.finish();
  }

  /** A periodic emission (R3.2) with the idleness check (R3.5); true when nothing changes until a record arrives. */
  emitPeriodicWatermark(nowMs: number): boolean {
    if (this.isFinished) return true;
    const isQuiet = this.generators.periodic(nowMs);
    if (this.hasIdleness) this.updateOutputStatus(nowMs);
    return isQuiet;
  }

  /** R7.7: the coordinator starts checkpoint `id`: offsets now, then the barrier behind everything emitted so far. */
  injectBarrier(id: number, nowMs: number): void {
    // Unaligned from the start unless an aligned-checkpoint-timeout lets barriers try to align first (R7.8).
    if (this.job.checkpointMode === 'unaligned' && this.job.runtime.checkpoint.alignedTimeoutMs === 0 && !this.isFinished) return this.snapshotUnaligned(id, nowMs, -1);
    this.takeSnapshot(id, nowMs);
    if (!this.isFinished) this.broadcast(this.job.barrier(id));
  }

  /** Latency markers start at the sources (Flink metrics.latency.interval). */
  emitMarker(nowMs: number): void {
    if (!this.isFinished) this.onMarker(this.job.marker(nowMs), nowMs);
  }

  protected snapshot(): { state: SourceState; bytes: number } {
    const offsets = new Array<number>(this.log.partitions).fill(-1);
    this.partitions.forEach((p, i) => (offsets[p] = this.offsets[i]));
    return { state: { offsets }, bytes: 8 * this.partitions.length };
  }

  /**
   * R7.12: the partitions the source's parallelism gives this subtask now, at the offsets of `state` (offsets by
   * global partition, merged from every source subtask's snapshot; none: from the start); R3.11: watermark
   * generators start again.
   */
  restore(state: unknown, _nowMs: number): void {
    this.resume((state as SourceState | undefined)?.offsets ?? new Array<number>(this.log.partitions).fill(0));
  }

  /** Reads its partitions from `offsets` (by global partition), with fresh watermark generators. */
  resume(offsets: readonly number[]): void {
    const parallelism = this.job.active[0];
    this.partitions = [];
    if (this.subtask < parallelism) for (let p = this.subtask; p < this.log.partitions; p += parallelism) this.partitions.push(p);
    this.offsets = Int32Array.from(this.partitions, (p) => Math.max(0, offsets[p]));
    this.resetReading();
  }

  /** A subtask without partitions tells downstream it is IDLE (R3.6), and ends with the input. */
  startEmpty(hasInputEnded: boolean, nowMs: number): void {
    if (this.partitions.length > 0) return;
    if (hasInputEnded) return this.finishEmpty();
    this.updateOutputStatus(nowMs);
  }

  /** End of input for a subtask that reads nothing: W = +∞ like every finished source (R3.9), then the end. */
  finishEmpty(): void {
    if (this.partitions.length > 0 || this.isFinished) return;
    this.broadcast(this.job.statusElement(false));
    this.broadcast(this.job.wmElement(Infinity));
    this.finish();
  }

  private resetReading(): void {
    this.ended = new Uint8Array(this.partitions.length);
    this.nextPartition = 0;
    const spec = this.job.pipeline.watermark;
    const delay = spec?.type === 'bounded' ? spec.delay : 0;
    this.valve = this.newValve(this.partitions.length, (wm) => this.broadcast(this.job.wmElement(wm)));
    this.generators = new PartitionWatermarks(spec, this.partitions.length, flinkRules.boundedFormula(delay), this.valve, this.quiet);
  }

  protected processData(): void {}
  protected keyOf(element: number): number { return this.job.program.keyId[element]; }
}
