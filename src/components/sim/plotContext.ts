// The time plot's shared values: its root computes them once per frame, its layers read them (STYLE §3).
import { createContext } from 'svelte';
import type { Trace, TraceState } from '../../sim/index.ts';
import type { PlotGeometry, Scales, Viewport } from './plotModel.ts';
import type { TraceIndex } from './traceIndex.ts';

export interface PlotContext {
  readonly trace: Trace;
  readonly index: TraceIndex;
  readonly state: TraceState;
  readonly geometry: PlotGeometry;
  readonly view: Viewport;
  readonly scales: Scales;
  /** What the y axis places marks by: processing time, or, for runs without arrival times, input step order. */
  readonly yAxis: 'processing time' | 'arrival order';
}

export const [getPlot, setPlot] = createContext<PlotContext>();
