// A simulator trace seen the way an exercise talks about it: records labelled e1, e2, … in the scenario's list
// order, windows labelled "[10,20)" in seconds, panes with the record they followed. Questions, predicates and
// widgets all read this one view, so a label means the same thing everywhere.
import { RecordFate, type PaneValue, type Run, type Scenario, type Timing, type Trace, type Value } from '../sim/index.ts';

export interface RecordRow {
  id: string;
  /** Row in trace.records (arrival order). */
  row: number;
  key: string;
  ts: number;
  arrivalMs: number;
  value: Value;
  /** Source partition (0 when the scenario has one). */
  partition: number;
  isDropped: boolean;
  step: number;
}

export interface WindowRow { id: string; key: string; start: number; end: number }

export interface PaneRow {
  window: string;
  key: string;
  value: PaneValue;
  timing?: Timing;
  /** The record after which the pane fired, or "end" for the end of input. */
  after: string;
  procTimeMs: number;
  isRetraction: boolean;
  seq: number;
  step: number;
  reason: string;
}

export interface RunView {
  scenario: Scenario;
  trace: Trace;
  records: RecordRow[];
  windows: WindowRow[];
  /** trace window id → label (several ids may share a label, e.g. one window per key and time range). */
  windowLabels: string[];
  panes: PaneRow[];
  /** The operator's watermark (Kafka Streams: stream time) when the run ended. */
  finalWatermark: number;
}

/** Seconds without trailing zeros: 10_000 → "10", 10_500 → "10.5"; the sentinels as ±∞. */
export function formatSeconds(ms: number): string {
  if (ms === Infinity) return '+∞';
  if (ms === -Infinity) return '−∞';
  return String(Number((ms / 1000).toFixed(3)));
}

/** The simulator words its reasons in milliseconds; say so next to our labels, which use seconds. */
export const simReason = (reason: string): string => `${reason} (times in ms)`;

/** Which input a step is: e1, e2, … for the scenario's events, else the kind of scripted step ("end", "watermark"). */
export function inputLabel(scenario: Scenario, step: number): string {
  const eventCount = scenario.events?.length ?? 0;
  return step < eventCount ? `e${step + 1}` : scenario.steps[step - eventCount]?.kind ?? 'end';
}

/** "after e5", "at the end of input", "at the watermark step". */
export function whenText(after: string): string {
  return /^e\d+$/.test(after) ? `after ${after}` : after === 'end' ? 'at the end of input' : `at the ${after} step`;
}

export function buildRunView(scenario: Scenario, run: Run): RunView {
  const trace = run.trace;
  if (!trace) throw new Error('exercises need a traced run: call run(scenario, { trace: true })');
  const hasManyKeys = trace.keys.length > 1;
  // Kafka Streams reports session and sliding windows with an inclusive end (vectors.md "Result").
  const isInclusive = scenario.profile === 'kafka-streams' && ['session', 'kafka-sliding'].includes(scenario.pipeline.window.type);
  // A Storm windowed bolt holds the tuples in (end − length, end]: WatermarkTimeEvictionPolicy expires a tuple exactly
  // one length before the end and processes one stamped at the end.
  const isStorm = scenario.profile === 'storm';
  const windowLabel = (key: string, start: number | undefined, end: number | undefined) => {
    const bounds = start === undefined || end === undefined || !Number.isFinite(start)
      ? 'global'
      : isStorm ? `(${formatSeconds(start)},${formatSeconds(end)}]` : `[${formatSeconds(start)},${formatSeconds(end)}${isInclusive ? ']' : ')'}`;
    return hasManyKeys ? `${key} ${bounds}` : bounds;
  };

  const r = trace.records;
  // A spark runtime run traces its records under micro-batch steps, one row per arrival in arrival order
  // (sim/runtime/microBatch.ts); name each row after the scenario event it came from, with that event's arrival.
  const byArrival = scenario.profile === 'spark' && scenario.pipeline.runtime && scenario.events
    ? scenario.events.map((e, i) => ({ arrivalMs: e.arrivalMs, step: i })).sort((a, b) => a.arrivalMs - b.arrivalMs)
    : undefined;
  const records: RecordRow[] = [];
  for (let row = 0; row < r.length; row++) {
    const key = trace.keys[r.keyId[row]];
    const origin = byArrival?.[row];
    const step = origin?.step ?? r.step[row];
    records.push({
      id: inputLabel(scenario, step), row, key, ts: r.ts[row], arrivalMs: origin?.arrivalMs ?? r.procTimeMs[row],
      value: r.value[row], partition: r.partition[row], isDropped: r.fate[row] === RecordFate.Late, step,
    });
  }
  records.sort((a, b) => a.step - b.step || a.row - b.row);

  const windows = new Map<string, WindowRow>();
  const windowLabels: string[] = [];
  const w = trace.windows;
  for (let id = 0; id < w.length; id++) {
    const key = trace.keys[w.keyId[id]];
    const label = windowLabel(key, w.start[id], w.end[id]);
    windowLabels.push(label);
    if (!windows.has(label)) windows.set(label, { id: label, key, start: w.start[id], end: w.end[id] });
  }

  // In a spark runtime run a pane's step is its micro-batch: it fired after the last record that batch read.
  const lastReadBy = (batch: number) => records.filter((rec) => r.step[rec.row] === batch).at(-1)?.id;
  const panes = trace.panes.map((p): PaneRow => ({
    window: windowLabel(p.key, p.start, p.end), key: p.key, value: p.value, timing: p.timing,
    after: (byArrival && lastReadBy(p.step)) || inputLabel(scenario, p.step), procTimeMs: p.procTimeMs, isRetraction: p.retract, seq: p.seq, step: p.step,
    reason: simReason(p.reason),
  }));

  return {
    scenario, trace, records, panes, windowLabels,
    windows: [...windows.values()].sort(byWindowEnd),
    finalWatermark: operatorWatermarkBefore(trace, Infinity),
  };
}

/** The order windows are listed in everywhere: by end, then key, then start. */
export function byWindowEnd(a: WindowRow, b: WindowRow): number {
  return a.end - b.end || a.key.localeCompare(b.key) || a.start - b.start;
}

/** The operator's watermark just before trace sequence number `seq` (−∞ before the first one). */
export function operatorWatermarkBefore(trace: Trace, seq: number): number {
  const wm = trace.watermarks;
  let value = -Infinity;
  for (let i = 0; i < wm.length && wm.seq[i] < seq; i++) if (wm.scope[i] === -1) value = wm.value[i];
  return value;
}

/** Windows a record belongs to, by label: those it was added to, then those it was too late for. */
export function windowsOfRecord(view: RunView, record: RecordRow): string[] {
  const a = view.trace.assignments;
  const labels: string[] = [];
  const add = (windowId: number) => {
    const label = view.windowLabels[windowId];
    if (!labels.includes(label)) labels.push(label);
  };
  for (let i = 0; i < a.length; i++) if (a.record[i] === record.row) add(a.windowId[i]);
  // A late record is never added to a window's state; its drop entries name the windows it missed.
  for (const drop of view.trace.drops) if (drop.record === record.row && drop.windowId !== undefined) add(drop.windowId);
  return labels;
}

/** Why a dropped record was dropped, in the simulator's words. */
export function dropReason(view: RunView, record: RecordRow): string {
  const drop = view.trace.drops.find((d) => d.record === record.row);
  return drop ? simReason(drop.reason) : 'it counted nowhere';
}

export function findRecord(view: RunView, id: string): RecordRow {
  const record = view.records.find((r) => r.id === id);
  if (!record) throw new RangeError(`no record "${id}" in this scenario (records: ${view.records.map((r) => r.id).join(', ')})`);
  return record;
}

export function findWindow(view: RunView, id: string): WindowRow | undefined {
  return view.windows.find((w) => w.id === id);
}
