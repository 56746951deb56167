// `--trace`: the trace as JSON Lines, every row in the order it happened (by sequence number).
import { wmForJson } from '../result.ts';
import type { Trace } from '../types.ts';

type Row = { seq: number; line: () => string };

export function* traceLines(trace: Trace): Generator<string> {
  const { records: r, assignments: a, watermarks: w, windows } = trace;
  const rows: Row[] = [];
  for (let i = 0; i < r.length; i++) {
    rows.push({ seq: r.seq[i], line: () => JSON.stringify({ kind: 'record', record: i, procTimeMs: r.procTimeMs[i], step: r.step[i], key: trace.keys[r.keyId[i]], ts: r.ts[i], value: r.value[i], partition: r.partition[i], fate: r.fate[i] }) });
  }
  for (let i = 0; i < a.length; i++) {
    const id = a.windowId[i];
    rows.push({ seq: a.seq[i], line: () => JSON.stringify({ kind: 'assign', procTimeMs: a.procTimeMs[i], record: a.record[i], windowId: id, start: windows.start[id], end: windows.end[id] }) });
  }
  for (let i = 0; i < w.length; i++) {
    rows.push({ seq: w.seq[i], line: () => JSON.stringify({ kind: 'watermark', procTimeMs: w.procTimeMs[i], step: w.step[i], scope: w.scope[i] < 0 ? 'operator' : `partition ${w.scope[i]}`, wm: wmForJson(w.value[i]) }) });
  }
  const o = trace.outputWatermarks;
  for (let i = 0; i < o.length; i++) {
    rows.push({ seq: o.seq[i], line: () => JSON.stringify({ kind: 'watermark', procTimeMs: o.procTimeMs[i], step: o.step[i], scope: 'output', wm: wmForJson(o.value[i]) }) });
  }
  for (const p of trace.panes) rows.push({ seq: p.seq, line: () => JSON.stringify({ kind: 'pane', ...p }) });
  for (const d of trace.drops) rows.push({ seq: d.seq, line: () => JSON.stringify({ kind: 'drop', ...d }) });
  for (const e of trace.events) rows.push({ seq: e.seq, line: () => JSON.stringify(e) });
  rows.sort((x, y) => x.seq - y.seq);
  for (const row of rows) yield row.line();
}
