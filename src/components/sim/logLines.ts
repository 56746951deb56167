// The event log's lines: the output rows (panes and drops) and, for runs with Flink watermark alignment (R3.10),
// the moments a partition stopped or started reading, merged in the order they happened (by trace seq).
import type { Trace, TraceEvent } from '../../sim/index.ts';
import { rowId, type OutputRow } from './outputRows.ts';

export type AlignmentTurn = Extract<TraceEvent, { kind: 'alignment-paused' | 'alignment-resumed' }>;
export type LogLine = (OutputRow & { id: string }) | { kind: 'alignment'; id: string; turn: AlignmentTurn };

const turnsByTrace = new WeakMap<Trace, AlignmentTurn[]>();

/** Every pause and resume of the run, oldest first (computed once per trace). */
export function alignmentTurns(trace: Trace): AlignmentTurn[] {
  let turns = turnsByTrace.get(trace);
  if (!turns) {
    turns = trace.events.filter((e): e is AlignmentTurn => e.kind === 'alignment-paused' || e.kind === 'alignment-resumed');
    turnsByTrace.set(trace, turns);
  }
  return turns;
}

/** The last `limit` lines, oldest first. */
export function logLines(rows: OutputRow[], turns: AlignmentTurn[], limit: number): LogLine[] {
  const lines: LogLine[] = rows.map((row) => ({ ...row, id: rowId(row) }));
  if (turns.length === 0) return lines;
  for (const turn of turns) lines.push({ kind: 'alignment', id: `a${turn.seq}`, turn });
  const seqOf = (line: LogLine) => (line.kind === 'alignment' ? line.turn.seq : line.row.seq);
  lines.sort((a, b) => seqOf(a) - seqOf(b));
  return lines.slice(-limit);
}
