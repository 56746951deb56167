// The tasks between source and sink: stateless map/filter subtasks, and keyed window subtasks that each run the
// core's window operator (R2, R4) over the key groups they own (R7.1), behind a watermark valve (R3.6).
import { EventTimeOperator } from '../operators/eventTimeOperator.ts';
import type { Win } from '../operators/window.ts';
import { flinkRules } from '../profiles/eventTimeRules.ts';
import type { PaneInput } from '../trace/recorder.ts';
import type { JobContext } from './context.ts';
import { keyGroupRange } from './keyGroups.ts';
import { SubtaskRecorder } from './subtaskRecorder.ts';
import { Task } from './task.ts';
import type { OperatorSpec } from './types.ts';

/** map / filter: one record in, at most one out; optionally a call to the outside world per record. */
export class MapTask extends Task {
  constructor(id: number, spec: OperatorSpec, subtask: number, job: JobContext, downstream: OperatorSpec, private readonly calls: Set<number>) {
    super(id, spec, subtask, job, downstream);
  }

  protected processData(element: number, _channel: number, nowMs: number): void {
    const { keyId, value } = this.job.program;
    const v = value[element];
    if (this.spec.minValue !== undefined && !(typeof v === 'number' && v >= this.spec.minValue)) return;
    if (this.spec.sideEffect) {
      // The outside world keeps what it was sent: a replayed record sends the e-mail again.
      const record = this.job.recordIndex[element];
      const isDuplicate = this.calls.has(record);
      this.calls.add(record);
      this.job.event({ kind: 'side-effect', procTimeMs: nowMs, task: this.id, record, isDuplicate });
    }
    this.emitData(element, keyId[element]);
  }

  protected keyOf(element: number): number { return this.job.program.keyId[element]; }
  protected snapshot(): { state: unknown; bytes: number } { return { state: null, bytes: 0 }; }

  restore(): void {
    this.valve = this.newValve(this.inputs.length, (wm) => this.broadcast(this.job.wmElement(wm)));
  }
}

/** A keyed window subtask: the core window operator, restored from checkpoints by key group. */
export class WindowTask extends Task {
  private operator!: EventTimeOperator;
  private out: SubtaskRecorder | undefined;
  watermark = -Infinity;
  openWindows = 0;
  /** windowId → trace records it holds; kept only without checkpoints, to name what a failure loses. */
  private held: Map<number, number[]> | undefined;

  /** A recorder per operator instance, so a cancelled one's late processing-time firings are cut off (`detach`). */
  private newRecorder(): SubtaskRecorder {
    const job = this.job;
    return new SubtaskRecorder(job.recorder, {
      pane: (p) => this.emitPane(p),
      assign: (record, windowId) => this.held?.get(windowId)?.push(record),
      windowOpened: (windowId) => {
        this.openWindows++;
        this.held?.set(windowId, []);
      },
      windowClosed: (windowId) => {
        this.openWindows--;
        this.held?.delete(windowId);
      },
    }, job.recorder.isTracing || job.checkpointMode === 'none');
  }

  /** R7.2: the key groups it owns at the current parallelism (none for an idle autoscaler slot). */
  get keyGroups(): { first: number; last: number } {
    const p = this.job.windowParallelism;
    return this.subtask < p ? keyGroupRange(this.subtask, p, this.job.maxParallelism) : { first: 0, last: -1 };
  }

  private emitPane(p: PaneInput): void {
    const records = this.held?.get(p.windowId);
    const pane = { keyId: p.keyId, start: p.start, end: p.end, value: p.value, timing: p.timing, ...(records ? { records: [...records] } : {}) };
    this.job.panes.push(pane);
    this.emitData(this.job.panes.length - 1, p.keyId);
    // A processing-time window fires on the clock, outside the job's tick (R1.4): the tick must run to ship it.
    this.job.wake();
  }

  protected processData(element: number): void {
    const { keyId, ts, value } = this.job.program;
    this.operator.processElement(this.job.recordIndex[element], keyId[element], ts[element], value[element]);
  }

  protected keyOf(element: number): number { return this.job.program.keyId[element]; }

  /** R3.8: timers fire first, then the watermark goes on downstream. */
  private advance(wm: number): void {
    this.watermark = wm;
    this.operator.advanceWatermark(wm);
    this.broadcast(this.job.wmElement(wm));
  }

  protected snapshot(): { state: Win[]; bytes: number } {
    const windows = this.operator.snapshotWindows();
    return { state: windows, bytes: this.bytesOf(windows.length) };
  }

  bytesOf(windows: number): number { return windows * this.job.runtime.bytesPerEntry; }

  override cancel(): void {
    super.cancel();
    this.out?.detach();
  }

  /** Records held in open windows (the state a failure without checkpoints loses). */
  heldRecords(): number[] { return this.held ? [...this.held.values()].flat() : []; }

  /** R7.12: the windows of the key groups this subtask owns now, from every subtask's snapshot; R3.11: W = −∞. */
  restore(state: unknown): void {
    this.out?.detach();
    this.out = this.newRecorder();
    this.operator = new EventTimeOperator(flinkRules, this.job.pipeline, this.out, this.job.clock, this.job.program.keyRank);
    this.valve = this.newValve(this.inputs.length, (wm) => this.advance(wm));
    this.watermark = -Infinity;
    this.openWindows = 0;
    this.held = this.job.checkpointMode === 'none' ? new Map() : undefined;
    const windows = (state as Win[] | undefined) ?? [];
    const { first, last } = this.keyGroups;
    const owned = windows.filter((w) => this.job.keyGroupOf[w.keyId] >= first && this.job.keyGroupOf[w.keyId] <= last);
    this.operator.restoreWindows(owned);
    this.openWindows = owned.length;
  }
}
