// Triggers of the Flink/Beam window operator (R2.8, R2.9, R4.2, R4.5, R4.9): what an arriving element fires.
import type { SubTrigger } from '../types.ts';
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

/**
 * Beam AfterProcessingTime.pastFirstElementInPane().plusDelayOf(d): one firing d after the pane's first element.
 * Beam fires only when processing time is strictly after first + d (AfterDelayFromFirstElementStateMachine#shouldFire
 * uses isAfter), which on a millisecond clock is first + d + 1; spec R4.9 says "at p + d", the engine wins.
 */
function afterFirstElement(op: EventTimeOperator, win: Win, delayMs: number): void {
  if (win.procAction) return;
  const strictlyAfterMs = op.rules.profile === 'beam' ? 1 : 0;
  win.procAction = op.clock.at(op.clock.nowMs + delayMs + strictlyAfterMs, () => {
    win.procAction = undefined;
    if (!win.isClosed && win.paneElems > 0) op.fire(win, 'trigger', false);
  });
}

/**
 * Flink ContinuousProcessingTimeTrigger: fires at processing times aligned to the interval, again and again while
 * the window exists (Flink emits contents at each firing, so an accumulating window repeats its value).
 */
function continuousProcessingTime(op: EventTimeOperator, win: Win, intervalMs: number): void {
  if (win.procAction) return;
  const schedule = (atMs: number) => {
    win.procAction = op.clock.at(atMs, (nowMs) => {
      if (win.isClosed) return;
      if (win.size > 0) op.fire(win, 'trigger', false);
      schedule(nowMs + intervalMs);
    });
  };
  const now = op.clock.nowMs;
  schedule(now - (now % intervalMs) + intervalMs);
}

/** R2.9: countWindow(n) fires and purges at n elements; countWindow(n, s) fires every s elements over the newest n. */
function countWindowTrigger(op: EventTimeOperator, win: Win, size: number, slide: number | undefined): void {
  if (slide === undefined) {
    if (win.paneElems >= size) op.fire(win, 'trigger', false, true);
  } else if (win.paneElems >= slide) {
    op.fire(win, 'trigger', false, false);
  }
}
