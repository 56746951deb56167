// Watermarks and idleness over processing time for the dataflow view: what each channel delivered, what each task
// forwarded, what each source partition's generator emitted, and which of them were idle (R3.4–R3.6). Recorded on
// change only, so a job that reads a million records writes one entry per watermark that actually moved.
import type { RuntimeWatermarks, StepSeries } from './types.ts';

class Series {
  private readonly times: number[] = [];
  private readonly values: number[] = [];

  constructor(private readonly initial: number) {}

  get last(): number { return this.values.length === 0 ? this.initial : this.values[this.values.length - 1]; }

  set(nowMs: number, value: number): void {
    if (value === this.last) return;
    this.times.push(nowMs);
    this.values.push(value);
  }

  done(): StepSeries { return { procTimeMs: Float64Array.from(this.times), value: Float64Array.from(this.values) }; }
}

const many = (n: number, initial: number): Series[] => Array.from({ length: n }, () => new Series(initial));

export class WatermarkLog {
  private readonly channels: Series[];
  private readonly channelIdle: Series[];
  private readonly tasks: Series[];
  private readonly taskIdle: Series[];
  private readonly partitions: Series[];
  private readonly partitionIdle: Series[];

  /** `isOn` false (an untraced run) makes every call a no-op. */
  constructor(channels: number, tasks: number, partitions: number, readonly isOn: boolean) {
    const n = (count: number) => (isOn ? count : 0);
    this.channels = many(n(channels), -Infinity);
    this.channelIdle = many(n(channels), 0);
    this.tasks = many(n(tasks), -Infinity);
    this.taskIdle = many(n(tasks), 0);
    this.partitions = many(n(partitions), -Infinity);
    this.partitionIdle = many(n(partitions), 0);
  }

  /** A watermark arrived on a channel; one that does not advance it changes nothing (R3.3). */
  channel(id: number, wm: number, nowMs: number): void {
    if (this.isOn && wm > this.channels[id].last) this.channels[id].set(nowMs, wm);
  }

  channelStatus(id: number, isIdle: boolean, nowMs: number): void {
    if (this.isOn) this.channelIdle[id].set(nowMs, isIdle ? 1 : 0);
  }

  task(id: number, wm: number, nowMs: number): void {
    if (this.isOn) this.tasks[id].set(nowMs, wm);
  }

  taskStatus(id: number, isIdle: boolean, nowMs: number): void {
    if (this.isOn) this.taskIdle[id].set(nowMs, isIdle ? 1 : 0);
  }

  partition(p: number, wm: number, nowMs: number): void {
    if (this.isOn) this.partitions[p].set(nowMs, wm);
  }

  partitionStatus(p: number, isIdle: boolean, nowMs: number): void {
    if (this.isOn) this.partitionIdle[p].set(nowMs, isIdle ? 1 : 0);
  }

  /** R3.11: after a restore every watermark starts again at −∞ and nothing is idle. */
  reset(nowMs: number): void {
    for (const s of [...this.channels, ...this.tasks, ...this.partitions]) s.set(nowMs, -Infinity);
    for (const s of [...this.channelIdle, ...this.taskIdle, ...this.partitionIdle]) s.set(nowMs, 0);
  }

  trace(): RuntimeWatermarks {
    const done = (series: Series[]) => series.map((s) => s.done());
    return {
      channels: done(this.channels), channelIdle: done(this.channelIdle), tasks: done(this.tasks),
      taskIdle: done(this.taskIdle), partitions: done(this.partitions), partitionIdle: done(this.partitionIdle),
    };
  }
}

/** Profiles without Flink watermarks (Spark micro-batches, Storm acking): one empty series per channel, task, partition. */
export function noWatermarks(channels: number, tasks: number, partitions: number): RuntimeWatermarks {
  return new WatermarkLog(channels, tasks, partitions, true).trace();
}
