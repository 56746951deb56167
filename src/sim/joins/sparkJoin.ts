// Spark Structured Streaming stream-stream joins (StreamingSymmetricHashJoinExec, spec R5.13–R5.17), one
// micro-batch at a time. Batch N drops late rows with the previous batch's watermark (R5.14), joins the batch's
// left rows with the right state, stores them, then joins the batch's right rows with the left state (which now
// holds this batch's left rows, so each pair comes out once) and stores them (R5.13). Then state rows at or below
// each side's state watermark are evicted (R5.15); an unmatched evicted row of an outer side gets its null row
// last in the batch (R5.16). A raised watermark runs a no-data batch, which is where null rows usually appear.
import { closesBatch } from '../compile.ts';
import { slidingStarts, tumblingStart } from '../windows/assign.ts';
import type { JoinEngine, JoinEngineContext } from './engine.ts';
import { sideName } from './engine.ts';
import type { JoinRecord } from './joinOutput.ts';
import type { IntervalJoinSpec, Side, WindowJoinSpec } from './types.ts';

/** A state row: the record and, for a window-equality join, the window it was joined in. */
interface Row { record: JoinRecord; start: number; end: number; isMatched: boolean }

export function createSparkJoin(spec: IntervalJoinSpec | WindowJoinSpec, { scenario, program, out }: JoinEngineContext): JoinEngine {
  const delays = spec.watermarks.map((wm) => (wm?.type === 'bounded' ? wm.delay : undefined));
  const hasWatermark = delays.some((d) => d !== undefined);
  const isOuter = [spec.kind === 'left' || spec.kind === 'outer', spec.kind === 'right' || spec.kind === 'outer'];
  const state: [Row[][], Row[][]] = [[], []];
  // R3.17: per input max(event time) − delay; the global watermark is the min over inputs with one, starts at 0.
  const inputWm = [0, 0];
  let globalWm = 0;
  let lastEvictionWm = 0;
  let batchIndex = 0;
  let pending: JoinRecord[] = [];
  const starts: number[] = [];

  const windowsOf = (t: number): [number, number][] => {
    if (spec.type !== 'window') return [[NaN, NaN]];
    const w = spec.window;
    if (w.type === 'tumbling') {
      const s = tumblingStart(t, w.size, w.offset);
      return [[s, s + w.size]];
    }
    const { size, slide, offset } = w as { size: number; slide: number; offset: number };
    const n = slidingStarts(t, size, slide, offset, starts);
    return starts.slice(0, n).reverse().map((s) => [s, s + size]);
  };

  const matches = (a: Row, b: Row): boolean => {
    if (spec.type === 'window') return a.start === b.start;
    const [left, right] = a.record.side === 0 ? [a.record, b.record] : [b.record, a.record];
    return right.t - left.t >= spec.lower && right.t - left.t <= spec.upper;
  };

  /** R5.15: the time at or below which a side's rows can no longer match (−∞: never evicted by time). */
  const stateWatermark = (side: Side, wm: number): number => {
    if (spec.type === 'window') return delays[side] === undefined ? -Infinity : wm;
    if (delays[1 - side] === undefined) return -Infinity;
    // Left rows: tR ≤ tL + upper, with tR > W: drop tL ≤ W − upper − 1. Right rows: tR ≥ tL + lower: drop tR ≤ W + lower − 1.
    return side === 0 ? wm - spec.upper - 1 : wm + spec.lower - 1;
  };
  const isEvictable = (row: Row, side: Side, wm: number): boolean =>
    spec.type === 'window' ? delays[side] !== undefined && row.end <= wm : row.record.t <= stateWatermark(side, wm);

  const emitPair = (mine: Row, other: Row) => {
    mine.isMatched = other.isMatched = true;
    const [left, right] = mine.record.side === 0 ? [mine.record, other.record] : [other.record, mine.record];
    const how = spec.type === 'window' ? `both in window [${mine.start}, ${mine.end})` : `${spec.lower} ≤ ${right.t} − ${left.t} ≤ ${spec.upper}`;
    out.result(left, right, undefined, { rule: 'R5.13', values: { batch: batchIndex, leftTs: left.t, rightTs: right.t }, reason: `joined in batch ${batchIndex}: ${how}` });
  };

  function runBatch(rows: JoinRecord[]): void {
    const evictionWm = hasWatermark ? globalWm : -Infinity;
    const lateWm = hasWatermark ? lastEvictionWm : -Infinity;
    const batch = batchIndex;
    out.recorder.event({ kind: 'batch', batch, rows: rows.length, evictionWm, lateWm, isNoData: rows.length === 0 });
    const maxT = [-Infinity, -Infinity];
    const fresh: [Row[], Row[]] = [[], []];
    for (const record of rows) {
      const side = record.side;
      maxT[side] = Math.max(maxT[side], record.t);
      // R5.14: on an input with a watermark, rows at or below the previous batch's watermark are late.
      if (delays[side] !== undefined && record.t <= lateWm) {
        out.drop(record, { rule: 'R5.14', values: { ts: record.t, lateWatermark: lateWm }, reason: `late: ${record.t} ≤ watermark ${lateWm} of the previous batch` });
        continue;
      }
      for (const [start, end] of windowsOf(record.t)) fresh[side].push({ record, start, end, isMatched: false });
    }
    // R5.13: left rows against the right state first, then right rows against the left state (with this batch's left rows).
    for (const side of [0, 1] as const) {
      for (const row of fresh[side]) {
        for (const other of state[1 - side][row.record.keyId] ?? []) if (matches(row, other)) emitPair(row, other);
        const sw = stateWatermark(side, evictionWm);
        if (spec.type === 'interval') out.reach(row.record, side === 0 ? row.record.t + spec.lower : row.record.t - spec.upper, side === 0 ? row.record.t + spec.upper : row.record.t - spec.lower);
        else out.reach(row.record, row.start, row.end - 1);
        (state[side][row.record.keyId] ??= []).push(row);
        if (!rowsStored.has(row.record.r)) {
          rowsStored.add(row.record.r);
          out.store(row.record, { rule: 'R5.15', values: { stateWatermark: sw }, reason: spec.type === 'window' ? 'kept until the watermark passes its window end' : `kept until the ${sideName(1 - side)} input's watermark makes it unmatchable` });
        }
      }
    }
    evict(evictionWm, batch);
    lastEvictionWm = evictionWm;
    batchIndex++;
    // R3.17: after a batch with rows, each input's watermark is max(event time) − delay; the global is the min.
    for (const side of [0, 1] as const) if (delays[side] !== undefined && maxT[side] > -Infinity) inputWm[side] = Math.max(inputWm[side], maxT[side] - delays[side]!);
    const next = Math.min(...[0, 1].filter((s) => delays[s] !== undefined).map((s) => inputWm[s]));
    if (hasWatermark && next > globalWm) {
      globalWm = next;
      out.operatorWatermark(globalWm);
    }
    // R3.19: a raised watermark runs one more batch without rows, which evicts by it.
    if (hasWatermark && scenario.pipeline.noDataBatches && globalWm > evictionWm) runBatch([]);
  }
  const rowsStored = new Set<number>();

  /** R5.15 eviction by W_N, then R5.16 null rows for unmatched rows of an outer side, after the inner matches. */
  function evict(wm: number, batch: number): void {
    if (wm === -Infinity) return;
    for (const side of [0, 1] as const) {
      for (const [keyId, rows] of state[side].entries()) {
        if (!rows) continue;
        const gone = rows.filter((row) => isEvictable(row, side, wm));
        if (gone.length === 0) continue;
        state[side][keyId] = rows.filter((row) => !isEvictable(row, side, wm));
        const stillHeld = new Set(state[side][keyId].map((row) => row.record.r));
        for (const row of gone) {
          const record = row.record;
          const why = spec.type === 'window' ? `window end ${row.end} ≤ watermark ${wm}` : `${record.t} ≤ state watermark ${stateWatermark(side, wm)} (from watermark ${wm})`;
          if (!stillHeld.has(record.r) && rowsStored.delete(record.r)) out.evict(record, { rule: 'R5.15', values: { watermark: wm, batch }, reason: `evicted in batch ${batch}: ${why}` });
          if (isOuter[side] && !row.isMatched) {
            const [left, right] = side === 0 ? [record, null] : [null, record];
            out.result(left, right, undefined, { rule: 'R5.16', values: { watermark: wm, batch }, reason: `no match before eviction in batch ${batch} (${why}): the outer join emits it with null` });
          }
        }
      }
    }
  }

  return {
    record(op) {
      pending.push(out.arrive(op));
      if (closesBatch(program, op)) {
        const rows = pending;
        pending = [];
        runBatch(rows);
      }
    },
    watermark() {
      throw new RangeError('spark has no watermark steps');
    },
    // R3.20: no end-of-input flush.
    end() {},
    get operatorWm() {
      return globalWm;
    },
  };
}
