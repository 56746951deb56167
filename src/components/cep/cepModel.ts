// What the CEP view shows, read from a CepTrace only. `cepModelOf` derives the per-trace tables once (run rows,
// the token each run is drawn as, playback's timeline); `cepFrameAt` answers "what is true at processing time t":
// the partial matches alive and the stage each waits at, how much of `within` each has left on the pattern's clock
// (the watermark in event time, processing time otherwise), the matches so far and the runs that ended without one.
import { bisectRight, max } from 'd3';
import type { CepRunEvent, CepTrace } from '../../sim/index.ts';
import type { Timeline } from '../sim/playback.svelte.ts';
import { formatMs } from '../sim/time.ts';
import { buildTraceIndex } from '../sim/traceIndex.ts';

export interface CepRunRow {
  run: CepRunEvent;
  key: string;
  /** The drawn token: a run that replaced its parent at the same moment keeps the parent's, so it moves on. */
  token: number;
  /** Time of each taken event on the pattern's clock (event time, or processing time when time = processing). */
  takenTs: number[];
  /** The taken events' timestamps as the matches print them. */
  events: string;
  deadline: number;
  /** When the run is first shown: its latest take, or when the trace says it was born if that is earlier. */
  fromMs: number;
}

export interface LiveRun {
  row: CepRunRow;
  stage: number;
  /** Takes made by t. */
  taken: number;
  /** Share of `within` still left at t, 0–1 (1 when there is no `within`). */
  left: number;
}

export interface CepModel {
  trace: CepTrace;
  rows: CepRunRow[];
  /** Rows of runs that ended without a match (timed out, discarded, skipped), by end time. */
  ended: CepRunRow[];
  endedMs: Float64Array;
  matchMs: Float64Array;
  timeline: Timeline;
  /** Extent of the pattern's clock over the run (for the timers' axis). */
  clockExtent: [number, number];
  wmProcTimeMs: Float64Array;
  wmValue: Float64Array;
}

export interface CepFrame {
  procTimeMs: number;
  /** The pattern's clock at t: the watermark in event time, processing time otherwise. */
  now: number;
  live: LiveRun[];
  /** Matches emitted by t (a prefix of trace.matches) and ended runs by t (a prefix of model.ended). */
  matches: number;
  ended: number;
}

export const FATE_WORDS: Record<string, string> = { 'timed-out': '⏱ timed out', discarded: '✕ discarded', skipped: '↷ skipped' };

export function buildCepModel(trace: CepTrace): CepModel {
  const { base, spec } = trace;
  const isEventTime = spec.time === 'event';
  const byId = new Map(trace.runs.map((run) => [run.id, run]));
  const tokenOf = new Map<number, number>();
  const inherited = new Set<number>();
  const rows = trace.runs.map((run): CepRunRow => {
    // A run that moves on past an optional stage is reported born again then; it has existed since its latest take.
    const fromMs = Math.min(run.bornMs, run.takenMs.at(-1) ?? run.bornMs);
    const parent = byId.get(run.parent);
    // Only one child takes over a parent's token, and only as the parent goes, so no two live runs share one.
    const continues = parent?.fate === 'advanced' && parent.endMs === fromMs && !inherited.has(parent.id);
    if (continues) inherited.add(parent.id);
    const token = continues ? tokenOf.get(parent.id) ?? parent.id : run.id;
    tokenOf.set(run.id, token);
    return {
      run, key: base.keys[run.keyId], token, fromMs,
      takenTs: run.records.map((r, i) => (isEventTime ? base.records.ts[r] : run.takenMs[i])),
      events: run.records.map((r) => formatMs(base.records.ts[r])).join(', '),
      deadline: run.startTs + spec.within,
    };
  });
  const ended = rows.filter((row) => row.run.fate in FATE_WORDS && Number.isFinite(row.run.endMs)).sort((a, b) => a.run.endMs - b.run.endMs);
  const index = buildTraceIndex(base);
  const extra = [...trace.runs.flatMap((run) => [run.bornMs, run.endMs, ...run.takenMs]), ...trace.matches.map((m) => m.procTimeMs)].filter(Number.isFinite);
  const momentsMs = [...new Set([...index.momentsMs, ...extra])].sort((a, b) => a - b);
  const startMs = index.procExtent[0];
  const timeline = { momentsMs, startMs, endMs: Math.max(index.procExtent[1], momentsMs.at(-1) ?? startMs) };
  const lastDeadline = max(rows, (row) => (Number.isFinite(row.deadline) ? row.deadline : undefined)) ?? -Infinity;
  const clockExtent: [number, number] = isEventTime
    ? [index.eventExtent[0], Math.max(index.eventExtent[1], lastDeadline)]
    : [timeline.startMs, Math.max(timeline.endMs, lastDeadline)];
  return {
    trace, rows, ended, endedMs: Float64Array.from(ended, (row) => row.run.endMs), matchMs: Float64Array.from(trace.matches, (m) => m.procTimeMs),
    timeline, clockExtent, wmProcTimeMs: index.wmProcTimeMs, wmValue: index.wmValue,
  };
}

const models = new WeakMap<CepTrace, CepModel>();

/** The model of a trace, built once however many components ask. */
export function cepModelOf(trace: CepTrace): CepModel {
  let model = models.get(trace);
  if (!model) models.set(trace, (model = buildCepModel(trace)));
  return model;
}

export function cepFrameAt(model: CepModel, t: number): CepFrame {
  const { spec } = model.trace;
  const wmAt = bisectRight(model.wmProcTimeMs, t) - 1;
  const now = spec.time === 'processing' ? t : wmAt >= 0 ? model.wmValue[wmAt] : -Infinity;
  const live: LiveRun[] = [];
  for (const row of model.rows) {
    const { run } = row;
    if (row.fromMs > t || run.endMs <= t) continue;
    const taken = Math.max(1, bisectRight(run.takenMs, t));
    const left = spec.within === Infinity ? 1 : Math.min(1, Math.max(0, (row.deadline - now) / spec.within));
    live.push({ row, stage: run.stages[taken - 1] ?? 0, taken, left });
  }
  return { procTimeMs: t, now, live, matches: bisectRight(model.matchMs, t), ended: bisectRight(model.endedMs, t) };
}

/** A stage as Flink writes it: the name with its quantifier ("{2}", "+", "?") and the value its condition wants. */
export function stageLabel(stage: CepTrace['spec']['stages'][number]): { name: string; condition: string } {
  const times = stage.max === Infinity ? (stage.min <= 1 ? '+' : `{${stage.min},}`) : stage.max > 1 ? (stage.min === stage.max ? `{${stage.max}}` : `{${stage.min},${stage.max}}`) : '';
  return { name: `${stage.name}${times}${stage.min === 0 ? '?' : ''}`, condition: String(stage.value) };
}
