// One window's state in the trigger-driven operator (Flink WindowOperator / Beam ReduceFnRunner).
import type { Action } from '../scheduler.ts';
import type { PaneValue, Value } from '../types.ts';

export interface Win {
  id: number;
  keyId: number;
  keyRank: number;
  /** Bounds as reported; NaN for global and count windows (vectors.md: they have no start or end). */
  start: number;
  end: number;
  maxTs: number;
  cleanupTs: number;
  /** When this window's entry in the timer queue is due (end of window first, then cleanup). */
  timerTs: number;
  acc: unknown;
  /** Elements in `acc` (0 after a purge). */
  size: number;
  /** Elements since the last firing. */
  paneElems: number;
  panes: number;
  hasNonEarlyPane: boolean;
  isEndHandled: boolean;
  isFinished: boolean;
  isClosed: boolean;
  lastValue: PaneValue | undefined;
  /** R3.13, R4.15 (Beam): the element hold since the last pane (maxTs, or min / max element time); NaN when none. */
  holdTs: number;
  /** R3.13 (Beam): the garbage-collection hold, maxTs + allowed lateness; NaN when none. */
  gcHoldTs: number;
  /** Processing-time windows: the timer at maxTs that fires (default trigger) and cleans up (R1.4). */
  procAction: Action | undefined;
  /** A processing-time trigger's pending timer (ContinuousProcessingTimeTrigger, AfterProcessingTime). */
  triggerAction: Action | undefined;
  /** ContinuousProcessingTimeTrigger reached maxTs: it registers no further timer for this window. */
  isTriggerDone: boolean;
  /** Count windows with a slide keep their elements for the count evictor (R2.9). */
  elements: { records: number[]; values: Value[] } | undefined;
}

/** R8.2: timers fire by timestamp, then key, then window start. */
export const timerBefore = (a: Win, b: Win): boolean =>
  a.timerTs < b.timerTs || (a.timerTs === b.timerTs && (a.keyRank < b.keyRank || (a.keyRank === b.keyRank && a.start < b.start)));

/** "[0,10)" for reasons. */
export const windowLabel = (w: { start: number; end: number }): string =>
  Number.isNaN(w.start) ? 'the global window' : `[${w.start},${w.end})`;

/** A deep enough copy for runtime checkpoints: pending actions are not part of the state. */
export const copyWindow = (w: Win): Win => ({
  ...w, acc: structuredClone(w.acc), procAction: undefined, triggerAction: undefined,
  elements: w.elements && { records: [...w.elements.records], values: [...w.elements.values] },
});

/** Session lists stay ordered by start. */
export function insertByStart(list: Win[], win: Win): void {
  let i = list.length;
  while (i > 0 && list[i - 1].start > win.start) i--;
  list.splice(i, 0, win);
}
