// The timers of the Flink/Beam window operator (R4.2, R4.3, R4.7, R4.9, R4.14, R1.4): event-time timers in one
// queue ordered by (timestamp, key, window start) (R8.2), a processing-time timer per processing-time window, and
// the trace rows that show them being set, fired and deleted.
import { Heap } from '../heap.ts';
import type { EventTimeRules } from '../profiles/eventTimeRules.ts';
import type { Scheduler } from '../scheduler.ts';
import type { Recorder, TimerKind } from '../trace/recorder.ts';
import type { TimeDomain, TriggerSpec } from '../types.ts';
import { timerBefore, type Win } from './window.ts';

/** One timer serving both roles: engines keep one timer per key, window and timestamp (R4.3 with L = 0). */
const END_AND_CLEANUP = 'end-of-window+cleanup';

export interface TimerOwner {
  readonly rules: EventTimeRules;
  readonly recorder: Recorder;
  readonly clock: Scheduler;
  readonly isProcessingTime: boolean;
  readonly pipeline: { trigger: TriggerSpec };
  /** The trigger has an end-of-window (watermark) firing. */
  readonly endFires: boolean;
  readonly wm: number;
  onEndOfWindow(win: Win, isProcessingTimer: boolean): void;
  garbageCollect(win: Win): void;
}

export class WindowTimers {
  private readonly queue = new Heap<Win>(timerBefore);
  /** Open processing-time windows: their timer is on the clock, not in the queue (runtime checkpoints need them). */
  private readonly processingWindows = new Set<Win>();

  constructor(private readonly op: TimerOwner) {}

  /** Trace only: a timer of `win` was set, fired or deleted. */
  trace(kind: TimerKind, win: Win, atMs: number, domain: TimeDomain, purpose: string): void {
    if (this.op.recorder.isTracing) this.op.recorder.timer(kind, win.keyId, win.id, atMs, domain, purpose);
  }

  /** R1.4: what the processing-time timer at maxTs does, by trigger (Flink WindowOperator#cleanupTime is maxTs). */
  private processingPurpose(): string {
    const type = this.op.pipeline.trigger.type;
    return type === 'count' ? 'cleanup' : type === 'processingTime' ? 'trigger+cleanup' : END_AND_CLEANUP;
  }

  private eventTimers(win: Win, hasEndTimer: boolean): [number, string][] {
    const timers: [number, string][] = [];
    const isCombined = hasEndTimer && win.cleanupTs === win.maxTs;
    if (hasEndTimer) timers.push([win.maxTs, isCombined ? END_AND_CLEANUP : 'end-of-window']);
    // Flink registers no cleanup timer for a window that never ends (WindowOperator#registerCleanupTimer).
    if (!isCombined && Number.isFinite(win.cleanupTs)) timers.push([win.cleanupTs, 'cleanup']);
    return timers;
  }

  schedule(win: Win): void {
    const { op } = this;
    if (op.isProcessingTime) {
      // R1.4: a processing-time window is cleaned up (and, by ProcessingTimeTrigger, fired) when the clock reaches maxTs.
      this.processingWindows.add(win);
      win.procAction = op.clock.at(win.maxTs, () => {
        this.processingWindows.delete(win);
        this.trace('timer-fired', win, win.maxTs, 'processing', this.processingPurpose());
        op.onEndOfWindow(win, true);
      });
      this.trace('timer-set', win, win.maxTs, 'processing', this.processingPurpose());
      return;
    }
    // R4.7: an end-of-window timer only if maxTs is still ahead; otherwise the element's arrival fires it (R4.2).
    const wantsEnd = op.endFires && !op.rules.isDue(win.maxTs, op.wm);
    win.isEndHandled = !wantsEnd;
    win.timerTs = wantsEnd ? win.maxTs : win.cleanupTs;
    this.queue.push(win);
    if (!op.recorder.isTracing) return;
    for (const [atMs, purpose] of this.eventTimers(win, wantsEnd)) this.trace('timer-set', win, atMs, 'event', purpose);
  }

  /** A merged-away window's timers go with it (Flink deletes them when merging; the merged window sets its own). */
  delete(win: Win): void {
    this.processingWindows.delete(win);
    if (win.procAction) {
      win.procAction.run = () => {};
      this.trace('timer-deleted', win, win.maxTs, 'processing', this.processingPurpose());
    }
    if (this.op.isProcessingTime || !this.op.recorder.isTracing) return;
    for (const [atMs, purpose] of this.eventTimers(win, !win.isEndHandled)) this.trace('timer-deleted', win, atMs, 'event', purpose);
  }

  /** R3.8: on a new watermark, fire every due timer in (timestamp, key, window start) order (R8.2). */
  fireDue(wm: number): void {
    const { op } = this;
    for (let win = this.queue.peek(); win && op.rules.isDue(win.timerTs, wm); win = this.queue.peek()) {
      this.queue.pop();
      if (win.isClosed) continue;
      const isCombined = win.cleanupTs === win.timerTs;
      if (!win.isEndHandled) {
        // This entry is the end-of-window timer (timerTs = maxTs).
        this.trace('timer-fired', win, win.timerTs, 'event', isCombined ? END_AND_CLEANUP : 'end-of-window');
        op.onEndOfWindow(win, false);
        if (!isCombined) {
          // R8.2: the cleanup timer is a timer of its own, fired in timestamp order with the other windows' timers.
          win.timerTs = win.cleanupTs;
          this.queue.push(win);
          continue;
        }
      } else if (Number.isFinite(win.cleanupTs)) {
        this.trace('timer-fired', win, win.cleanupTs, 'event', 'cleanup');
      }
      op.garbageCollect(win);
    }
  }

  /** Runtime checkpoints (R7.7): every live event-time window sits in the queue once; processing-time ones in their set. */
  liveWindows(): Win[] {
    return [...this.queue.values(), ...this.processingWindows].filter((w) => !w.isClosed);
  }

  /** Runtime recovery (R7.12): restored event-time timers fire when the watermark passes them again (R3.11). */
  restore(win: Win): void {
    // A processing-time timer whose time has passed fires at once after the restore, as Flink's do.
    if (this.op.isProcessingTime) this.schedule(win);
    else this.queue.push(win);
  }
}
