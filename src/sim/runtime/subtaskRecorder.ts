// The window operator reports through a Recorder. A window subtask hands it this one, which passes everything on
// to the run's recorder (result and core trace) and also routes each pane into the dataflow, towards the sink.
import { Recorder, type DropInput, type PaneInput } from '../trace/recorder.ts';

export interface SubtaskOutput {
  pane(p: PaneInput): void;
  assign(record: number, windowId: number): void;
  windowOpened(windowId: number): void;
  windowClosed(windowId: number): void;
  /** Source subtasks: a partition generator's watermark (local partition index). */
  partitionWatermark?(partition: number, wm: number): void;
  /** Source subtasks: a partition went idle or active (R3.5); the event is the core trace's, partition local. */
  idle?(e: Extract<Parameters<Recorder['event']>[0], { kind: 'idle' }>): void;
}

export class SubtaskRecorder extends Recorder {
  /** A cancelled subtask's operator may still have processing-time timers on the clock: what they fire goes nowhere. */
  private isDetached = false;

  /** `isTracing` also asks the window operator for its lifecycle events (open windows, what a failure loses). */
  constructor(private readonly main: Recorder, private readonly output: SubtaskOutput, isTracing = main.isTracing) {
    super({ nowMs: 0 }, 'flink', main.keys, 1, isTracing);
  }

  detach(): void { this.isDetached = true; }

  override newWindow(keyId: number, start: number, end: number): number {
    if (this.isDetached) return -1;
    const id = this.main.newWindow(keyId, start, end);
    this.output.windowOpened(id);
    return id;
  }

  override assign(record: number, windowId: number): void {
    if (this.isDetached) return;
    this.main.assign(record, windowId);
    this.output.assign(record, windowId);
  }

  override pane(p: PaneInput): void {
    if (this.isDetached) return;
    this.main.pane(p);
    this.output.pane(p);
  }

  override drop(d: DropInput, fate: 1 | 2): void {
    if (this.isDetached) return;
    this.main.drop(d, fate);
  }

  override event(e: Parameters<Recorder['event']>[0]): void {
    if (this.isDetached) return;
    if (e.kind === 'idle' && this.output.idle) return this.output.idle(e);
    this.main.event(e);
    if (e.kind === 'window-closed') this.output.windowClosed(e.windowId);
    if (e.kind === 'window-merged') for (const id of e.from) this.output.windowClosed(id);
  }

  // Subtask watermarks are reported by the runtime trace (per task), not as the single operator watermark.
  override operatorWatermark(): void {}
  override partitionWatermark(partition: number, wm: number): void {
    this.output.partitionWatermark?.(partition, wm);
  }
}
