// R4.15: the timestamp of a Beam pane. END_OF_WINDOW (the default) gives maxTs(w). EARLIEST / LATEST give the
// min / max event time of the pane's elements, which Beam keeps as a watermark hold (WatermarkHold) and releases at
// every firing, so each pane combines only the elements since the previous one, in accumulating mode too. A pane
// without new elements (an empty ON_TIME pane) takes the end-of-window hold, maxTs. Sim: LATE panes keep maxTs:
// Beam holds no element that is already behind the output watermark (WatermarkHold#addElementHold).
import type { Timing, TimestampCombiner } from '../types.ts';
import type { Win } from './window.ts';

/** How an element's event time joins the pane's hold (NaN = no element held yet); undefined for END_OF_WINDOW. */
export type Hold = (held: number, ts: number) => number;

export function holdFor(combiner: TimestampCombiner | undefined): Hold | undefined {
  if (combiner === 'earliest') return (held, ts) => (Number.isNaN(held) || ts < held ? ts : held);
  if (combiner === 'latest') return (held, ts) => (Number.isNaN(held) || ts > held ? ts : held);
  return undefined;
}

/** The output timestamp of the pane `win` is about to emit. */
export function paneTimestamp(win: Win, timing: Timing, hold: Hold | undefined): number {
  return hold === undefined || timing === 'LATE' || Number.isNaN(win.holdTs) ? win.maxTs : win.holdTs;
}

/** Merged sessions combine their holds (Beam WatermarkHold#onMerge). */
export function mergedHold(from: Win[], hold: Hold | undefined): number {
  return hold === undefined ? NaN : from.reduce((held, w) => (Number.isNaN(w.holdTs) ? held : hold(held, w.holdTs)), NaN);
}
