// Triggers of the Flink/Beam window operator (R2.8, R2.9, R4.2, R4.5, R4.9): what an arriving element fires.
import type { PaneValue, SubTrigger } from '../types.ts';
import type { EventTimeOperator } from './eventTimeOperator.ts';
import type { Win } from './window.ts';

/** Whether the window gets an end-of-window (ON_TIME) firing from the watermark. */
export function firesAtEndOfWindow(op: EventTimeOperator): boolean {
  const { trigger, window } = op.pipeline;
  if (window.type === 'count') return false;
  // R2.8: Flink's GlobalWindows trigger never fires; Beam's default fires once the watermark passes the global window.
  if (window.type === 'global' && trigger.type === 'default') return op.rules.profile === 'beam';
  return trigger.type === 'default' || trigger.type === 'afterWatermark';
}

export function onElementTrigger(op: EventTimeOperator, win: Win): void {
  const { trigger, window } = op.pipeline;
  if (window.type === 'count') return countWindowTrigger(op, win, window.size, window.slide);
  const isPastEnd = window.time === 'event' && op.rules.isDue(win.maxTs, op.wm);
  switch (trigger.type) {
    case 'default':
      // R4.2 (Flink) / R4.9 (Beam): an element for a window whose end has passed fires a LATE pane at once.
      if (isPastEnd && firesAtEndOfWindow(op)) op.fire(win, 'late-element', false);
      return;
    case 'afterWatermark':
      return subTrigger(op, win, isPastEnd ? trigger.late : trigger.early);
    case 'count':
      if (win.paneElems >= trigger.n) op.fire(win, 'trigger', false);
      return;
    case 'processingTime':
      return op.rules.profile === 'flink' ? continuousProcessingTime(op, win, trigger.interval) : afterFirstElement(op, win, trigger.interval);
  }
}

function subTrigger(op: EventTimeOperator, win: Win, sub: SubTrigger | undefined): void {
  if (!sub || sub.type === 'never') return;
  if (sub.type === 'count') {
    if (win.paneElems >= sub.n) op.fire(win, 'trigger', false);
  } else {
    afterFirstElement(op, win, sub.delay);
  }
}

/** Arms the trigger's processing-time timer of `win` at `atMs`; `onFire` runs when it fires. */
function armTriggerTimer(op: EventTimeOperator, win: Win, atMs: number, onFire: (nowMs: number) => void): void {
  const action = op.clock.at(atMs, (nowMs) => {
    win.triggerAction = undefined;
    op.timers.trace('timer-fired', win, action.atMs, 'processing', 'trigger');
    onFire(nowMs);
  });
  win.triggerAction = action;
  op.timers.trace('timer-set', win, action.atMs, 'processing', 'trigger');
}

/** The trigger's pending processing-time timer is deleted (trigger cleared, window merged away or gone). */
export function cancelTriggerTimer(op: EventTimeOperator, win: Win): void {
  const action = win.triggerAction;
  if (!action) return;
  action.run = () => {};
  win.triggerAction = undefined;
  op.timers.trace('timer-deleted', win, action.atMs, 'processing', 'trigger');
}

/**
 * Merging windows keep the earliest pending trigger time (the fire-time state of ContinuousProcessingTimeTrigger
 * and of Beam's AfterProcessingTime is reduced by min on merge); call the result once the old timers are deleted.
 */
export function mergeTriggerTimers(op: EventTimeOperator, from: Win[], merged: Win): () => void {
  const pending = from.map((w) => w.triggerAction?.atMs ?? Infinity);
  const earliestMs = Math.min(...pending);
  if (earliestMs === Infinity) return () => {};
  return () => (op.rules.profile === 'flink' && op.pipeline.trigger.type === 'processingTime'
    ? continuousFrom(op, merged, earliestMs)
    : armTriggerTimer(op, merged, earliestMs, () => firePaneIfAny(op, merged)));
}

const firePaneIfAny = (op: EventTimeOperator, win: Win) => {
  if (!win.isClosed && win.paneElems > 0) op.fire(win, 'trigger', false);
};

/**
 * Beam AfterProcessingTime.pastFirstElementInPane().plusDelayOf(d): one firing d after the pane's first element.
 * Beam fires only when processing time is strictly after first + d (AfterDelayFromFirstElementStateMachine#shouldFire
 * uses isAfter), which on a millisecond clock is first + d + 1; spec R4.9 says "at p + d", the engine wins.
 */
function afterFirstElement(op: EventTimeOperator, win: Win, delayMs: number): void {
  if (win.triggerAction) return;
  const strictlyAfterMs = op.rules.profile === 'beam' ? 1 : 0;
  armTriggerTimer(op, win, op.clock.nowMs + delayMs + strictlyAfterMs, () => firePaneIfAny(op, win));
}

/**
 * Flink ContinuousProcessingTimeTrigger (FLINK-20443, Flink ≥ 1.14.1): the first element sets a timer at the next
 * multiple of the interval; each firing sets the next one at min(t + interval, window.maxTimestamp()), so the last
 * firing is at maxTs. Flink emits the contents at each firing, so an accumulating window repeats its value. For a
 * processing-time window the timer at maxTs is the window's own cleanup timer (one timer per window and time).
 */
function continuousProcessingTime(op: EventTimeOperator, win: Win, intervalMs: number): void {
  if (win.triggerAction || win.isTriggerDone) return;
  const now = op.clock.nowMs;
  continuousFrom(op, win, Math.min(now - (now % intervalMs) + intervalMs, win.maxTs));
}

function continuousFrom(op: EventTimeOperator, win: Win, atMs: number): void {
  const interval = (op.pipeline.trigger as { interval: number }).interval;
  if (atMs >= win.maxTs) {
    win.isTriggerDone = true;
    if (op.isProcessingTime) return;
  }
  armTriggerTimer(op, win, atMs, (nowMs) => {
    if (win.isClosed) return;
    if (win.size > 0) op.fire(win, 'trigger', false);
    // At maxTs Flink registers maxTs again and, for an event-time window, fires in a loop (FLINK-35069, unfixed);
    // the simulator stops after that firing, as the proposed fix does.
    if (!win.isTriggerDone) continuousFrom(op, win, Math.min(nowMs + interval, win.maxTs));
  });
}

/** R2.9: countWindow(n) fires and purges at n elements; countWindow(n, s) fires every s elements over the newest n. */
function countWindowTrigger(op: EventTimeOperator, win: Win, size: number, slide: number | undefined): void {
  if (slide === undefined) {
    if (win.paneElems >= size) op.fire(win, 'trigger', false, true);
  } else if (win.paneElems >= slide) {
    op.fire(win, 'trigger', false, false);
  }
}

/** R2.9: the count evictor keeps the newest `size` elements before the function sees them. */
export function countEvictedValue(op: EventTimeOperator, win: Win): PaneValue {
  const keep = (op.pipeline.window as { size: number }).size;
  const elements = win.elements!;
  if (elements.records.length > keep) {
    elements.records.splice(0, elements.records.length - keep);
    elements.values.splice(0, elements.values.length - keep);
  }
  let acc = op.agg.init();
  elements.values.forEach((v, i) => (acc = op.agg.add(acc, v, elements.records[i])));
  return op.agg.result(acc);
}
