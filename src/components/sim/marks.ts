// Identity and state of the plot's marks: records and panes, how they are keyed across re-runs, what a record's
// fate is at time t (the trace's `fate` column holds the final fate; a drop becomes visible only once it happened),
// and the order the keyboard walks them in.
import { RecordFate, type Trace } from '../../sim/index.ts';
import type { TraceIndex } from './traceIndex.ts';

export type MarkRef = { kind: 'record' | 'pane'; index: number };

export const markId = (mark: MarkRef) => `${mark.kind === 'record' ? 'r' : 'p'}${mark.index}`;

export function parseMarkId(text: string | undefined | null): MarkRef | undefined {
  const match = /^([rp])(\d+)$/.exec(text ?? '');
  return match ? { kind: match[1] === 'r' ? 'record' : 'pane', index: Number(match[2]) } : undefined;
}

export const sameMark = (a: MarkRef | undefined, b: MarkRef | undefined) => a?.kind === b?.kind && a?.index === b?.index;

/**
 * A key that survives a re-run: the input position (`step`: the event's list index in scenarios) plus the
 * position inside a batch, so a dragged record keeps its element while records re-sort by arrival.
 */
export function recordKey(trace: Trace, record: number): string {
  const steps = trace.records.step;
  let within = 0;
  while (record - within > 0 && steps[record - within - 1] === steps[record]) within++;
  return `${steps[record]}.${within}`;
}

export type FateAtT = (typeof RecordFate)[keyof typeof RecordFate];

/**
 * Accepted until a drop of this record has happened by t (`dropsSoFar` = traceAt(t).drops); fully late once every
 * drop of a record late everywhere has. Takes the count, not the state, so a mark re-renders only when it changes.
 */
export function recordFateAt(trace: Trace, index: TraceIndex, record: number, dropsSoFar: number): FateAtT {
  const drops = index.dropsByRecord.get(record);
  if (!drops) return RecordFate.Accepted;
  const happened = drops.filter((d) => d < dropsSoFar).length;
  if (happened === 0) return RecordFate.Accepted;
  return happened === drops.length && trace.records.fate[record] === RecordFate.Late ? RecordFate.Late : RecordFate.PartlyLate;
}

/** Visible records and panes in processing-time order (panes after the records that arrived at the same time). */
export function markOrder(trace: Trace, records: [number, number], panes: [number, number]): MarkRef[] {
  const order: MarkRef[] = [];
  let r = records[0];
  let p = panes[0];
  while (r < records[1] || p < panes[1]) {
    const takeRecord = p >= panes[1] || (r < records[1] && trace.records.procTimeMs[r] <= trace.panes[p].procTimeMs);
    order.push(takeRecord ? { kind: 'record', index: r++ } : { kind: 'pane', index: p++ });
  }
  return order;
}

const indexByKey = new WeakMap<Trace, Map<string, number>>();

/** The record with this key in a (possibly re-run) trace, so a selection follows its record through edits. */
export function recordIndexOf(trace: Trace, key: string): number | undefined {
  let map = indexByKey.get(trace);
  if (!map) {
    map = new Map();
    for (let r = 0; r < trace.records.length; r++) map.set(recordKey(trace, r), r);
    indexByKey.set(trace, map);
  }
  return map.get(key);
}

/** A mark named so that it survives a re-run: records by their key, panes by position. */
export type MarkName = { kind: 'record'; key: string } | { kind: 'pane'; index: number };

export const nameMark = (trace: Trace, mark: MarkRef): MarkName =>
  mark.kind === 'record' ? { kind: 'record', key: recordKey(trace, mark.index) } : { kind: 'pane', index: mark.index };

export function resolveMark(trace: Trace, name: MarkName | undefined): MarkRef | undefined {
  if (!name) return undefined;
  if (name.kind === 'pane') return name.index < trace.panes.length ? name : undefined;
  const index = recordIndexOf(trace, name.key);
  return index === undefined ? undefined : { kind: 'record', index };
}
