// What the join view shows at processing time t, read from a JoinTrace only: which records have arrived, which
// sit in join state, the results so far (nulls with their reason) and the state size per side.
import type { JoinTrace } from '../../sim/index.ts';

export interface JoinRecordRow {
  record: number;
  side: 0 | 1;
  key: string;
  ts: number;
  value: string;
  isInState: boolean;
  isLate: boolean;
  reachFrom: number;
  reachTo: number;
}

export interface JoinResultRow {
  index: number;
  key: string;
  left: string;
  right: string;
  ts: string;
  isOuter: boolean;
  reason: string;
}

export interface JoinFrame {
  records: JoinRecordRow[];
  results: JoinResultRow[];
  stateSize: [number, number];
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : String(v));

/** Number of leading entries with time ≤ t (the tables are in processing-time order). */
function upTo(length: number, timeOf: (i: number) => number, t: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeOf(mid) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function joinFrame(trace: JoinTrace, t: number): JoinFrame {
  const { base } = trace;
  const r = base.records;
  const arrived = upTo(r.length, (i) => r.procTimeMs[i], t);
  const held = new Set<number>();
  for (const span of trace.state) if (span.fromMs <= t && span.toMs > t) held.add(span.record);
  const late = new Set(base.drops.filter((d) => d.procTimeMs <= t).map((d) => d.record));
  const records: JoinRecordRow[] = [];
  const stateSize: [number, number] = [0, 0];
  for (let i = 0; i < arrived; i++) {
    const side = trace.side[i] === 1 ? 1 : 0;
    if (held.has(i)) stateSize[side]++;
    records.push({
      record: i, side, key: base.keys[r.keyId[i]], ts: r.ts[i], value: String(r.value[i]), isInState: held.has(i), isLate: late.has(i),
      reachFrom: trace.reachFrom[i], reachTo: trace.reachTo[i],
    });
  }
  const shown = upTo(trace.results.length, (i) => trace.results[i].procTimeMs, t);
  const results = trace.results.slice(0, shown).map((e, index): JoinResultRow => ({
    index, key: base.keys[e.keyId],
    left: e.left < 0 ? 'null' : show(r.value[e.left]), right: e.right < 0 ? 'null' : show(r.value[e.right]),
    ts: show(e.ts), isOuter: e.left < 0 || e.right < 0, reason: e.reason,
  }));
  return { records, results, stateSize };
}
