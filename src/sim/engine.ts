// The contract between the run loop and a profile's engine.
import type { Program } from './compile.ts';
import type { Scheduler } from './scheduler.ts';
import type { Recorder } from './trace/recorder.ts';
import type { Scenario } from './types.ts';

export interface Engine {
  /** The record at program position `op` arrives now. */
  record(op: number): void;
  /** An explicit watermark step; partition −1 = every partition. */
  watermark(wm: number, partition: number): void;
  /** `{"end": true}`: bounded input ends. */
  end(): void;
  /** The operator's last watermark (Kafka Streams: stream time), for the summary. */
  readonly operatorWm: number;
}

export interface EngineContext {
  scenario: Scenario;
  program: Program;
  recorder: Recorder;
  clock: Scheduler;
}

/**
 * A periodic action on multiples of `intervalMs` (R3.2: p = I, 2I, …) that goes dormant while it has nothing to do
 * and is woken by the next record, so a long `advance` costs nothing.
 */
export function periodic(clock: Scheduler, intervalMs: number, tick: (nowMs: number) => boolean): () => void {
  let lastTickMs = 0;
  let isDormant = false;
  const arm = (atMs: number) =>
    clock.at(atMs, (nowMs) => {
      lastTickMs = nowMs;
      if (tick(nowMs)) isDormant = true;
      else arm(nowMs + intervalMs);
    });
  arm(intervalMs);
  return () => {
    if (!isDormant) return;
    isDormant = false;
    arm(Math.max(lastTickMs + intervalMs, Math.ceil(clock.nowMs / intervalMs) * intervalMs));
  };
}
