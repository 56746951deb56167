// Scenarios without arrival times (the vector format: scripted steps only) happen entirely at processing time 0,
// so the time plot would draw every mark on one line. For them the plot places marks by input step instead:
// arrival order up the y axis (1 = the first step), labelled so. Only placement changes; what happened is still the trace's.
import type { Trace } from '../../sim/index.ts';
import { buildTraceIndex, type TraceIndex } from './traceIndex.ts';

/** True when several records all arrived at one processing time, so processing time cannot separate them. */
export const isFlat = (trace: Trace, index: TraceIndex): boolean => trace.records.length > 1 && index.momentsMs.length <= 1;

/** Where step s is placed: first step at 1, so nothing sits on the axis. */
const place = (step: number) => step + 1;

/**
 * The same trace with every row's processing time replaced by its input step's place (an assignment takes its record's).
 * Steps never decrease in trace order, so every table stays sorted; keyframes are left out (small traces replay).
 */
export function inArrivalOrder(trace: Trace): { trace: Trace; index: TraceIndex } {
  const { records, assignments, watermarks, outputWatermarks } = trace;
  const steps = records.step.subarray(0, records.length);
  let lastStep = 0;
  for (const step of [...steps, ...watermarks.step.subarray(0, watermarks.length), ...trace.panes.map((p) => p.step), ...trace.drops.map((d) => d.step), ...trace.events.map((e) => e.step)]) lastStep = Math.max(lastStep, step);
  const placed: Trace = {
    ...trace,
    records: { ...records, procTimeMs: Float64Array.from(steps, place) },
    assignments: { ...assignments, procTimeMs: Float64Array.from(assignments.record.subarray(0, assignments.length), (record) => place(steps[record])) },
    watermarks: { ...watermarks, procTimeMs: Float64Array.from(watermarks.step.subarray(0, watermarks.length), place) },
    outputWatermarks: { ...outputWatermarks, procTimeMs: Float64Array.from(outputWatermarks.step.subarray(0, outputWatermarks.length), place) },
    panes: trace.panes.map((pane) => ({ ...pane, procTimeMs: place(pane.step) })),
    drops: trace.drops.map((drop) => ({ ...drop, procTimeMs: place(drop.step) })),
    events: trace.events.map((event) => ({ ...event, procTimeMs: place(event.step) })),
    keyframes: [],
    endProcTimeMs: place(lastStep),
  };
  return { trace: placed, index: buildTraceIndex(placed) };
}
