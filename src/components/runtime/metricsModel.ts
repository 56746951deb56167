// The metrics charts' series, read from the runtime's metric buckets (R7.6: one per second, ending at procTimeMs)
// and checkpoint events. NaN marks "no value" (no latency marker arrived, no watermark yet): the line breaks there.
import type { RuntimeTrace } from '../../sim/runtime/types.ts';

export interface Series { name: string; xs: number[]; ys: number[] }
/** `isDots`: one mark per value (per batch, per checkpoint); `isStep`: the value holds until the next one. */
export interface ChartSpec { id: string; title: string; unit: string; series: Series[]; isDots?: boolean; isStep?: boolean }

const finiteOrNaN = (y: number) => (Number.isFinite(y) ? y : NaN);

export function metricCharts(runtime: RuntimeTrace): ChartSpec[] {
  const { graph, metrics } = runtime;
  const xs = metrics.map((b) => b.procTimeMs);
  const series = (name: string, y: (b: (typeof metrics)[number]) => number): Series => ({ name, xs, ys: metrics.map((b) => finiteOrNaN(y(b))) });
  const windowTasks = graph.tasks.filter((t) => graph.operators[t.operator].kind === 'window');
  const completed = runtime.events.flatMap((e) => (e.kind === 'checkpoint-completed' ? [e] : []));
  return [
    { id: 'throughput', title: 'Throughput', unit: 'records/s', series: graph.operators.map((o, i) => series(o.name, (b) => b.throughput[i])) },
    { id: 'latency', title: 'End-to-end latency', unit: 'ms', series: (['p50', 'p95', 'p99'] as const).map((p) => series(p, (b) => (b.latencyMs.samples > 0 ? b.latencyMs[p] : NaN))) },
    { id: 'watermark-lag', title: 'Watermark lag (now − watermark)', unit: 'ms', series: windowTasks.map((t) => series(t.name, (b) => b.tasks[t.id].watermarkLagMs)) },
    { id: 'consumer-lag', title: 'Consumer lag', unit: 'records', series: [series('all partitions', (b) => b.consumerLag)] },
    { id: 'checkpoint-duration', title: 'Checkpoint duration', unit: 'ms', isDots: true,
      series: [{ name: 'completed', xs: completed.map((e) => e.procTimeMs), ys: completed.map((e) => e.durationMs) }] },
    { id: 'state-size', title: 'State size', unit: 'bytes', series: [series('all tasks', (b) => b.tasks.reduce((sum, t) => sum + t.stateBytes, 0))] },
  ];
}
