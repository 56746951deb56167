// Per-partition watermark generators (R3.1, R3.2, R3.4, R3.5, R3.12) feeding the valve (R3.6).
import { inMs, type Recorder } from '../trace/recorder.ts';
import type { WatermarkSpec } from '../types.ts';
import type { Valve } from './valve.ts';

/** From the largest event time seen to the watermark, in the profile's own convention. */
export type WatermarkFormula = (maxTs: number) => number;

/** Told about every change of what a partition reports (R3.10 watermark alignment listens). */
export interface WatermarkListener {
  /** A partition's watermark or idleness is about to change. */
  beforeChange(): void;
  /** Partition p forwarded watermark wm. */
  emitted(p: number, wm: number): void;
}

export class PartitionWatermarks {
  private readonly maxTs: Float64Array;
  private readonly emitted: Float64Array;
  private readonly activity: Float64Array;
  private readonly seenActivity: Float64Array;
  /** NaN: no idleness countdown running (R3.5). */
  private readonly silentSince: Float64Array;
  private readonly isIdle: Uint8Array;
  readonly isPerRecord: boolean;
  readonly interval: number;
  private readonly idlenessMs: number;
  listener: WatermarkListener | undefined;
  /** R3.10: partitions paused by watermark alignment; their idleness countdown does not run (set by the alignment). */
  isPaused: Uint8Array | undefined;

  constructor(
    private readonly spec: WatermarkSpec | undefined,
    partitions: number,
    private readonly formula: WatermarkFormula,
    private readonly valve: Valve,
    private readonly recorder: Recorder,
  ) {
    this.maxTs = new Float64Array(partitions).fill(-Infinity);
    this.emitted = new Float64Array(partitions).fill(-Infinity);
    this.activity = new Float64Array(partitions);
    this.seenActivity = new Float64Array(partitions);
    this.silentSince = new Float64Array(partitions).fill(NaN);
    this.isIdle = new Uint8Array(partitions);
    const generated = spec !== undefined && spec.type !== 'explicit';
    this.isPerRecord = generated && spec.emit === 'per-record';
    this.interval = generated || spec?.idleness !== undefined ? (spec && 'interval' in spec ? spec.interval : 200) : 0;
    this.idlenessMs = spec?.idleness ?? NaN;
  }

  get hasPeriodicWork(): boolean {
    return this.interval > 0 && (this.spec?.type !== 'explicit' || !Number.isNaN(this.idlenessMs));
  }

  /** R3.2 per-record mode: the record is forwarded first, then the watermark computed from it. */
  onRecord(partition: number, ts: number): void {
    this.activity[partition]++;
    if (ts > this.maxTs[partition]) this.maxTs[partition] = ts;
    if (this.isPerRecord) this.emit(partition, this.formula(this.maxTs[partition]));
  }

  explicit(partition: number, wm: number): void {
    // R3.3: a watermark that does not advance the channel is ignored (and not traced as a step back).
    if (wm <= this.emitted[partition]) return;
    this.listener?.beforeChange();
    this.emitted[partition] = wm;
    this.recorder.partitionWatermark(partition, wm);
    this.valve.input(partition, wm);
    this.listener?.emitted(partition, wm);
  }

  /** The last watermark partition p forwarded (−∞: none yet). */
  watermarkOf(p: number): number {
    return this.emitted[p];
  }

  isIdleNow(p: number): boolean {
    return this.isIdle[p] === 1;
  }

  /** One periodic emission at `nowMs` (R3.2) with the idleness check (R3.5). Returns true when nothing can change until a record arrives. */
  periodic(nowMs: number): boolean {
    let isQuiet = true;
    for (let p = 0; p < this.maxTs.length; p++) {
      // R3.10: Flink pauses the idleness clock of a source waiting for alignment (SourceOperator), so it never goes idle.
      const hadRecord = this.activity[p] !== this.seenActivity[p] || this.isPaused?.[p] === 1;
      this.seenActivity[p] = this.activity[p];
      if (!Number.isNaN(this.idlenessMs)) {
        if (hadRecord) this.silentSince[p] = NaN;
        else if (Number.isNaN(this.silentSince[p])) this.silentSince[p] = nowMs;
        else if (nowMs - this.silentSince[p] > this.idlenessMs) {
          this.markIdle(p, nowMs);
          continue;
        }
        if (!this.isIdle[p]) isQuiet = false;
      }
      if (this.spec?.type !== 'explicit') this.emit(p, this.formula(this.maxTs[p]));
    }
    return isQuiet;
  }

  private markIdle(p: number, nowMs: number): void {
    if (this.isIdle[p]) return;
    this.listener?.beforeChange();
    this.isIdle[p] = 1;
    this.recorder.event({
      kind: 'idle', partition: p, isIdle: true,
      reason: inMs(`R3.5: no record since the emission at ${this.silentSince[p]}, ${nowMs - this.silentSince[p]} > idleness ${this.idlenessMs}`),
    });
    this.valve.markIdle(p);
  }

  /** R3.3: a generator forwards only watermarks larger than any before; that also ends idleness (R3.5). */
  private emit(p: number, wm: number): void {
    if (wm <= this.emitted[p]) return;
    this.listener?.beforeChange();
    this.emitted[p] = wm;
    if (this.isIdle[p]) {
      this.isIdle[p] = 0;
      this.recorder.event({ kind: 'idle', partition: p, isIdle: false, reason: inMs(`R3.5: emitted watermark ${wm}, larger than any before`) });
      this.valve.markActive(p);
    }
    this.recorder.partitionWatermark(p, wm);
    this.valve.input(p, wm);
    this.listener?.emitted(p, wm);
  }
}
