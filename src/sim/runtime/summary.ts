// `sim run <scenario> --metrics`: one JSON object that sums up a runtime run's metric buckets and trace — per
// operator throughput and R7.6 ratios, latency percentiles, consumer lag, checkpoints, restarts, replays.
import type { Run } from '../types.ts';
import type { RuntimeTrace } from './types.ts';

const round = (x: number): number | null => (Number.isFinite(x) ? Math.round(x * 100) / 100 : null);
const mean = (xs: number[]): number => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length);
const max = (xs: number[]): number => (xs.length === 0 ? NaN : Math.max(...xs));

export function summarizeRuntime(run: Run): Record<string, unknown> {
  const trace = run.runtime as RuntimeTrace;
  const buckets = run.metrics ?? [];
  const { graph, events } = trace;
  const operators = graph.operators.map((op, o) => {
    const rows = buckets.flatMap((b) => b.tasks.filter((t) => graph.tasks[t.task].operator === o));
    const bp = mean(rows.map((t) => t.backPressuredMsPerSecond));
    return {
      name: op.name, parallelism: op.parallelism,
      recordsPerSecond: round(mean(buckets.map((b) => b.throughput[o]))),
      busyMsPerSecond: round(mean(rows.map((t) => t.busyMsPerSecond))),
      backPressuredMsPerSecond: round(bp),
      idleMsPerSecond: round(mean(rows.map((t) => t.idleMsPerSecond))),
      // R7.6 status of the worst bucket.
      status: rows.some((t) => t.status === 'HIGH') ? 'HIGH' : rows.some((t) => t.status === 'LOW') ? 'LOW' : 'OK',
    };
  });
  const latency = buckets.filter((b) => b.latencyMs.samples > 0);
  const completed = events.flatMap((e) => (e.kind === 'checkpoint-completed' ? [e] : []));
  const alignments = events.flatMap((e) => (e.kind === 'aligned' ? [e.alignmentMs] : []));
  let replayed = 0;
  for (const reads of trace.reads) if (reads > 1) replayed++;
  return {
    endProcTimeMs: trace.endProcTimeMs,
    records: trace.reads.length,
    replayedRecords: replayed,
    operators,
    latencyMs: {
      p50: round(mean(latency.map((b) => b.latencyMs.p50))),
      p99: round(max(latency.map((b) => b.latencyMs.p99))),
    },
    maxConsumerLag: round(max(buckets.map((b) => b.consumerLag))),
    checkpoints: {
      completed: completed.length,
      failed: events.filter((e) => e.kind === 'checkpoint-failed').length,
      meanDurationMs: round(mean(completed.map((e) => e.durationMs))),
      maxAlignmentMs: round(max(alignments)),
      lastBytes: completed.length > 0 ? completed[completed.length - 1].bytes : 0,
    },
    restarts: run.result.restarts ?? 0,
    sinkWrites: trace.writes.length,
    duplicateWrites: trace.writes.filter((w) => w.isDuplicate).length,
    lostRecords: events.reduce((n, e) => n + (e.kind === 'lost' ? e.records.length : 0), 0),
  };
}
