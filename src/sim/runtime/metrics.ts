// Metrics as trace rows over processing time, cheap enough to chart live: fine samples (channel fill, task state,
// consumer lag) every `SAMPLE_EVERY_MS` while the job ticks, and buckets of `metricsIntervalMs` (R7.6: 1 s) with
// busy / back-pressured / idle per task, throughput, latency percentiles, watermark lag, lag and drain time, state.
import type { Channel } from './channel.ts';
import type { Task } from './task.ts';
import { TaskState, type MetricsBucket, type RuntimeSamples, type TaskMetrics } from './types.ts';
import { WindowTask } from './operatorTasks.ts';
import { f64, u8 } from '../trace/columns.ts';

export const SAMPLE_EVERY_MS = 10;
/** Buckets in a row with nothing happening before the series skips ahead (a long idle `advance` stays cheap). */
const MAX_IDLE_BUCKETS = 2;

interface Baseline { busyMs: number; backPressuredMs: number; recordsIn: number; recordsOut: number }

export class RuntimeMetrics {
  readonly buckets: MetricsBucket[] = [];
  private nextBoundaryMs: number;
  private bucketStartMs = 0;
  private baselines: Baseline[];
  private latencies: number[] = [];
  private idleBuckets = 0;
  private lastLag = 0;
  /** Since when the job is down (NaN while it runs), and down ms of the open bucket before that. */
  private downSinceMs = NaN;
  private downMsInBucket = 0;
  // Samples, row-major.
  private sampleCount = 0;
  private readonly sampleTimes = f64();
  private readonly fill: number[] = [];
  private readonly states = u8();
  private readonly lags = f64();
  private readonly tickBusy: Float64Array;
  private readonly tickBp: Float64Array;

  constructor(
    private readonly tasks: readonly Task[],
    private readonly channels: readonly Channel[],
    /** Consumer lag of a partition, in records. */
    private readonly lagOf: (partition: number) => number,
    private readonly partitions: number,
    private readonly intervalMs: number,
    private readonly operatorOf: (task: Task) => number,
    private readonly operatorCount: number,
    /** Called with every bucket as it closes (the autoscaler reads them). */
    private readonly onBucket: (bucket: MetricsBucket) => void = () => {},
    private readonly baseHeapMB = 64,
  ) {
    this.nextBoundaryMs = intervalMs;
    this.baselines = tasks.map(() => ({ busyMs: 0, backPressuredMs: 0, recordsIn: 0, recordsOut: 0 }));
    this.tickBusy = new Float64Array(tasks.length);
    this.tickBp = new Float64Array(tasks.length);
  }

  latency(ms: number): void { this.latencies.push(ms); }

  /** Before a tick: counters as they were, so the tick's own state can be read afterwards. */
  beforeTick(): void {
    this.tasks.forEach((t, i) => {
      this.tickBusy[i] = t.busyMs;
      this.tickBp[i] = t.backPressuredMs;
    });
  }

  /** After the tick at `nowMs`: one sample row every SAMPLE_EVERY_MS. */
  afterTick(nowMs: number): void {
    if (nowMs % SAMPLE_EVERY_MS !== 0) return;
    this.row(nowMs, (i, t) => {
      const busy = t.busyMs - this.tickBusy[i];
      const bp = t.backPressuredMs - this.tickBp[i];
      return busy >= 0.5 ? TaskState.Busy : bp > 0 ? TaskState.BackPressured : busy > 0 ? TaskState.Busy : TaskState.Idle;
    });
  }

  /** A row with every task down (the job is failed over); the log keeps growing, so consumer lag does too. */
  downRow(nowMs: number): void {
    this.row(nowMs, () => TaskState.Down);
  }

  private row(nowMs: number, stateOf: (i: number, t: Task) => number): void {
    const row = this.sampleCount++;
    this.sampleTimes.set(row, nowMs);
    this.channels.forEach((ch, c) => (this.fill[row * this.channels.length + c] = Math.min(ch.length, 65_535)));
    this.tasks.forEach((t, i) => this.states.set(row * this.tasks.length + i, stateOf(i, t)));
    for (let p = 0; p < this.partitions; p++) this.lags.set(row * this.partitions + p, this.lagOf(p));
  }

  goDown(nowMs: number): void {
    if (Number.isNaN(this.downSinceMs)) this.downSinceMs = nowMs;
  }

  /** The job runs again at `nowMs` (buckets up to now already closed): a row ends the down stretch. */
  goUp(nowMs: number): void {
    if (Number.isNaN(this.downSinceMs)) return;
    this.row(nowMs, () => TaskState.Idle);
    this.downMsInBucket += nowMs - Math.max(this.downSinceMs, this.bucketStartMs);
    this.downSinceMs = NaN;
  }

  /** Closes every bucket that ended at or before `nowMs`. */
  advanceTo(nowMs: number, restarts: number): void {
    while (nowMs >= this.nextBoundaryMs) {
      const isActive = this.emit(this.nextBoundaryMs, restarts);
      this.idleBuckets = isActive ? 0 : this.idleBuckets + 1;
      this.bucketStartMs = this.nextBoundaryMs;
      this.nextBoundaryMs += this.intervalMs;
      if (this.idleBuckets >= MAX_IDLE_BUCKETS && nowMs >= this.nextBoundaryMs) {
        this.nextBoundaryMs = (Math.floor(nowMs / this.intervalMs) + 1) * this.intervalMs;
        this.bucketStartMs = this.nextBoundaryMs - this.intervalMs;
      }
    }
  }

  /**
   * The last, shorter bucket at the end of the run: kept when it lasts at least half an interval (or is the only
   * one), dropped otherwise — a rate over a few ms (5 records in the last 1 ms = 5000/s) is noise, not throughput.
   */
  finish(nowMs: number, restarts: number): void {
    this.advanceTo(nowMs, restarts);
    const lengthMs = nowMs - this.bucketStartMs;
    if (lengthMs > 0 && (lengthMs * 2 >= this.intervalMs || this.buckets.length === 0)) this.emit(nowMs, restarts);
  }

  private emit(endMs: number, restarts: number): boolean {
    const durationMs = endMs - this.bucketStartMs;
    const perSecond = 1000 / durationMs;
    const throughput = new Array<number>(this.operatorCount).fill(0);
    const downMs = this.downMsInBucket + (Number.isNaN(this.downSinceMs) ? 0 : endMs - Math.max(this.downSinceMs, this.bucketStartMs));
    this.downMsInBucket = 0;
    const downPerSecond = round(downMs * perSecond);
    let isActive = this.latencies.length > 0 || downMs > 0;
    const tasks: TaskMetrics[] = this.tasks.map((t, i) => {
      const base = this.baselines[i];
      const busy = Math.min(durationMs, t.busyMs - base.busyMs);
      const bp = Math.min(durationMs - busy, t.backPressuredMs - base.backPressuredMs);
      const recordsIn = t.recordsIn - base.recordsIn;
      const recordsOut = t.recordsOut - base.recordsOut;
      if (busy > 0 || bp > 0 || recordsIn > 0) isActive = true;
      throughput[this.operatorOf(t)] += (t.spec.kind === 'sink' ? recordsIn : recordsOut) * perSecond;
      const bpPerSecond = round(bp * perSecond);
      const busyPerSecond = round(busy * perSecond);
      const stateEntries = t instanceof WindowTask ? t.openWindows : 0;
      const stateBytes = t instanceof WindowTask ? t.bytesOf(stateEntries) : 0;
      return {
        task: t.id, busyMsPerSecond: busyPerSecond, backPressuredMsPerSecond: bpPerSecond,
        idleMsPerSecond: Math.max(0, round(1000 - busyPerSecond - bpPerSecond - downPerSecond)), downMsPerSecond: downPerSecond,
        // R7.6: the UI status from the back-pressured ratio.
        status: bpPerSecond <= 100 ? 'OK' : bpPerSecond <= 500 ? 'LOW' : 'HIGH',
        recordsIn, recordsOut,
        watermarkLagMs: t instanceof WindowTask && Number.isFinite(t.watermark) ? endMs - t.watermark : NaN,
        stateEntries, stateBytes, heapMB: round(this.baseHeapMB + stateBytes / 1e6),
      };
    });
    this.baselines = this.tasks.map((t) => ({ busyMs: t.busyMs, backPressuredMs: t.backPressuredMs, recordsIn: t.recordsIn, recordsOut: t.recordsOut }));
    let consumerLag = 0;
    for (let p = 0; p < this.partitions; p++) consumerLag += this.lagOf(p);
    const drainPerMs = (this.lastLag - consumerLag) / durationMs;
    const drainTimeMs = consumerLag === 0 ? 0 : drainPerMs > 0 ? Math.round(consumerLag / drainPerMs) : Infinity;
    this.lastLag = consumerLag;
    this.buckets.push({
      procTimeMs: endMs, durationMs, tasks, throughput: throughput.map(round), latencyMs: percentiles(this.latencies),
      consumerLag, drainTimeMs, restarts, downMs,
    });
    this.onBucket(this.buckets[this.buckets.length - 1]);
    this.latencies = [];
    return isActive || consumerLag > 0;
  }

  samples(): RuntimeSamples {
    const n = this.sampleCount;
    return {
      everyMs: SAMPLE_EVERY_MS, length: n, procTimeMs: this.sampleTimes.trimmed(n),
      channelFill: Uint16Array.from(this.fill), state: this.states.trimmed(n * this.tasks.length),
      consumerLag: this.lags.trimmed(n * this.partitions),
    };
  }
}

const round = (x: number): number => Math.round(x * 100) / 100;

/** Nearest-rank percentiles. */
function percentiles(values: number[]): MetricsBucket['latencyMs'] {
  if (values.length === 0) return { p50: NaN, p95: NaN, p99: NaN, samples: 0 };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), samples: values.length };
}
