// Metrics for runs whose engine reports no Flink-style per-second task metrics, read from what each runtime records:
// Spark's progress per micro-batch (rows read, batch duration, how late the trigger started it; the figures a
// StreamingQueryProgress reports), Storm's spout tuples in flight and complete latency, Kafka Streams' consumer lag
// and commits. Each set says in words which of the Flink charts the profile does not produce.
import type { ProfileId } from '../../sim/index.ts';
import type { RuntimeTrace } from '../../sim/runtime/types.ts';
import type { ChartSpec } from './metricsModel.ts';

export interface ProfileMetrics { charts: ChartSpec[]; absent?: string }

const dots = (id: string, title: string, unit: string, name: string, points: [number, number][]): ChartSpec =>
  ({ id, title, unit, isDots: true, series: [{ name, xs: points.map(([x]) => x), ys: points.map(([, y]) => y) }] });

function sparkMetrics(runtime: RuntimeTrace): ProfileMetrics {
  const planned = new Map<string, number>();
  const rows: [number, number][] = [];
  const late: [number, number][] = [];
  const durations: [number, number][] = [];
  for (const e of runtime.events) {
    if (e.kind !== 'micro-batch') continue;
    const id = `${e.batch}:${e.attempt}`;
    if (e.action === 'offsets') {
      planned.set(id, e.procTimeMs);
      rows.push([e.procTimeMs, e.rows]);
      late.push([e.procTimeMs, e.lateByMs]);
    } else if (e.action === 'commit' && planned.has(id)) durations.push([e.procTimeMs, e.procTimeMs - planned.get(id)!]);
  }
  return {
    charts: [
      dots('batch-rows', 'Input rows per batch', 'rows', 'numInputRows', rows),
      dots('batch-duration', 'Batch duration (offsets/N to commits/N)', 'ms', 'duration', durations),
      dots('trigger-delay', 'Batch started after its trigger', 'ms', 'late by', late),
    ],
    absent: 'A Spark query reports progress once per micro-batch, not per task each second: no per-operator throughput, latency percentiles, watermark lag or state size here.',
  };
}

function stormMetrics(runtime: RuntimeTrace): ProfileMetrics {
  const pending = runtime.storm?.spoutPending;
  const emitted = new Map<string, number>();
  const latency: [number, number][] = [];
  for (const e of runtime.events) {
    if (e.kind !== 'acker') continue;
    const id = `${e.record}:${e.attempt}`;
    if (e.action === 'emit' && !emitted.has(id)) emitted.set(id, e.procTimeMs);
    else if (e.action === 'complete' && emitted.has(id)) latency.push([e.procTimeMs, e.procTimeMs - emitted.get(id)!]);
  }
  const cap = runtime.storm?.maxSpoutPending;
  const charts: ChartSpec[] = [
    dots('complete-latency', 'Complete latency (emit to tree acked)', 'ms', 'per tuple', latency),
  ];
  if (pending) {
    charts.unshift({ id: 'spout-pending', title: `Spout tuples in flight${cap !== undefined && Number.isFinite(cap) ? ` (max.spout.pending ${cap})` : ''}`, unit: 'tuples', isStep: true,
      series: [{ name: 'pending', xs: Array.from(pending.procTimeMs), ys: Array.from(pending.value) }] });
  }
  return { charts, absent: 'A Storm topology here records tuples and acks, not per-task busy time: no throughput per second, watermark lag, checkpoint duration or state size.' };
}

function kafkaMetrics(runtime: RuntimeTrace): ProfileMetrics {
  const { samples, graph } = runtime;
  const xs: number[] = [];
  const lag: number[] = [];
  for (let i = 0; i < samples.length; i++) {
    xs.push(samples.procTimeMs[i]);
    let sum = 0;
    for (let p = 0; p < graph.partitions; p++) sum += samples.consumerLag[i * graph.partitions + p];
    lag.push(sum);
  }
  const commits: [number, number][] = runtime.events.flatMap((e) => (e.kind === 'kafka-commit' && e.action === 'commit' ? [[e.procTimeMs, e.outputs] as [number, number]] : []));
  return {
    charts: [
      { id: 'consumer-lag', title: 'Consumer lag (from committed offsets)', unit: 'records', isStep: true, series: [{ name: 'all partitions', xs, ys: lag }] },
      dots('commits', 'Outputs per commit', 'records', 'outputs', commits),
    ],
    absent: 'This Kafka Streams run records consumer lag and commits, not per-second task metrics: no throughput, latency percentiles, watermark lag (Kafka Streams has stream time) or state size.',
  };
}

/** The charts a non-Flink runtime run can show, or undefined for a run with Flink's metric buckets. */
export function profileMetrics(runtime: RuntimeTrace, profile: ProfileId): ProfileMetrics | undefined {
  if (runtime.metrics.length > 0) return undefined;
  if (profile === 'spark') return sparkMetrics(runtime);
  if (profile === 'storm') return stormMetrics(runtime);
  if (profile === 'kafka-streams') return kafkaMetrics(runtime);
  return undefined;
}
