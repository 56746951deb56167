// What every task of a job shares: the clock, the seeded generator, the control-element table, the key → key group
// map, and the ways to report (trace events, checkpoint acknowledgements). Tasks see the job only through this.
import type { Program } from '../compile.ts';
import type { Rng } from '../rng.ts';
import type { Scheduler } from '../scheduler.ts';
import type { Recorder } from '../trace/recorder.ts';
import type { PaneValue, Pipeline, Timing } from '../types.ts';
import type { WatermarkLog } from './watermarkLog.ts';
import type { CheckpointMode, OperatorSpec, RuntimeEvent, RuntimeSpec } from './types.ts';

export type ControlKind = 'wm' | 'status' | 'barrier' | 'marker' | 'end';
/**
 * A control element: a watermark (value = W), a watermark status (value 1 = IDLE, 0 = ACTIVE; R3.6), a barrier
 * (value = checkpoint id), a latency marker (value = ms created), end of input.
 */
export interface Control { kind: ControlKind; value: number; /** A barrier that overtook data (R7.10). */ isUnaligned?: boolean }

/** A window result on its way to the sink. */
export interface PaneOut {
  keyId: number;
  start?: number;
  end?: number;
  value: PaneValue;
  timing?: Timing;
  /** Trace records the window held when it fired (tracked only when nothing is checkpointed, to name lost records). */
  records?: number[];
}

export interface JobContext {
  readonly clock: Scheduler;
  readonly program: Program;
  readonly pipeline: Pipeline;
  readonly runtime: RuntimeSpec;
  readonly rng: Rng;
  /** The result and core trace: records arriving, window panes, late drops. */
  readonly recorder: Recorder;
  readonly checkpointMode: CheckpointMode;
  readonly maxParallelism: number;
  /** The window operator's current parallelism (the only keyed operator; an autoscaler changes it). */
  readonly windowParallelism: number;
  /** Each operator's current parallelism: tasks at or above it are idle slots that get no data. */
  readonly active: readonly number[];
  /** keyId → key group (R7.1). */
  readonly keyGroupOf: Int32Array;
  /** Program position of a record → its index in trace.records. */
  readonly recordIndex: Int32Array;
  readonly panes: PaneOut[];
  /** Per trace record: how many times a source has read it. */
  readonly reads: Uint16Array;
  /** True while sources re-read records they had read before a failure. */
  readonly isReplaying: boolean;
  control(element: number): Control;
  wmElement(wm: number): number;
  statusElement(isIdle: boolean): number;
  /** Watermarks and idleness over processing time, for the trace. */
  readonly watermarks: WatermarkLog;
  barrier(id: number, isUnaligned?: boolean): number;
  marker(createdMs: number): number;
  readonly endMarker: number;
  keyServiceMs(op: OperatorSpec, keyId: number): number | undefined;
  event(e: RuntimeEvent): void;
  /** When checkpoint `id` started (−Infinity when it is not the one in flight). */
  checkpointStartedMs(id: number): number;
  acknowledge(task: number, checkpoint: number, state: unknown, bytes: number): void;
  /** A sink measured a latency marker. */
  latency(ms: number): void;
  /** Something became ready to run: make sure the clock ticks. */
  wake(): void;
  /** A source read a record: periodic watermark emission must run again (it sleeps while nothing changes). */
  wakeWatermarks(): void;
}

/** Control elements are interned: element −(i + 1) is controls[i]. */
export class Controls {
  private readonly table: Control[] = [{ kind: 'end', value: 0 }, { kind: 'status', value: 1 }, { kind: 'status', value: 0 }];
  readonly endMarker = -1;
  readonly idleStatus = -2;
  readonly activeStatus = -3;

  get(element: number): Control { return this.table[-element - 1]; }

  add(kind: ControlKind, value: number, isUnaligned = false): number {
    this.table.push(isUnaligned ? { kind, value, isUnaligned } : { kind, value });
    return -this.table.length;
  }
}
