// R3.10: Flink watermark alignment, `withWatermarkAlignment(group, maxDrift, updateInterval)` (FLIP-182, FLIP-217).
// Sim: every partition is one source reader of the group. As Flink does it (apache/flink SourceOperator,
// SourceCoordinator#announceCombinedWatermark):
// - every updateInterval each partition reports its watermark: nothing before its first one (UNINITIALIZED), +∞
//   while idle or once its input is finished; the coordinator announces maxAllowed = min(reports) + maxDrift;
// - a partition stops reading as soon as it forwards a watermark > maxAllowed (strict: `maxDesired < watermark`),
//   or at an announcement that finds it above; it reads again only at an announcement that finds it ≤ maxAllowed;
// - a paused partition's idleness clock stands still, so waiting never makes it idle.
// Records that arrive for a paused partition wait in its log and are read, in order, when it resumes (Sim: the
// whole backlog at once, unless a watermark it forwards on the way pauses it again).
import { periodic } from '../engine.ts';
import type { Scheduler } from '../scheduler.ts';
import { inMs, type Recorder } from '../trace/recorder.ts';
import type { WatermarkAlignment } from '../types.ts';
import type { PartitionWatermarks, WatermarkListener } from './partitionWatermarks.ts';

export class Alignment implements WatermarkListener {
  private readonly isPaused: Uint8Array;
  private readonly waiting: number[][];
  private readonly isFinished: Uint8Array;
  private groupMin = Infinity;
  private maxAllowed = Infinity;
  private pausedCount = 0;
  private isDormant = false;
  private hasInputEnded = false;
  private readonly wake: () => void;

  constructor(
    private readonly spec: WatermarkAlignment,
    private readonly partitions: number,
    private readonly generators: PartitionWatermarks,
    private readonly recorder: Recorder,
    private readonly clock: Scheduler,
    /** Reads one record (a program position) of a partition that is not paused. */
    private readonly read: (op: number) => void,
  ) {
    this.isPaused = new Uint8Array(partitions);
    this.isFinished = new Uint8Array(partitions);
    this.waiting = Array.from({ length: partitions }, () => []);
    generators.listener = this;
    generators.isPaused = this.isPaused;
    this.wake = periodic(clock, spec.updateInterval, () => this.announce());
  }

  /** A record for partition p arrives: read now, or wait while the partition is paused. */
  arrive(p: number, op: number): void {
    if (this.isPaused[p]) this.waiting[p].push(op);
    else this.read(op);
  }

  /** While announcements sleep nothing changed since the last one: one announcement now stands for all skipped. */
  beforeChange(): void {
    if (!this.isDormant) return;
    this.isDormant = false;
    this.updateMaxAllowed();
    this.wake();
  }

  emitted(p: number, wm: number): void {
    // Flink SourceOperator#updateCurrentSplitWatermark: pause at once when the new watermark is beyond maxAllowed.
    if (!this.isPaused[p] && wm > this.maxAllowed) this.pause(p);
  }

  /**
   * The input ended (R3.9). A partition with nothing waiting is finished and reports +∞; the others keep reading
   * as the announcements let them, in processing time, before the final watermark.
   */
  finishInput(): void {
    this.hasInputEnded = true;
    for (let p = 0; p < this.partitions; p++) if (this.waiting[p].length === 0) this.isFinished[p] = 1;
    // Ends: the paused partition with the smallest watermark is always within maxDrift of the minimum.
    while (this.pausedCount > 0 && this.clock.nextMs < Infinity) this.clock.runUntil(this.clock.nextMs, true);
  }

  /** One coordinator round: recompute maxAllowed, then pause or resume every partition against it. */
  private announce(): boolean {
    this.updateMaxAllowed();
    for (let p = 0; p < this.partitions; p++) {
      const wm = this.generators.watermarkOf(p);
      if (wm > this.maxAllowed) {
        if (!this.isPaused[p] && !this.isFinished[p]) this.pause(p);
      } else if (this.isPaused[p]) {
        this.resume(p);
      }
    }
    this.isDormant = this.pausedCount === 0;
    return this.isDormant;
  }

  private updateMaxAllowed(): void {
    let min = Infinity;
    let hasReport = false;
    for (let p = 0; p < this.partitions; p++) {
      const wm = this.generators.watermarkOf(p);
      const isDone = this.isFinished[p] === 1 || this.generators.isIdleNow(p);
      if (wm === -Infinity && !isDone) continue; // UNINITIALIZED: no report yet
      hasReport = true;
      const reported = isDone ? Infinity : wm;
      if (reported < min) min = reported;
    }
    // No report: the coordinator sends no event, nothing is limited.
    if (!hasReport) return;
    const maxAllowed = min + this.spec.maxDrift;
    if (min === this.groupMin && maxAllowed === this.maxAllowed) return;
    this.groupMin = min;
    this.maxAllowed = maxAllowed;
    if (this.recorder.isTracing) this.recorder.event({ kind: 'alignment-update', ...this.values() });
  }

  private values() {
    return { group: this.spec.group, groupMin: this.groupMin, maxDrift: this.spec.maxDrift, maxAllowed: this.maxAllowed };
  }

  private pause(p: number): void {
    this.isPaused[p] = 1;
    this.pausedCount++;
    if (!this.recorder.isTracing) return;
    const watermark = this.generators.watermarkOf(p);
    this.recorder.event({
      kind: 'alignment-paused', partition: p, watermark, waiting: 0, ...this.values(), rule: 'R3.10',
      reason: inMs(`R3.10: partition ${p} stops reading: its watermark ${watermark} > group minimum ${this.groupMin} + max drift ${this.spec.maxDrift} = ${this.maxAllowed}`),
    });
  }

  private resume(p: number): void {
    this.isPaused[p] = 0;
    this.pausedCount--;
    const queue = this.waiting[p];
    if (this.recorder.isTracing) {
      const watermark = this.generators.watermarkOf(p);
      this.recorder.event({
        kind: 'alignment-resumed', partition: p, watermark, waiting: queue.length, ...this.values(), rule: 'R3.10',
        reason: inMs(`R3.10: partition ${p} reads again: its watermark ${watermark} ≤ group minimum ${this.groupMin} + max drift ${this.spec.maxDrift} = ${this.maxAllowed}; ${queue.length} waiting record${queue.length === 1 ? '' : 's'} read now`),
      });
    }
    let i = 0;
    while (i < queue.length && !this.isPaused[p]) this.read(queue[i++]);
    queue.splice(0, i);
    if (this.hasInputEnded && queue.length === 0) this.isFinished[p] = 1;
  }
}
