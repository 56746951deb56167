// A tiny hand-made runtime trace: source-0 → window-0 (two input channels: from source-0 and source-1) → sink-0.
// Every number below is chosen by hand so tests can say what the views must show at a given time.
import { noWatermarks } from '../../../src/sim/runtime/watermarkLog.ts';
import type { MetricsBucket, RuntimeEvent, RuntimeTrace, SinkWrite, TaskMetrics } from '../../../src/sim/runtime/types.ts';

const task = (t: number, over: Partial<TaskMetrics> = {}): TaskMetrics => ({
  task: t, busyMsPerSecond: 0, backPressuredMsPerSecond: 0, idleMsPerSecond: 1000, downMsPerSecond: 0, status: 'OK', recordsIn: 0, recordsOut: 0,
  watermarkLagMs: NaN, stateEntries: 0, stateBytes: 0, heapMB: 64, ...over,
});

const bucket = (procTimeMs: number, tasks: TaskMetrics[], over: Partial<MetricsBucket> = {}): MetricsBucket => ({
  procTimeMs, durationMs: 1000, tasks, throughput: [10, 2, 2], latencyMs: { p50: 5, p95: 9, p99: 12, samples: 10 },
  consumerLag: 0, drainTimeMs: 0, restarts: 0, downMs: 0, ...over,
});

const write = (procTimeMs: number, key: string, start: number, value: number, over: Partial<SinkWrite> = {}): SinkWrite => ({
  procTimeMs, task: 3, row: { key, start, end: start + 1000, value }, txn: -1, visibleAtMs: procTimeMs, isDuplicate: false, isCommittedDuplicate: false, isReplay: false, ...over,
});

export function handmadeTrace(options: { transactional?: boolean } = {}): RuntimeTrace {
  const events: RuntimeEvent[] = [
    { kind: 'checkpoint-started', procTimeMs: 1000, checkpoint: 1, offsets: [10, 8] },
    { kind: 'snapshot', procTimeMs: 1000, checkpoint: 1, task: 0, bytes: 0, inFlight: 0 },
    { kind: 'snapshot', procTimeMs: 1000, checkpoint: 1, task: 1, bytes: 0, inFlight: 0 },
    { kind: 'barrier', procTimeMs: 1005, checkpoint: 1, task: 2, channel: 0 },
    { kind: 'barrier', procTimeMs: 1020, checkpoint: 1, task: 2, channel: 1 },
    { kind: 'aligned', procTimeMs: 1020, checkpoint: 1, task: 2, alignmentMs: 15 },
    { kind: 'snapshot', procTimeMs: 1020, checkpoint: 1, task: 2, bytes: 300, inFlight: 0 },
    { kind: 'barrier', procTimeMs: 1020, checkpoint: 1, task: 3, channel: 2 },
    { kind: 'snapshot', procTimeMs: 1020, checkpoint: 1, task: 3, bytes: 0, inFlight: 0 },
    { kind: 'checkpoint-completed', procTimeMs: 1020, checkpoint: 1, durationMs: 20, bytes: 300, isFinal: false },
    { kind: 'failure', procTimeMs: 1500, failure: 'crash', task: 2, reason: 'crash of window-0 (failures[0])' },
    { kind: 'restart-scheduled', procTimeMs: 1500, atMs: 2000, attempt: 1, reason: 'window-0 crashed (task 2)' },
    ...(options.transactional ? [{ kind: 'transaction', procTimeMs: 1500, task: 3, txn: 2, action: 'abort', writes: 1 } as const] : []),
    { kind: 'rewound', procTimeMs: 2000, partition: 0, fromOffset: 16, toOffset: 10 },
    { kind: 'restored', procTimeMs: 2000, checkpoint: 1, offsets: [10, 8], reason: 'R7.12: state of checkpoint 1; sources rewind to its offsets' },
  ];
  const tx = options.transactional;
  const writes = [
    write(1300, 'a', 0, 3, tx ? { txn: 2, visibleAtMs: NaN } : {}),
    write(2100, 'a', 0, 3, tx ? { txn: 3, visibleAtMs: 3000, isReplay: true } : { isDuplicate: true, isCommittedDuplicate: true, isReplay: true }),
    write(2200, 'b', 0, 1, tx ? { txn: 3, visibleAtMs: 3000 } : {}),
  ];
  return {
    graph: {
      operators: [
        { name: 'source', kind: 'source', parallelism: 2, partitioning: 'forward' },
        { name: 'window', kind: 'window', parallelism: 1, partitioning: 'hash' },
        { name: 'sink', kind: 'sink', parallelism: 1, partitioning: 'forward' },
      ],
      tasks: [
        { id: 0, operator: 0, subtask: 0, name: 'source-0' },
        { id: 1, operator: 0, subtask: 1, name: 'source-1' },
        { id: 2, operator: 1, subtask: 0, name: 'window-0' },
        { id: 3, operator: 2, subtask: 0, name: 'sink-0' },
      ],
      channels: [{ id: 0, from: 0, to: 2, capacity: 4 }, { id: 1, from: 1, to: 2, capacity: 4 }, { id: 2, from: 2, to: 3, capacity: 4 }],
      maxParallelism: 128,
      keyGroups: [null, null, { first: 0, last: 127 }, null],
      partitions: 2,
    },
    events,
    // Rows at 10 ms: source-0 back-pressured behind a full channel 0; at 1500 ms window-0 is down.
    samples: {
      everyMs: 10, length: 3,
      procTimeMs: Float64Array.of(10, 1000, 1500),
      channelFill: Uint16Array.of(1, 0, 0, 4, 2, 0, 0, 0, 0),
      state: Uint8Array.of(1, 0, 1, 0, 2, 0, 1, 0, 0, 0, 3, 0),
      consumerLag: Float64Array.of(0, 0, 3, 1, 6, 1),
    },
    metrics: [
      bucket(1000, [task(0, { backPressuredMsPerSecond: 600, idleMsPerSecond: 400, status: 'HIGH', recordsIn: 10, recordsOut: 10 }), task(1, { recordsIn: 8, recordsOut: 8 }),
        task(2, { busyMsPerSecond: 900, idleMsPerSecond: 100, recordsIn: 18, recordsOut: 2, watermarkLagMs: 250, stateEntries: 3, stateBytes: 300 }), task(3, { recordsIn: 2 })]),
      bucket(2000, [task(0), task(1), task(2, { recordsIn: 6, watermarkLagMs: NaN }), task(3)], { throughput: [0, 0, 0], latencyMs: { p50: 0, p95: 0, p99: 0, samples: 0 }, consumerLag: 7, restarts: 1 }),
    ],
    watermarks: noWatermarks(3, 4, 2),
    writes,
    reads: Uint16Array.of(1, 1, 2),
    endProcTimeMs: 3000,
  };
}
