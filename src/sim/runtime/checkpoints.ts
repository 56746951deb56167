// The checkpoint coordinator (R7.7, R7.11): starts checkpoint n at the sources, collects one acknowledgement per
// task with its snapshot, and completes n when every task has answered; then sinks commit. Sim: at most one
// checkpoint in flight — a trigger that finds one running is skipped, and the trace says so. A checkpoint that
// runs past its timeout, or that a failure interrupts, fails and is forgotten.
import type { Action, Scheduler } from '../scheduler.ts';
import type { RuntimeEvent } from './types.ts';

export interface CompletedCheckpoint {
  id: number;
  startedMs: number;
  completedMs: number;
  /** Task id → its snapshot. */
  states: Map<number, unknown>;
  bytes: number;
  isFinal: boolean;
}

interface Pending {
  id: number;
  startedMs: number;
  states: Map<number, unknown>;
  bytes: number;
  timeout: Action;
}

export interface CoordinatorHooks {
  readonly clock: Scheduler;
  readonly taskCount: number;
  readonly timeoutMs: number;
  event(e: RuntimeEvent): void;
  /** Sources snapshot their offsets and emit the barrier; finished tasks answer at once. */
  start(id: number, nowMs: number): void;
  /** notifyCheckpointComplete(n) (sinks commit). */
  completed(id: number, nowMs: number): void;
  /** Tasks stop aligning for a checkpoint that failed. */
  aborted(): void;
}

export class CheckpointCoordinator {
  readonly completed: CompletedCheckpoint[] = [];
  private pending: Pending | undefined;
  private nextId = 1;

  constructor(private readonly hooks: CoordinatorHooks) {}

  get isPending(): boolean { return this.pending !== undefined; }
  startedMs(id: number): number { return this.pending?.id === id ? this.pending.startedMs : -Infinity; }
  get latest(): CompletedCheckpoint | undefined { return this.completed[this.completed.length - 1]; }

  trigger(nowMs: number): void {
    if (this.pending) {
      this.hooks.event({ kind: 'checkpoint-skipped', procTimeMs: nowMs, reason: `R7.11 Sim: checkpoint ${this.pending.id} is still in flight` });
      return;
    }
    const id = this.nextId++;
    const timeout = this.hooks.clock.at(nowMs + this.hooks.timeoutMs, (atMs) => {
      if (this.pending?.id === id) this.abort(atMs, `timed out: not complete after ${this.hooks.timeoutMs} ms`);
    });
    this.pending = { id, startedMs: nowMs, states: new Map(), bytes: 0, timeout };
    this.hooks.start(id, nowMs);
  }

  acknowledge(task: number, id: number, state: unknown, bytes: number): void {
    const pending = this.pending;
    if (!pending || pending.id !== id || pending.states.has(task)) return;
    pending.states.set(task, state);
    pending.bytes += bytes;
    if (pending.states.size === this.hooks.taskCount) this.complete(this.hooks.clock.nowMs, false);
  }

  private complete(nowMs: number, isFinal: boolean): void {
    const pending = this.pending!;
    pending.timeout.run = () => {};
    this.pending = undefined;
    this.completed.push({ id: pending.id, startedMs: pending.startedMs, completedMs: nowMs, states: pending.states, bytes: pending.bytes, isFinal });
    this.hooks.event({ kind: 'checkpoint-completed', procTimeMs: nowMs, checkpoint: pending.id, durationMs: nowMs - pending.startedMs, bytes: pending.bytes, isFinal });
    this.hooks.completed(pending.id, nowMs);
  }

  abort(nowMs: number, reason: string): void {
    const pending = this.pending;
    if (!pending) return;
    pending.timeout.run = () => {};
    this.pending = undefined;
    this.hooks.event({ kind: 'checkpoint-failed', procTimeMs: nowMs, checkpoint: pending.id, reason });
    this.hooks.aborted();
  }

  /**
   * After the input ended and every task finished, a last checkpoint completes so the sinks commit their final
   * transactions (Flink ≥ 1.15, FLIP-147: checkpoints after tasks finished). `states` is the final state.
   */
  finalCheckpoint(nowMs: number, states: Map<number, unknown>): void {
    this.abort(nowMs, 'replaced by the final checkpoint at the end of input');
    const id = this.nextId++;
    this.pending = { id, startedMs: nowMs, states, bytes: 0, timeout: { atMs: nowMs, seq: -1, run: () => {} } };
    this.hooks.start(id, nowMs);
    this.complete(nowMs, true);
  }
}
