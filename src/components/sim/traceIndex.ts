// Indexes derived once per trace for playback and drawing: the moments something happens, the operator's watermark
// as a series, and per-record links to drops. "What is true at t" still comes from traceAt (STYLE §1); these only
// let a view find a range of rows fast (STYLE §3: bisect the time-sorted columns).
import type { Trace } from '../../sim/index.ts';

export interface TraceIndex {
  /** Distinct processing times at which a record arrived, a watermark moved, a pane fired or a record dropped; ascending. */
  momentsMs: Float64Array;
  /** The operator's watermark (scope −1) as (procTimeMs, value) rows in trace order. */
  wmProcTimeMs: Float64Array;
  wmValue: Float64Array;
  /** Beam's output watermark (R3.13) as (procTimeMs, value) rows, only when a hold keeps it behind the operator's. */
  outWmProcTimeMs: Float64Array;
  outWmValue: Float64Array;
  /** Finite event-time extent of records and windows (a watermark far behind is drawn at the edge instead). */
  eventExtent: [number, number];
  /** Processing-time extent of the run. */
  procExtent: [number, number];
  /** record index → indices into trace.drops. */
  dropsByRecord: Map<number, number[]>;
  /** record index → window ids it was assigned to. */
  windowsByRecord: Map<number, number[]>;
}

function uniqueSorted(values: Float64Array): Float64Array {
  values.sort();
  let n = 0;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[n - 1]) values[n++] = values[i];
  return values.slice(0, n);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildTraceIndex(trace: Trace): TraceIndex {
  const { records, watermarks, panes, drops, windows, assignments } = trace;
  const moments = new Float64Array(records.length + watermarks.length + panes.length + drops.length);
  moments.set(records.procTimeMs.subarray(0, records.length));
  moments.set(watermarks.procTimeMs.subarray(0, watermarks.length), records.length);
  let at = records.length + watermarks.length;
  for (const pane of panes) moments[at++] = pane.procTimeMs;
  for (const drop of drops) moments[at++] = drop.procTimeMs;

  let operatorRows = 0;
  for (let i = 0; i < watermarks.length; i++) if (watermarks.scope[i] === -1) operatorRows++;
  const wmProcTimeMs = new Float64Array(operatorRows);
  const wmValue = new Float64Array(operatorRows);
  for (let i = 0, j = 0; i < watermarks.length; i++) {
    if (watermarks.scope[i] !== -1) continue;
    wmProcTimeMs[j] = watermarks.procTimeMs[i];
    wmValue[j++] = watermarks.value[i];
  }

  const held = heldOutputWatermark(trace);

  let low = Infinity;
  let high = -Infinity;
  const widen = (value: number) => {
    if (!Number.isFinite(value)) return;
    if (value < low) low = value;
    if (value > high) high = value;
  };
  for (let i = 0; i < records.length; i++) widen(records.ts[i]);
  for (let i = 0; i < windows.length; i++) { widen(windows.start[i]); widen(windows.end[i]); }
  if (low > high) [low, high] = [0, 1];

  const dropsByRecord = new Map<number, number[]>();
  drops.forEach((drop, i) => pushTo(dropsByRecord, drop.record, i));
  const windowsByRecord = new Map<number, number[]>();
  for (let i = 0; i < assignments.length; i++) pushTo(windowsByRecord, assignments.record[i], assignments.windowId[i]);

  const momentsMs = uniqueSorted(moments);
  const firstMs = Math.min(0, momentsMs[0] ?? 0);
  return {
    momentsMs,
    wmProcTimeMs,
    wmValue,
    outWmProcTimeMs: held.procTimeMs,
    outWmValue: held.value,
    eventExtent: [low, high],
    procExtent: [firstMs, Math.max(trace.endProcTimeMs, momentsMs.at(-1) ?? 0, firstMs + 1)],
    dropsByRecord,
    windowsByRecord,
  };
}

/** The output watermark series when some hold keeps it behind the input watermark; empty otherwise (nothing to add). */
function heldOutputWatermark(trace: Trace) {
  const out = trace.outputWatermarks;
  const input = trace.watermarks;
  if (!out || out.length === 0) return { procTimeMs: new Float64Array(), value: new Float64Array() };
  // Walk both series in trace order (seq): many rows can share one processing time.
  let i = 0;
  let inputWm = -Infinity;
  for (let o = 0; o < out.length; o++) {
    for (; i < input.length && input.seq[i] <= out.seq[o]; i++) if (input.scope[i] === -1) inputWm = input.value[i];
    if (out.value[o] < inputWm) return { procTimeMs: out.procTimeMs.slice(0, out.length), value: out.value.slice(0, out.length) };
  }
  return { procTimeMs: new Float64Array(), value: new Float64Array() };
}
