// What differs between Flink's WindowOperator and Beam's ReduceFnRunner, as data the shared window operator reads.
import type { Timing } from '../types.ts';
import type { WatermarkFormula } from '../watermarks/partitionWatermarks.ts';

export interface PaneState {
  maxTs: number;
  /** A non-EARLY pane was emitted already (Beam R4.10). */
  hasNonEarlyPane: boolean;
}

export type FiringCause = 'end-of-window' | 'late-element' | 'trigger' | 'garbage-collection';

export interface EventTimeRules {
  profile: 'flink' | 'beam';
  /** Watermark from the largest event time seen (R3.1 / R3.12). */
  boundedFormula: (delay: number) => WatermarkFormula;
  /** An event-time timer at `timerTs` fires at watermark `wm` (R4.3 / R3.12). */
  isDue: (timerTs: number, wm: number) => boolean;
  /** Sign used in reasons: "≥" or ">". */
  dueSign: string;
  dueRule: string;
  /** R4.1 (Flink: cleanup ≤ W) / R4.8 (Beam: maxTs + L < W). */
  lateRule: string;
  /** R2.6 session merge: touching windows merge (Flink) or only overlapping ones (Beam). */
  sessionsMergeWhenTouching: boolean;
  /** Beam judges lateness on the element's own (proto) window, before merging; Flink after merging (R4.1). */
  isLateCheckedBeforeMerge: boolean;
  /** R4.1: Flink reports one late entry per element that missed every window; Beam one per (element, window) (R4.8). */
  isDropReportedPerWindow: boolean;
  /** R4.13: Beam emits the ON_TIME pane even when empty; Flink emits nothing for empty contents. */
  firesEmptyOnTimePane: boolean;
  timing: (pane: PaneState, wm: number, cause: FiringCause) => Timing;
}

export const flinkRules: EventTimeRules = {
  profile: 'flink',
  // R3.1: W = max − D − 1 (monotonous: D = 0).
  boundedFormula: (delay) => (maxTs) => maxTs - delay - 1,
  // R4.3: a timer at T fires when W ≥ T.
  isDue: (timerTs, wm) => wm >= timerTs,
  dueSign: '≥',
  dueRule: 'R4.3',
  lateRule: 'R4.1',
  sessionsMergeWhenTouching: true,
  isLateCheckedBeforeMerge: false,
  isDropReportedPerWindow: false,
  firesEmptyOnTimePane: false,
  // R4.5: the maxTs timer's firing is ON_TIME, firings before maxTs are EARLY, the rest LATE.
  timing: (pane, wm, cause) =>
    cause === 'end-of-window' ? 'ON_TIME' : wm < pane.maxTs ? 'EARLY' : 'LATE',
};

export const beamRules: EventTimeRules = {
  profile: 'beam',
  // R3.12 (Sim): W = max − D, the Streaming Systems heuristic.
  boundedFormula: (delay) => (maxTs) => maxTs - delay,
  // R3.12: a timer at T fires when W > T.
  isDue: (timerTs, wm) => wm > timerTs,
  dueSign: '>',
  dueRule: 'R4.9',
  lateRule: 'R4.8',
  sessionsMergeWhenTouching: false,
  isLateCheckedBeforeMerge: true,
  isDropReportedPerWindow: true,
  firesEmptyOnTimePane: true,
  // R4.10: EARLY while W ≤ maxTs; the first pane after that is ON_TIME, the rest LATE.
  timing: (pane, wm) => (wm <= pane.maxTs ? 'EARLY' : pane.hasNonEarlyPane ? 'LATE' : 'ON_TIME'),
};
