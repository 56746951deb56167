// What the join view shows, read from a JoinTrace only. `buildJoinModel` derives the per-trace tables once (record
// rows, result rows, state size as a series, playback's timeline); `joinFrameAt` then answers "what is true at
// processing time t" cheaply enough to run on every animation frame with thousands of records.
import { bisectRight } from 'd3';
import type { JoinTrace } from '../../sim/index.ts';
import { formatValue } from '../sim/describe.ts';
import type { Timeline } from '../sim/playback.svelte.ts';
import { formatMs } from '../sim/time.ts';
import { buildTraceIndex } from '../sim/traceIndex.ts';

export const SIDES = ['left', 'right'] as const;

/** A record at t: in join state, taken out of it, dropped as late, or never stored (e.g. a lookup's probe side). */
export type RecordStatus = 'held' | 'removed' | 'late' | 'passed';

export interface JoinRecordRow {
  record: number;
  side: 0 | 1;
  key: string;
  ts: number;
  value: string;
  arrivedMs: number;
  /** The other side's event-time range this record can match (NaN when the join has no range, e.g. a lookup). */
  reachFrom: number;
  reachTo: number;
  /** Indices into trace.state: the record's stays in join state. */
  spans: number[];
  /** Index into trace.base.drops when the record was dropped as late, else −1. */
  drop: number;
}

export interface JoinResultRow {
  index: number;
  procTimeMs: number;
  key: string;
  /** Record indices; −1 for the missing side of an outer result. */
  left: number;
  right: number;
  leftText: string;
  rightText: string;
  ts: string;
  isOuter: boolean;
  reason: string;
}

export interface StatePoint { ms: number; size: number }

export interface JoinModel {
  trace: JoinTrace;
  records: JoinRecordRow[];
  results: JoinResultRow[];
  /** Arrival time of each record and emission time of each result, for bisecting. */
  arrivedMs: Float64Array;
  resultMs: Float64Array;
  /** Per side, the number of records in state after each change, in processing-time order. */
  stateSeries: [StatePoint[], StatePoint[]];
  maxState: number;
  timeline: Timeline;
  /** Finite event-time extent of the records. */
  eventExtent: [number, number];
  wmProcTimeMs: Float64Array;
  wmValue: Float64Array;
}

export interface JoinFrame {
  procTimeMs: number;
  /** Records that have arrived by t (a prefix of model.records). */
  arrived: number;
  status: RecordStatus[];
  /** Results emitted by t (a prefix of model.results). */
  results: number;
  stateSize: [number, number];
  /** The join operator's watermark at t (−∞ before the first, or under a profile without one). */
  watermark: number;
}

function stateSeries(trace: JoinTrace, side: 0 | 1, startMs: number): StatePoint[] {
  const changes: [number, number][] = [];
  for (const span of trace.state) {
    if (trace.side[span.record] !== side) continue;
    changes.push([span.fromMs, 1]);
    if (Number.isFinite(span.toMs)) changes.push([span.toMs, -1]);
  }
  changes.sort((a, b) => a[0] - b[0]);
  const points: StatePoint[] = [{ ms: startMs, size: 0 }];
  let size = 0;
  for (const [ms, delta] of changes) {
    size += delta;
    if (points.at(-1)!.ms === ms) points.at(-1)!.size = size;
    else points.push({ ms, size });
  }
  return points;
}

export function buildJoinModel(trace: JoinTrace): JoinModel {
  const { base } = trace;
  const r = base.records;
  const index = buildTraceIndex(base);
  const spansOf = new Map<number, number[]>();
  trace.state.forEach((span, i) => spansOf.set(span.record, [...(spansOf.get(span.record) ?? []), i]));
  const dropOf = new Map(base.drops.map((drop, i) => [drop.record, i]));
  const records = Array.from({ length: r.length }, (_, i): JoinRecordRow => ({
    record: i, side: trace.side[i] === 1 ? 1 : 0, key: base.keys[r.keyId[i]], ts: r.ts[i], value: formatValue(r.value[i]),
    arrivedMs: r.procTimeMs[i], reachFrom: trace.reachFrom[i], reachTo: trace.reachTo[i], spans: spansOf.get(i) ?? [], drop: dropOf.get(i) ?? -1,
  }));
  const results = trace.results.map((e, i): JoinResultRow => ({
    index: i, procTimeMs: e.procTimeMs, key: base.keys[e.keyId], left: e.left, right: e.right,
    leftText: e.left < 0 ? 'null' : formatValue(r.value[e.left]), rightText: e.right < 0 ? 'null' : formatValue(r.value[e.right]),
    ts: e.ts === undefined ? '—' : formatMs(e.ts), isOuter: e.left < 0 || e.right < 0, reason: e.reason,
  }));
  const extra = [...trace.results.map((e) => e.procTimeMs), ...trace.state.flatMap((s) => [s.fromMs, s.toMs])].filter(Number.isFinite);
  const momentsMs = [...new Set([...index.momentsMs, ...extra])].sort((a, b) => a - b);
  const startMs = index.procExtent[0];
  const series: [StatePoint[], StatePoint[]] = [stateSeries(trace, 0, startMs), stateSeries(trace, 1, startMs)];
  return {
    trace, records, results, stateSeries: series,
    arrivedMs: r.procTimeMs.subarray(0, r.length), resultMs: Float64Array.from(results, (row) => row.procTimeMs),
    maxState: Math.max(1, ...series.flatMap((points) => points.map((p) => p.size))),
    timeline: { momentsMs, startMs, endMs: Math.max(index.procExtent[1], momentsMs.at(-1) ?? startMs) },
    eventExtent: index.eventExtent, wmProcTimeMs: index.wmProcTimeMs, wmValue: index.wmValue,
  };
}

const models = new WeakMap<JoinTrace, JoinModel>();

/** The model of a trace, built once however many components ask (the embed for its timeline, the view for all). */
export function joinModelOf(trace: JoinTrace): JoinModel {
  let model = models.get(trace);
  if (!model) models.set(trace, (model = buildJoinModel(trace)));
  return model;
}

function statusAt(model: JoinModel, row: JoinRecordRow, t: number): RecordStatus {
  if (row.drop >= 0 && model.trace.base.drops[row.drop].procTimeMs <= t) return 'late';
  let status: RecordStatus = 'passed';
  for (const i of row.spans) {
    const span = model.trace.state[i];
    if (span.fromMs <= t && span.toMs > t) return 'held';
    if (span.toMs <= t) status = 'removed';
  }
  return status;
}

export function joinFrameAt(model: JoinModel, t: number): JoinFrame {
  const arrived = bisectRight(model.arrivedMs, t);
  const status = model.records.slice(0, arrived).map((row) => statusAt(model, row, t));
  const stateSize: [number, number] = [0, 0];
  status.forEach((s, i) => { if (s === 'held') stateSize[model.records[i].side]++; });
  const wmAt = bisectRight(model.wmProcTimeMs, t) - 1;
  return {
    procTimeMs: t, arrived, status, stateSize,
    results: bisectRight(model.resultMs, t),
    watermark: wmAt >= 0 ? model.wmValue[wmAt] : -Infinity,
  };
}

/** Why a record is where it is at t, in the simulator's own words (the state span's or the drop's reason). */
export function explainRecord(model: JoinModel, row: JoinRecordRow, status: RecordStatus, t: number): string {
  if (status === 'late') return `dropped as late: ${model.trace.base.drops[row.drop].reason}`;
  const spans = row.spans.map((i) => model.trace.state[i]).filter((span) => span.fromMs <= t);
  const span = spans.at(-1);
  if (status === 'held' && span) return `held in ${SIDES[row.side]} state since ${formatMs(span.fromMs)}${Number.isFinite(span.toMs) ? `, until ${formatMs(span.toMs)}` : ''}`;
  if (status === 'removed' && span) return `removed from state at ${formatMs(span.toMs)}: ${span.reason}`;
  return 'not stored in join state';
}

/** "[5 ms, 15 ms]", or a sentence when the join matches by something other than a time range. */
export function formatReach(row: JoinRecordRow): string {
  if (Number.isNaN(row.reachFrom)) return 'no time range (matches by key)';
  return `[${formatMs(row.reachFrom)}, ${formatMs(row.reachTo)}]`;
}
