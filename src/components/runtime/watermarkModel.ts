// The watermarks of a parallel job at time t, read from the runtime trace's step series: what each channel last
// delivered to its receiver's valve, the minimum each task forwards, each source partition's own, and which of
// them are idle (R3.4–R3.6). The simulator decides these; the view only reads them at t.
import { seriesAt } from '../../sim/index.ts';
import type { RuntimeTrace, StepSeries } from '../../sim/runtime/types.ts';
import { formatMs } from '../sim/time.ts';

export interface WatermarkAt { wm: number; isIdle: boolean }
export interface JobWatermarks { channels: WatermarkAt[]; tasks: WatermarkAt[]; partitions: WatermarkAt[] }

function readAll(values: StepSeries[], flags: StepSeries[], t: number): WatermarkAt[] {
  return values.map((series, i) => ({ wm: seriesAt(series, t, -Infinity), isIdle: flags[i] !== undefined && seriesAt(flags[i], t, 0) === 1 }));
}

export function jobWatermarksAt(runtime: RuntimeTrace, t: number): JobWatermarks {
  const w = runtime.watermarks;
  return {
    channels: readAll(w.channels, w.channelIdle, t),
    tasks: readAll(w.tasks, w.taskIdle, t),
    partitions: readAll(w.partitions, w.partitionIdle, t),
  };
}

/** "W 3 s"; "W −∞" before any watermark. */
export const watermarkText = (at: WatermarkAt) => `W ${formatMs(at.wm)}`;

/** For screen readers and tables: "watermark 3 s" or "idle, watermark 3 s". */
export const watermarkWords = (at: WatermarkAt) => `${at.isIdle ? 'idle, ' : ''}watermark ${formatMs(at.wm)}`;
