// The output as rows: every pane and every drop that has happened by t, in the order they happened. A signature
// names a row by what it says (not when), so A/B compare can mark the rows one configuration has and the other lacks.
import type { DropEvent, PaneEvent, Trace, TraceState } from '../../sim/index.ts';

export type OutputRow = { kind: 'pane'; index: number; row: PaneEvent } | { kind: 'drop'; index: number; row: DropEvent };

/** The last `limit` rows at t (given traceAt's prefix counts), oldest first, and how many there are in all. */
export function outputRows(trace: Trace, now: Pick<TraceState, 'panes' | 'drops'>, limit = Infinity): { rows: OutputRow[]; total: number } {
  const total = now.panes + now.drops;
  const rows: OutputRow[] = [];
  let p = now.panes - 1;
  let d = now.drops - 1;
  // Walk back from the newest, merging the two tables by their shared sequence number.
  while (rows.length < limit && (p >= 0 || d >= 0)) {
    if (d < 0 || (p >= 0 && trace.panes[p].seq > trace.drops[d].seq)) rows.push({ kind: 'pane', index: p, row: trace.panes[p--] });
    else rows.push({ kind: 'drop', index: d, row: trace.drops[d--] });
  }
  return { rows: rows.reverse(), total };
}

export function rowSignature(row: OutputRow): string {
  const r = row.row;
  return row.kind === 'pane'
    ? `pane|${r.key}|${r.start}|${r.end}|${row.row.timing}|${row.row.retract}|${JSON.stringify(row.row.value)}`
    // A drop is the record, whichever window the profile names it under (Flink reports one per record, R4).
    : `drop|${r.key}|${row.row.ts}|${JSON.stringify(row.row.value)}`;
}

export const rowId = (row: OutputRow) => `${row.kind === 'pane' ? 'p' : 'd'}${row.index}`;

/** Ids of rows in `mine` that `theirs` does not have (as many times as they are missing: a multiset difference). */
export function missingFrom(mine: OutputRow[], theirs: OutputRow[]): Set<string> {
  const counts = new Map<string, number>();
  for (const row of theirs) counts.set(rowSignature(row), (counts.get(rowSignature(row)) ?? 0) + 1);
  const differing = new Set<string>();
  for (const row of mine) {
    const signature = rowSignature(row);
    const left = counts.get(signature) ?? 0;
    if (left > 0) counts.set(signature, left - 1);
    else differing.add(rowId(row));
  }
  return differing;
}
