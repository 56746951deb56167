// Spark Structured Streaming: micro-batches (R3.17–R3.20, R4.23–R4.25). Batch N evicts with the watermark computed
// after batch N−1 and filters late rows with the previous batch's eviction watermark; a raised watermark causes a
// no-data batch. A `batch` step is one micro-batch, a lone `record` step a batch of one; scenario events are
// collected into a batch every `batchInterval` ms of processing time.
import { aggregatorFor } from '../aggregates.ts';
import { closesBatch } from '../compile.ts';
import type { Engine, EngineContext } from '../engine.ts';
import { inMs } from '../trace/recorder.ts';
import { slidingStarts, tumblingStart } from '../windows/assign.ts';

interface Row { record: number; keyId: number; t: number; value: number | string }
interface SparkWindow { id: number; keyId: number; start: number; end: number; acc: unknown; isChanged: boolean }

export function createSparkEngine({ scenario, program, recorder, clock }: EngineContext): Engine {
  const { pipeline } = scenario;
  const windowSpec = pipeline.window;
  const agg = aggregatorFor(pipeline.aggregate);
  const mode = pipeline.outputMode;
  const spec = pipeline.watermark;
  const hasWatermark = spec !== undefined && mode !== 'complete';
  const delay = spec?.type === 'bounded' ? spec.delay : 0;
  const state: (Map<number, SparkWindow> | undefined)[] = [];
  const sessions: SparkWindow[][] = [];
  const starts: number[] = [];
  // R3.17: the global watermark starts at 0 and never decreases.
  let globalWm = 0;
  let lastEvictionWm = 0;
  let batchIndex = 0;
  let pending: Row[] = [];

  const windowsOf = (t: number): number => {
    if (windowSpec.type === 'tumbling') {
      starts[0] = tumblingStart(t, windowSpec.size, windowSpec.offset);
      return 1;
    }
    if (windowSpec.type === 'sliding') return slidingStarts(t, windowSpec.size, windowSpec.slide, windowSpec.offset, starts);
    return 0;
  };

  /** `isLateForAll`: the row missed every window it belongs to, so it counts nowhere (RecordFate.Late). */
  const dropLate = (row: Row, start: number, end: number, lateWm: number, rule: string, what: string, isLateForAll: boolean) =>
    recorder.drop({
      record: row.record, keyId: row.keyId, ts: row.t, value: row.value, start, end, toSideOutput: pipeline.lateOutput,
      decision: { rule, values: { end, lateWatermark: lateWm }, reason: inMs(`late: ${what} ${end} ≤ watermark ${lateWm} of the previous batch`) },
    }, isLateForAll ? 2 : 1);

  const addToWindow = (row: Row, start: number, end: number) => {
    const keyed = (state[row.keyId] ??= new Map());
    let w = keyed.get(start);
    if (!w) {
      w = { id: recorder.newWindow(row.keyId, start, end), keyId: row.keyId, start, end, acc: agg.init(), isChanged: false };
      keyed.set(start, w);
    }
    w.acc = agg.add(w.acc, row.value, row.record);
    w.isChanged = true;
    recorder.assign(row.record, w.id);
  };

  /** R2.10, R2.6 spark: a proto session [t, t+g) joins every session it reaches (start ≤ current end, Δ ≤ g). */
  const addToSession = (row: Row, gap: number) => {
    const list = (sessions[row.keyId] ??= []);
    const touching = list.filter((s) => s.start <= row.t + gap && s.end >= row.t);
    const start = Math.min(row.t, ...touching.map((s) => s.start));
    const end = Math.max(row.t + gap, ...touching.map((s) => s.end));
    const merged: SparkWindow = { id: recorder.newWindow(row.keyId, start, end), keyId: row.keyId, start, end, acc: agg.init(), isChanged: true };
    for (const s of touching) {
      merged.acc = agg.merge(merged.acc, s.acc);
      list.splice(list.indexOf(s), 1);
    }
    if (touching.length > 0) recorder.event({ kind: 'window-merged', keyId: row.keyId, from: touching.map((s) => s.id), into: merged.id, reason: inMs(`R2.6: rows within gap ${gap} merge into [${start},${end})`) });
    merged.acc = agg.add(merged.acc, row.value, row.record);
    recorder.assign(row.record, merged.id);
    list.push(merged);
  };

  const emit = (w: SparkWindow, evictionWm: number, rule: string, why: string) =>
    recorder.pane({
      keyId: w.keyId, windowId: w.id, start: w.start, end: w.end, value: agg.result(w.acc),
      ...(mode === 'append' ? { timing: 'ON_TIME' as const } : {}),
      index: 0, isFirst: true, isLast: mode === 'append', retract: false, purged: mode === 'append',
      decision: { rule, values: { end: w.end, evictionWatermark: evictionWm }, reason: why },
    });

  const allWindows = (): SparkWindow[] => [...state.flatMap((m) => (m ? [...m.values()] : [])), ...sessions.flatMap((l) => l ?? [])];

  const evict = (w: SparkWindow) => {
    if (windowSpec.type === 'session') sessions[w.keyId].splice(sessions[w.keyId].indexOf(w), 1);
    else state[w.keyId]!.delete(w.start);
  };

  function runBatch(rows: Row[]): void {
    // R3.18: batch N evicts with W_N (computed after batch N−1) and judges late rows with W_{N−1}.
    const evictionWm = hasWatermark ? globalWm : -Infinity;
    const lateWm = hasWatermark ? lastEvictionWm : -Infinity;
    recorder.event({ kind: 'batch', batch: batchIndex++, rows: rows.length, evictionWm, lateWm, isNoData: rows.length === 0 });
    let maxT = -Infinity;
    for (const row of rows) {
      maxT = Math.max(maxT, row.t);
      if (windowSpec.type === 'session') {
        // R4.25: the late filter applies to the row's proto-session end.
        if (row.t + windowSpec.gap <= lateWm) dropLate(row, row.t, row.t + windowSpec.gap, lateWm, 'R4.25', 'proto-session end', true);
        else addToSession(row, windowSpec.gap);
        continue;
      }
      const n = windowsOf(row.t);
      const size = (windowSpec as { size: number }).size;
      let lateWindows = 0;
      for (let i = 0; i < n; i++) if (starts[i] + size <= lateWm) lateWindows++;
      for (let i = n - 1; i >= 0; i--) {
        const start = starts[i];
        const end = start + size;
        // R4.24: a row's contribution to window w is dropped iff w.e ≤ W_{N−1}.
        if (end <= lateWm) dropLate(row, start, end, lateWm, 'R4.24', 'window end', lateWindows === n);
        else addToWindow(row, start, end);
      }
    }
    const windows = allWindows().sort((a, b) => a.end - b.end || program.keyRank[a.keyId] - program.keyRank[b.keyId] || a.start - b.start);
    for (const w of windows) {
      const isExpired = w.end <= evictionWm;
      // R4.23: append emits expired windows once; update emits changed ones; complete emits everything.
      if (mode === 'append' && isExpired) emit(w, evictionWm, 'R4.23', inMs(`appended: window end ${w.end} ≤ eviction watermark ${evictionWm}`));
      if (mode === 'update' && w.isChanged) emit(w, evictionWm, 'R4.23', 'updated: the window changed in this batch');
      if (mode === 'complete') emit(w, evictionWm, 'R4.23', 'complete mode emits the whole result table');
      w.isChanged = false;
      if (isExpired) {
        evict(w);
        recorder.event({ kind: 'window-closed', keyId: w.keyId, windowId: w.id, rule: 'R4.23', reason: inMs(`R4.23: evicted, window end ${w.end} ≤ watermark ${evictionWm}`) });
      }
    }
    lastEvictionWm = evictionWm;
    // R3.17: after a batch with rows, W = max(W, max event time − D).
    if (hasWatermark && rows.length > 0 && maxT - delay > globalWm) globalWm = maxT - delay;
    if (hasWatermark && globalWm > recorder.operatorWm) recorder.operatorWatermark(globalWm);
    // R3.19: a raised watermark runs one more batch without rows, which evicts by it. With a processing-time
    // trigger Spark runs one batch per trigger, so that batch waits for the next trigger and takes whatever arrived
    // meanwhile (apache/spark MicroBatchExecution.runActivatedStream: constructNextBatch once per trigger).
    if (hasWatermark && pipeline.noDataBatches && globalWm > evictionWm) {
      if (isTriggered) scheduleBatch(clock.nowMs + pipeline.batchInterval);
      else runBatch([]);
    }
  }

  /** R3.19 Sim: runtime mode triggers a batch every batchInterval ms, taking everything that arrived. */
  function scheduleBatch(atMs: number): void {
    if (isBatchScheduled) return;
    isBatchScheduled = true;
    // The trigger's next batch is a processing-time timer (Spark's ProcessingTimeExecutor), shown in the trace.
    const action = clock.at(atMs, () => {
      isBatchScheduled = false;
      if (recorder.isTracing) recorder.timer('timer-fired', -1, -1, action.atMs, 'processing', 'batch');
      const rows = pending;
      pending = [];
      runBatch(rows);
    });
    if (recorder.isTracing) recorder.timer('timer-set', -1, -1, action.atMs, 'processing', 'batch');
  }

  const { ts, keyId, partition, value, atMs } = program;
  let isBatchScheduled = false;
  let isTriggered = false;
  return {
    record(op) {
      const r = recorder.arrive(ts[op], keyId[op], partition[op], value[op]);
      pending.push({ record: r, keyId: keyId[op], t: ts[op], value: value[op] });
      if (!Number.isNaN(atMs[op])) {
        isTriggered = true;
        scheduleBatch(Math.ceil(clock.nowMs / pipeline.batchInterval) * pipeline.batchInterval);
        return;
      }
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
