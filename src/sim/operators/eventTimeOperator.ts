// The keyed window operator for Flink and Beam (spec R2, R4.1–R4.15): windows hold accumulators, a trigger decides
// when a pane fires, the watermark fires end-of-window timers and garbage-collects state after allowed lateness.
// Profile differences come in as EventTimeRules; trigger behaviour lives in triggers.ts.
import { aggregatorFor, type Aggregator } from '../aggregates.ts';
import type { EventTimeRules, FiringCause } from '../profiles/eventTimeRules.ts';
import type { Scheduler } from '../scheduler.ts';
import { inMs, type DropInput, type Recorder } from '../trace/recorder.ts';
import type { Pipeline, Value } from '../types.ts';
import { slidingStarts, tumblingStart } from '../windows/assign.ts';
import { dropDecision, firingDecision, ruleAndReason, UNTRACED } from './decisions.ts';
import { cancelTriggerTimer, countEvictedValue, mergeTriggerTimers, onElementTrigger, firesAtEndOfWindow } from './triggers.ts';
import { WatermarkHolds } from './watermarkHolds.ts';
import { copyWindow, insertByStart, windowLabel, type Win } from './window.ts';
import { WindowTimers, type TimerOwner } from './windowTimers.ts';

export class EventTimeOperator implements TimerOwner {
  wm = -Infinity;
  readonly agg: Aggregator;
  readonly timers = new WindowTimers(this);
  private readonly byKey: (Map<number, Win> | undefined)[] = [];
  /** Per key, the window its last record went to: most records of a key land in the same window as the one before. */
  private readonly lastWin: (Win | undefined)[] = [];
  private readonly sessions: (Win[] | undefined)[] = [];
  private readonly starts: number[] = [];
  private readonly isDiscarding: boolean;
  readonly isRetracting: boolean;
  readonly isProcessingTime: boolean;
  private readonly hasDefaultEventTrigger: boolean;
  readonly endFires: boolean;
  /** Beam only: watermark holds, pane timestamps and the output watermark (R3.13, R4.15). */
  readonly holds: WatermarkHolds | undefined;
  private isAdvancing = false;

  constructor(
    readonly rules: EventTimeRules,
    readonly pipeline: Pipeline,
    readonly recorder: Recorder,
    readonly clock: Scheduler,
    private readonly keyRank: Int32Array,
  ) {
    this.agg = aggregatorFor(pipeline.aggregate);
    this.isDiscarding = pipeline.accumulation === 'discarding';
    this.isRetracting = pipeline.accumulation === 'retracting';
    this.isProcessingTime = pipeline.window.time === 'processing';
    this.hasDefaultEventTrigger = pipeline.trigger.type === 'default' && !this.isProcessingTime && pipeline.window.type !== 'count';
    this.endFires = firesAtEndOfWindow(this);
    this.holds = rules.profile === 'beam' ? new WatermarkHolds(pipeline.timestampCombiner ?? 'end-of-window', pipeline.allowedLateness, recorder) : undefined;
  }

  /** R4.1 / R4.8: window is past allowed lateness at the current watermark. */
  isLate(maxTs: number): boolean {
    return this.rules.isDue(maxTs + this.pipeline.allowedLateness, this.wm);
  }

  processElement(record: number, keyId: number, eventTs: number, value: Value): void {
    // R1.4: processing-time windows use the time the operator handles the record.
    const t = this.isProcessingTime ? this.clock.nowMs : eventTs;
    const window = this.pipeline.window;
    if (window.type === 'tumbling') {
      // The common case, kept free of allocation: one window per record (R2.2).
      const start = tumblingStart(t, window.size, window.offset);
      // An existing window is never late: it is garbage-collected as soon as the watermark makes it so.
      let win = this.lastWin[keyId];
      if (win === undefined || win.start !== start || win.isClosed) {
        win = this.byKey[keyId]?.get(start);
        if (win !== undefined) this.lastWin[keyId] = win;
      }
      if (win !== undefined && !win.isFinished) return this.add(win, record, value, eventTs);
      const maxTs = start + window.size - 1;
      const late = !this.isProcessingTime && this.isLate(maxTs);
      if (late || win !== undefined) return this.reportDrops([dropDecision(this, record, keyId, eventTs, value, start, start + window.size, maxTs, late)], 0);
      return this.add(this.createWindow(keyId, start, start + window.size, maxTs), record, value, eventTs);
    }
    if (window.type === 'session') return this.processSession(record, keyId, t, eventTs, value);
    let n = 1;
    if (window.type === 'sliding') n = slidingStarts(t, window.size, window.slide, window.offset, this.starts);
    else this.starts[0] = NaN;
    const size = window.type === 'sliding' ? window.size : NaN;
    let accepted = 0;
    let drops: DropInput[] | undefined;
    for (let i = 0; i < n; i++) {
      const start = this.starts[i];
      const existing = this.byKey[keyId]?.get(start);
      const maxTs = existing ? existing.maxTs : this.maxTsOf(start, size);
      const late = !existing && !this.isProcessingTime && this.isLate(maxTs);
      if (late || existing?.isFinished) {
        (drops ??= []).push(dropDecision(this, record, keyId, eventTs, value, start, start + size, maxTs, late));
        continue;
      }
      this.add(existing ?? this.createWindow(keyId, start, start + size, maxTs), record, value, eventTs);
      accepted++;
    }
    if (drops) this.reportDrops(drops, accepted);
  }

  private maxTsOf(start: number, size: number): number {
    if (!Number.isNaN(start)) return start + size - 1;
    // R2.8: the global window ends at +∞ for Flink; Beam's ends just before it, so the final watermark passes it.
    return this.rules.profile === 'beam' ? Number.MAX_SAFE_INTEGER : Infinity;
  }

  /** R4.1: Flink reports an element once, when every window dropped it; R4.8: Beam reports each (element, window). */
  private reportDrops(drops: DropInput[], accepted: number): void {
    const fate = accepted > 0 ? 1 : 2;
    if (this.rules.isDropReportedPerWindow) {
      for (const d of drops) this.recorder.drop(d, fate);
    } else if (accepted === 0) {
      const { start: _s, end: _e, ...first } = drops[0];
      this.recorder.drop({ ...first, windowId: undefined }, 2);
    }
  }

  createWindow(keyId: number, start: number, end: number, maxTs: number): Win {
    const reportedEnd = Number.isNaN(start) ? NaN : end;
    const win: Win = {
      id: this.recorder.newWindow(keyId, start, reportedEnd), keyId, keyRank: this.keyRank[keyId], start, end: reportedEnd,
      maxTs, cleanupTs: this.isProcessingTime ? maxTs : maxTs + this.pipeline.allowedLateness, timerTs: 0,
      acc: this.agg.init(), size: 0, paneElems: 0, panes: 0, hasNonEarlyPane: false, isEndHandled: false,
      isFinished: false, isClosed: false, lastValue: undefined, holdTs: NaN, gcHoldTs: NaN, procAction: undefined, triggerAction: undefined, isTriggerDone: false,
      elements: this.pipeline.window.type === 'count' && this.pipeline.window.slide ? { records: [], values: [] } : undefined,
    };
    if (this.pipeline.window.type !== 'session') {
      let keyed = this.byKey[keyId];
      if (!keyed) this.byKey[keyId] = keyed = new Map();
      keyed.set(start, win);
      this.lastWin[keyId] = win;
    }
    this.timers.schedule(win);
    return win;
  }

  add(win: Win, record: number, value: Value, eventTs: number): void {
    win.acc = this.agg.add(win.acc, value, record);
    if (this.holds) this.holds.onElement(win, eventTs, this.wm);
    win.size++;
    win.paneElems++;
    if (win.elements) {
      win.elements.records.push(record);
      win.elements.values.push(value);
    }
    this.recorder.assign(record, win.id);
    if (!this.hasDefaultEventTrigger) onElementTrigger(this, win);
    // R4.2 / R4.9: an element for a window whose end has passed fires a LATE pane at once.
    else if (win.isEndHandled && this.endFires && this.rules.isDue(win.maxTs, this.wm)) this.fire(win, 'late-element', false);
  }

  private processSession(record: number, keyId: number, t: number, eventTs: number, value: Value): void {
    const gap = (this.pipeline.window as { gap: number }).gap;
    const protoEnd = t + gap;
    const dropProto = (late: boolean) =>
      this.recorder.drop(dropDecision(this, record, keyId, eventTs, value, t, protoEnd, protoEnd - 1, late), 2);
    // R4.8: Beam drops by the element's own window, before merging.
    if (this.rules.isLateCheckedBeforeMerge && this.isLate(protoEnd - 1)) return dropProto(true);
    const list = (this.sessions[keyId] ??= []);
    // R2.6: Flink merges touching windows (Δ ≤ g), Beam only overlapping ones (Δ < g).
    const touching = this.rules.sessionsMergeWhenTouching;
    const overlapping = list.filter((w) => (touching ? w.start <= protoEnd && w.end >= t : w.start < protoEnd && w.end > t));
    let target: Win;
    if (overlapping.length === 1 && overlapping[0].start <= t && overlapping[0].end >= protoEnd) {
      target = overlapping[0];
    } else if (overlapping.length === 0) {
      // R4.1: Flink judges the (merged) window; with nothing to merge that is the element's own window.
      if (this.isLate(protoEnd - 1)) return dropProto(true);
      target = this.createWindow(keyId, t, protoEnd, protoEnd - 1);
      insertByStart(list, target);
    } else {
      target = this.mergeSessions(keyId, list, overlapping, Math.min(t, overlapping[0].start), Math.max(protoEnd, ...overlapping.map((w) => w.end)));
    }
    if (target.isFinished) return dropProto(false);
    this.add(target, record, value, eventTs);
  }

  /** R2.6, R4.7: merged state and trigger state move to the window [min s, max e). */
  private mergeSessions(keyId: number, list: Win[], from: Win[], start: number, end: number): Win {
    const merged = this.createWindow(keyId, start, end, end - 1);
    merged.acc = from.reduce((acc, w) => this.agg.merge(acc, w.acc), this.agg.init());
    for (const w of from) {
      merged.size += w.size;
      merged.paneElems += w.paneElems;
      merged.panes = Math.max(merged.panes, w.panes);
      merged.hasNonEarlyPane ||= w.hasNonEarlyPane;
      if (merged.lastValue === undefined) merged.lastValue = w.lastValue;
      w.isClosed = true;
      list.splice(list.indexOf(w), 1);
    }
    this.holds?.onMerge(merged, from, this.wm);
    const rearmTrigger = mergeTriggerTimers(this, from, merged);
    for (const w of from) {
      cancelTriggerTimer(this, w);
      this.timers.delete(w);
    }
    insertByStart(list, merged);
    this.recorder.event({
      kind: 'window-merged', keyId, from: from.map((w) => w.id), into: merged.id,
      reason: inMs(`R2.6: sessions ${from.map(windowLabel).join(', ')} and the new element merge into ${windowLabel(merged)}`),
    });
    rearmTrigger();
    return merged;
  }

  /** R3.8: on a new watermark, fire every due timer in (timestamp, key, window start) order (R8.2). */
  advanceWatermark(wm: number): void {
    if (wm <= this.wm) return;
    this.wm = wm;
    this.recorder.operatorWatermark(wm);
    this.isAdvancing = true;
    this.timers.fireDue(wm);
    this.isAdvancing = false;
    this.holds?.update(wm);
  }

  /** The end-of-window timer (R4.3, R4.9): the ON_TIME pane. */
  onEndOfWindow(win: Win, isProcessingTimer: boolean): void {
    win.isEndHandled = true;
    const trigger = this.pipeline.trigger;
    // Beam: the ON_TIME pane resets the early sub-trigger, so its pending processing-time firing is dropped.
    if (!isProcessingTimer) cancelTriggerTimer(this, win);
    const isFinishing = trigger.type === 'afterWatermark' && trigger.late === undefined;
    const isLast = isProcessingTimer || isFinishing || this.rules.isDue(win.cleanupTs, this.wm);
    // R1.4: at the end of a processing-time window ProcessingTimeTrigger fires and ContinuousProcessingTimeTrigger
    // fires its last time (its timers stop at maxTs); CountTrigger does not fire: the cleanup drops the contents.
    const fires = !isProcessingTimer || trigger.type !== 'count';
    if (fires && (win.size > 0 || (this.rules.firesEmptyOnTimePane && !win.isFinished))) this.fire(win, 'end-of-window', isLast);
    if (isFinishing) win.isFinished = true;
    if (isProcessingTimer) this.close(win, `R1.4: processing-time window ${windowLabel(win)} ends at ${win.end}`);
  }

  /** R4.3 (Flink cleanup timer) / R4.14 (Beam GC): a last pane if Beam has unfired elements, then the state goes. */
  garbageCollect(win: Win): void {
    const L = this.pipeline.allowedLateness;
    if (this.rules.profile === 'beam' && win.paneElems > 0 && !win.isFinished) this.fire(win, 'garbage-collection', true);
    const unfired = this.rules.profile === 'flink' && win.paneElems > 0 && win.panes === 0 ? ' (unfired contents are discarded)' : '';
    this.close(win, () => `${this.rules.profile === 'flink' ? 'R4.3' : 'R4.14'}: watermark ${this.wm} ${this.rules.dueSign} cleanup time ${win.maxTs} + ${L}${unfired}`);
  }

  close(win: Win, reason: string | (() => string)): void {
    win.isClosed = true;
    this.holds?.clear(win);
    if (win.procAction) win.procAction.run = () => {};
    cancelTriggerTimer(this, win);
    if (this.pipeline.window.type === 'session') {
      const list = this.sessions[win.keyId]!;
      list.splice(list.indexOf(win), 1);
    } else {
      this.byKey[win.keyId]!.delete(win.start);
    }
    if (this.recorder.isTracing) this.recorder.event({ kind: 'window-closed', keyId: win.keyId, windowId: win.id, ...ruleAndReason(reason) });
  }

  /** Emits one pane (and its retraction first, R4.12), then applies the accumulation mode (R4.6, R4.11). */
  fire(win: Win, cause: FiringCause, isLast: boolean, purge = this.isDiscarding): void {
    const timing = this.rules.timing(win, this.wm, cause);
    const value = win.elements ? countEvictedValue(this, win) : this.agg.result(win.acc);
    const isGlobal = Number.isNaN(win.start);
    // Flink stamps window.maxTimestamp(); Beam the hold it releases now (R4.15).
    const paneTs = this.holds ? this.holds.release(win) : win.maxTs;
    const ts = isGlobal ? undefined : paneTs;
    const decision = this.recorder.isTracing ? firingDecision(this, win, cause, timing) : UNTRACED;
    if (this.isRetracting && win.lastValue !== undefined) {
      this.recorder.pane({
        keyId: win.keyId, windowId: win.id, start: isGlobal ? undefined : win.start, end: isGlobal ? undefined : win.end,
        value: win.lastValue, timing, index: win.panes, isFirst: win.panes === 0, isLast, retract: true,
        ts, purged: false, decision,
      });
    }
    this.recorder.pane({
      keyId: win.keyId, windowId: win.id, start: isGlobal ? undefined : win.start, end: isGlobal ? undefined : win.end,
      value, timing, index: win.panes, isFirst: win.panes === 0, isLast, retract: false,
      ts, purged: purge, decision,
    });
    win.panes++;
    if (timing !== 'EARLY') win.hasNonEarlyPane = true;
    win.paneElems = 0;
    win.lastValue = value;
    if (purge) {
      win.acc = this.agg.init();
      win.size = 0;
    }
    // A firing outside a watermark advance (early and processing-time triggers) may let the output watermark move.
    if (this.holds && !this.isAdvancing) this.holds.update(this.wm);
  }

  /** R3.9: the final watermark +∞; every pending window fires. Processing-time timers do not fire at end of input. */
  endOfInput(): void {
    this.advanceWatermark(Infinity);
  }

  /** Runtime checkpoints (R7.7): copies of the live event-time windows; every one sits in the timer queue once. */
  snapshotWindows(): Win[] {
    return this.timers.liveWindows().map(copyWindow);
  }

  /** Runtime recovery (R7.12): the checkpoint's windows and timers come back; the watermark restarts at −∞ (R3.11). */
  restoreWindows(windows: readonly Win[]): void {
    this.wm = -Infinity;
    this.lastWin.length = 0;
    for (const saved of windows) {
      const win = copyWindow(saved);
      if (this.pipeline.window.type === 'session') insertByStart((this.sessions[win.keyId] ??= []), win);
      else {
        let keyed = this.byKey[win.keyId];
        if (!keyed) this.byKey[win.keyId] = keyed = new Map();
        keyed.set(win.start, win);
      }
      this.timers.restore(win);
    }
  }
}
