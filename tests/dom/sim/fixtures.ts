// A hand-made trace for view tests: Flink, 10 s tumbling count, bounded out-of-orderness 5 s (watermark = max ts −
// delay − 1, R3.1), allowed lateness 0. Six records; the one at 9 s arriving at 16 s is late for [0 s, 10 s).
import type { DropEvent, OpenWindow, PaneEvent, Trace, TraceState } from '../../../src/sim/index.ts';

interface RecordRow { key: string; ts: number; arrivalMs: number; value?: number; fate?: 0 | 1 | 2 }

const RECORDS: RecordRow[] = [
  { key: 'k', ts: 1000, arrivalMs: 1000 },
  { key: 'k', ts: 4000, arrivalMs: 4000 },
  { key: 'k', ts: 12000, arrivalMs: 12000 },
  { key: 'k', ts: 3000, arrivalMs: 13000 },
  { key: 'k', ts: 15000, arrivalMs: 15000 },
  { key: 'k', ts: 9000, arrivalMs: 16000, fate: 2 },
];
const WINDOWS = [{ start: 0, end: 10000 }, { start: 10000, end: 20000 }];
/** (record, window) in assignment order. */
const ASSIGNMENTS: [number, number][] = [[0, 0], [1, 0], [2, 1], [3, 0], [4, 1]];
const WATERMARKS: [number, number][] = [[1000, -4001], [4000, -1001], [12000, 6999], [15000, 9999], [20000, Infinity]];

const pane = (seq: number, procTimeMs: number, windowId: number, value: number, watermark: number): PaneEvent => ({
  seq, procTimeMs, step: 0, keyId: 0, key: 'k', windowId, start: WINDOWS[windowId].start, end: WINDOWS[windowId].end,
  value, timing: 'ON_TIME', index: 0, isFirst: true, isLast: true, retract: false, ts: WINDOWS[windowId].end - 1, purged: true,
  rule: 'R4.1', values: { windowEnd: WINDOWS[windowId].end, watermark },
  reason: `fired: watermark ${watermark} ≥ window end − 1 = ${WINDOWS[windowId].end - 1}`,
});

const DROP: DropEvent = {
  seq: 101, procTimeMs: 16000, step: 5, record: 5, keyId: 0, key: 'k', ts: 9000, value: 1, windowId: 0, start: 0, end: 10000,
  toSideOutput: true, rule: 'R4.3', values: { windowEnd: 10000, watermark: 9999, allowedLateness: 0 },
  reason: 'dropped: window [0,10) ended at 10, watermark 9999 ≥ 9999 + allowed lateness 0',
};

const f64 = (values: number[]) => Float64Array.from(values);
const i32 = (values: number[]) => Int32Array.from(values);

export function lateRecordTrace(): Trace {
  return {
    profile: 'flink', keys: ['k'], partitions: 1, endProcTimeMs: 20000, keyframes: [], events: [],
    records: {
      length: RECORDS.length, seq: i32(RECORDS.map((_, i) => i)), step: i32(RECORDS.map((_, i) => i)),
      procTimeMs: f64(RECORDS.map((r) => r.arrivalMs)), ts: f64(RECORDS.map((r) => r.ts)), keyId: i32(RECORDS.map(() => 0)),
      partition: i32(RECORDS.map(() => 0)), value: RECORDS.map((r) => r.value ?? 1), fate: Uint8Array.from(RECORDS.map((r) => r.fate ?? 0)),
    },
    assignments: {
      length: ASSIGNMENTS.length, seq: i32(ASSIGNMENTS.map((_, i) => i)), procTimeMs: f64(ASSIGNMENTS.map(([r]) => RECORDS[r].arrivalMs)),
      record: i32(ASSIGNMENTS.map(([r]) => r)), windowId: i32(ASSIGNMENTS.map(([, w]) => w)),
    },
    windows: { length: 2, keyId: i32([0, 0]), start: f64(WINDOWS.map((w) => w.start)), end: f64(WINDOWS.map((w) => w.end)) },
    watermarks: {
      length: WATERMARKS.length, seq: i32(WATERMARKS.map((_, i) => i)), procTimeMs: f64(WATERMARKS.map(([t]) => t)),
      step: i32(WATERMARKS.map(() => 0)), scope: i32(WATERMARKS.map(() => -1)), value: f64(WATERMARKS.map(([, wm]) => wm)),
    },
    outputWatermarks: { length: 0, seq: i32([]), procTimeMs: f64([]), step: i32([]), value: f64([]) },
    panes: [pane(100, 15000, 0, 3, 9999), pane(102, 20000, 1, 2, Infinity)],
    drops: [DROP],
  };
}

/** What the hand-made run looks like at t, written out by hand (not via traceAt) so views are tested on their own. */
export function lateRecordStateAt(procTimeMs: number): TraceState {
  const arrived = RECORDS.filter((r) => r.arrivalMs <= procTimeMs).length;
  const wm = WATERMARKS.filter(([t]) => t <= procTimeMs).at(-1)?.[1] ?? -Infinity;
  const panes = [15000, 20000].filter((t) => t <= procTimeMs).length;
  const open: OpenWindow[] = [];
  WINDOWS.forEach((window, windowId) => {
    const held = ASSIGNMENTS.filter(([r, w]) => w === windowId && RECORDS[r].arrivalMs <= procTimeMs).map(([r]) => r);
    const firedAt = windowId === 0 ? 15000 : 20000;
    if (held.length > 0 && procTimeMs < firedAt) open.push({ windowId, keyId: 0, key: 'k', ...window, records: held });
  });
  return {
    procTimeMs, operatorWm: wm, outputWm: wm, partitionWm: [wm], partitionIdle: [false], partitionPaused: [false], openWindows: open,
    records: arrived, panes, drops: procTimeMs >= 16000 ? 1 : 0, events: 0, timers: { set: 0, fired: 0, deleted: 0, pending: 0 },
    stateSize: { windows: open.length, records: open.reduce((n, w) => n + w.records.length, 0) },
  };
}
