// The time plot's geometry: which rows are visible at time t and where they go. Marks are placed once in "base"
// coordinates (a fixed pixels-per-ms on each axis) on a layer that the compositor translates as time moves, so
// playing only adds and removes marks at the edges instead of moving and repainting every one of them
// (the bench's 10,000-record budget).
import { bisectLeft, bisector, scaleLinear, type ScaleLinear } from 'd3';
import type { PaneEvent, Trace, TraceState } from '../../sim/index.ts';
import type { TraceIndex } from './traceIndex.ts';

/** Beyond this many records the plot follows the current time through a sliding window of processing time. */
export const MAX_MARKS = 800;

export const MARGIN = { top: 12, right: 14, bottom: 42, left: 58 } as const;

export interface PlotGeometry {
  width: number;
  height: number;
  /** Processing time shown at once; the whole run unless the plot follows t. */
  spanMs: number;
  isFollowing: boolean;
  /** Pixels per millisecond of event time (x) and of processing time (y). */
  kx: number;
  ky: number;
  eventOriginMs: number;
}

export interface Viewport {
  eventFromMs: number;
  eventToMs: number;
  procFromMs: number;
  procToMs: number;
}

/** Room around the data so marks at the edges (the last pane, the first record) are drawn whole. */
const PAD = 0.04;

export function plotGeometry(index: TraceIndex, recordCount: number, width: number, height: number): PlotGeometry {
  const [procStart, procEnd] = index.procExtent;
  const runMs = Math.max(1, procEnd - procStart) * (1 + PAD);
  const isFollowing = recordCount > MAX_MARKS;
  const spanMs = isFollowing ? Math.max(1, (runMs * MAX_MARKS) / recordCount) : runMs;
  const [eventLow, eventHigh] = index.eventExtent;
  const eventPad = Math.max(1, eventHigh - eventLow) * PAD;
  const eventSpan = isFollowing ? spanMs : Math.max(1, eventHigh - eventLow) + 2 * eventPad;
  return {
    width, height, spanMs, isFollowing,
    kx: innerWidth(width) / eventSpan,
    ky: innerHeight(height) / spanMs,
    eventOriginMs: isFollowing ? 0 : eventLow - eventPad,
  };
}

export const innerWidth = (width: number) => Math.max(1, width - MARGIN.left - MARGIN.right);
export const innerHeight = (height: number) => Math.max(1, height - MARGIN.top - MARGIN.bottom);

/** What the plot shows at t: the whole run, or the last `spanMs` of processing time and the same span of event time. */
export function viewportAt(geometry: PlotGeometry, index: TraceIndex, procTimeMs: number): Viewport {
  if (!geometry.isFollowing) {
    const procFromMs = index.procExtent[0];
    return { eventFromMs: geometry.eventOriginMs, eventToMs: geometry.eventOriginMs + innerWidth(geometry.width) / geometry.kx, procFromMs, procToMs: procFromMs + geometry.spanMs };
  }
  // Follow t with a little room ahead, but never scroll back past the start of the run.
  const procFromMs = Math.max(index.procExtent[0], procTimeMs + geometry.spanMs * 0.1 - geometry.spanMs);
  const eventFromMs = Math.max(index.eventExtent[0], procFromMs);
  return { eventFromMs, eventToMs: eventFromMs + geometry.spanMs, procFromMs, procToMs: procFromMs + geometry.spanMs };
}

export interface Scales { x: ScaleLinear<number, number>; y: ScaleLinear<number, number> }

/** Scales of the current viewport, for axes and pointer positions. Processing time grows upwards. */
export function viewportScales(geometry: PlotGeometry, view: Viewport): Scales {
  return {
    x: scaleLinear().domain([view.eventFromMs, view.eventToMs]).range([MARGIN.left, MARGIN.left + innerWidth(geometry.width)]),
    y: scaleLinear().domain([view.procFromMs, view.procToMs]).range([MARGIN.top + innerHeight(geometry.height), MARGIN.top]),
  };
}

/** Base coordinates: where a mark sits inside the translated group. */
export const baseX = (geometry: PlotGeometry, eventTimeMs: number) => (eventTimeMs - geometry.eventOriginMs) * geometry.kx;
export const baseY = (geometry: PlotGeometry, procTimeMs: number) => -procTimeMs * geometry.ky;

/** Where base coordinates' origin sits in the plotting area (inside the margins) for this viewport. */
export function marksOffset(geometry: PlotGeometry, view: Viewport): { x: number; y: number } {
  return { x: -baseX(geometry, view.eventFromMs), y: innerHeight(geometry.height) + view.procFromMs * geometry.ky };
}

/** Record rows [from, to) that have arrived by t and lie in the visible processing-time range. */
export function visibleRecordRange(trace: Trace, state: TraceState, view: Viewport): [number, number] {
  const arrivals = trace.records.procTimeMs.subarray(0, trace.records.length);
  const from = bisectLeft(arrivals, view.procFromMs);
  return [Math.min(from, state.records), state.records];
}

const byPaneTime = bisector((pane: PaneEvent) => pane.procTimeMs);

/** Pane rows [from, to) fired by t in the visible processing-time range. */
export function visiblePaneRange(trace: Trace, state: TraceState, view: Viewport): [number, number] {
  const from = byPaneTime.left(trace.panes, view.procFromMs);
  return [Math.min(from, state.panes), state.panes];
}

/** Distinct [start, end) bounds of the windows open at t (one band for all keys sharing them). */
export function openWindowBands(state: TraceState, view: Viewport): { start: number; end: number }[] {
  const seen = new Map<string, { start: number; end: number }>();
  for (const window of state.openWindows) {
    if (window.end < view.eventFromMs || window.start > view.eventToMs) continue;
    seen.set(`${window.start}:${window.end}`, { start: window.start, end: window.end });
  }
  return [...seen.values()];
}

/** The operator's watermark as a step path in base coordinates, from the view's bottom edge up to t. */
export function watermarkPath(geometry: PlotGeometry, index: TraceIndex, view: Viewport, state: TraceState): string {
  return stepPath(geometry, index.wmProcTimeMs, index.wmValue, view, state);
}

/** Beam's held output watermark (R3.13) the same way; empty when no hold ever kept it behind. */
export function outputWatermarkPath(geometry: PlotGeometry, index: TraceIndex, view: Viewport, state: TraceState): string {
  return stepPath(geometry, index.outWmProcTimeMs, index.outWmValue, view, state);
}

function stepPath(geometry: PlotGeometry, times: Float64Array, values: Float64Array, view: Viewport, state: TraceState): string {
  const clampX = (wm: number) => baseX(geometry, Math.min(Math.max(wm, view.eventFromMs), view.eventToMs));
  const first = Math.max(0, bisectLeft(times, view.procFromMs) - 1);
  const last = bisectLeft(times, state.procTimeMs + 1e-9);
  if (last <= first) return '';
  let d = '';
  let x = clampX(values[first]);
  let y = baseY(geometry, Math.max(times[first], view.procFromMs));
  d += `M${x.toFixed(1)},${y.toFixed(1)}`;
  for (let i = first + 1; i < last; i++) {
    y = baseY(geometry, times[i]);
    d += `V${y.toFixed(1)}`;
    x = clampX(values[i]);
    d += `H${x.toFixed(1)}`;
  }
  d += `V${baseY(geometry, state.procTimeMs).toFixed(1)}`;
  return d;
}
