// The discrete-event scheduler on the virtual processing-time clock (R1.3). Nothing sleeps: actions are data in
// a queue ordered by (time, sequence number), so equal times always run in the order they were scheduled (R1.6).
import { Heap } from './heap.ts';

export interface Action {
  atMs: number;
  seq: number;
  run: (nowMs: number) => void;
}

/** Guards against scenarios that would schedule without end (e.g. a 1 ms timer across 10^12 ms). */
export const MAX_ACTIONS = 20_000_000;

export class SchedulerOverflow extends Error {}

export class Scheduler {
  nowMs = 0;
  private seq = 0;
  private executed = 0;
  private readonly queue = new Heap<Action>((a, b) => a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq));

  at(atMs: number, run: (nowMs: number) => void): Action {
    const action = { atMs: Math.max(atMs, this.nowMs), seq: this.seq++, run };
    this.queue.push(action);
    return action;
  }

  /** Earliest pending time, or Infinity. */
  get nextMs(): number { return this.queue.peek()?.atMs ?? Infinity; }

  /**
   * Moves the clock to `targetMs`, running due actions in order. Inclusive for `advance` steps (a test harness's
   * setProcessingTime fires timers at the new time); exclusive before a record arriving at `targetMs`, so that
   * R1.6 holds: a record at p is handled before the periodic actions at p.
   */
  runUntil(targetMs: number, inclusive: boolean): void {
    for (;;) {
      const next = this.queue.peek();
      if (!next || next.atMs > targetMs || (!inclusive && next.atMs === targetMs)) break;
      this.queue.pop();
      if (++this.executed > MAX_ACTIONS) throw new SchedulerOverflow(`more than ${MAX_ACTIONS} timer and watermark actions`);
      this.nowMs = next.atMs;
      next.run(next.atMs);
    }
    if (targetMs > this.nowMs) this.nowMs = targetMs;
  }
}
