// The autoscaler (performance lessons): after every metrics bucket it recommends a parallelism for every source,
// map, filter and window operator from its busy time (the window: or from consumer lag), within 1 … maxSubtasks (a
// source: within its partition count); the
// keyed window's is aligned so that key groups spread evenly (a divisor of max parallelism, like Flink's
// autoscaler). Scale-ups happen at once, scale-downs only to the highest recommendation of the stabilisation window,
// and never within the cooldown of the last rescale. A rescale stops the job and restarts it from the last
// checkpoint with the new parallelisms: the window's key groups move (R7.2) and the pause grows with the state that
// has to move; sources take the partitions their new parallelism gives them at the checkpoint's offsets. Sinks keep
// their parallelism.
import { restart, stopJob } from './failover.ts';
import type { Job } from './job.ts';
import { subtaskOfKeyGroup } from './keyGroups.ts';
import type { AutoscalerSpec, MetricsBucket, OperatorKind } from './types.ts';

export class Autoscaler {
  /** Per operator index: recent recommendations (for the stabilisation window). */
  private readonly recommendations = new Map<number, { atMs: number; parallelism: number }[]>();
  private lastRescaleMs = -Infinity;
  private readonly scalable: number[];

  constructor(private readonly spec: AutoscalerSpec, private readonly job: Job) {
    this.scalable = job.runtime.operators.flatMap((o, i) => (o.kind === 'sink' ? [] : [i]));
  }

  evaluate(bucket: MetricsBucket): void {
    const job = this.job;
    if (job.status !== 'running') return;
    const nowMs = bucket.procTimeMs;
    const changes: { operator: number; from: number; to: number; why: string }[] = [];
    for (const o of this.scalable) {
      const current = job.active[o];
      const active = job.tasks.filter((t) => job.graph.tasks[t.id].operator === o && t.subtask < current).map((t) => bucket.tasks[t.id]);
      const utilization = active.reduce((sum, t) => sum + t.busyMsPerSecond, 0) / active.length / 1000;
      const processed = active.reduce((sum, t) => sum + t.recordsIn, 0);
      const isKeyed = job.runtime.operators[o].kind === 'window';
      // Lag: what arrives is what was processed plus how much the lag grew; scale to process that at the target.
      const byLag = isKeyed && this.spec.metric === 'lag' && bucket.drainTimeMs === Infinity && processed > 0;
      const demand = byLag ? (processed + bucket.consumerLag) / processed : utilization;
      const wanted = this.capped(Math.ceil((current * demand) / this.spec.targetUtilization), job.runtime.operators[o].kind);
      const history = [...(this.recommendations.get(o) ?? []).filter((r) => r.atMs > nowMs - this.spec.stabilizationMs), { atMs: nowMs, parallelism: wanted }];
      this.recommendations.set(o, history);
      const target = wanted > current ? wanted : Math.max(...history.map((r) => r.parallelism));
      const why = byLag ? `consumer lag grows: demand ${demand.toFixed(2)}× what ${current} subtasks process` : `busy ${(utilization * 100).toFixed(0)} % against a target of ${(this.spec.targetUtilization * 100).toFixed(0)} %`;
      if (target !== current) changes.push({ operator: o, from: current, to: target, why });
    }
    if (changes.length === 0 || nowMs - this.lastRescaleMs < this.spec.cooldownMs) return;
    // Sim: a rescale restarts from the last completed checkpoint, so the next one waits for a newer checkpoint —
    // otherwise a job whose checkpoints are slower than the cooldown would restart from the same point forever.
    const latest = job.coordinator.latest;
    if (this.lastRescaleMs > -Infinity && (latest?.completedMs ?? -Infinity) <= this.lastRescaleMs) return;
    this.rescale(changes, nowMs);
  }

  /**
   * Within 1 … maxSubtasks, a source within its partition count; keyed: the smallest divisor of max parallelism at
   * or above, so subtasks get as many key groups.
   */
  private capped(p: number, kind: OperatorKind): number {
    const cap = kind === 'source' ? this.job.log.partitions : this.spec.maxSubtasks;
    const wanted = Math.min(Math.max(p, 1), cap);
    if (kind !== 'window') return wanted;
    for (let q = wanted; q <= cap; q++) if (this.job.maxParallelism % q === 0) return q;
    return wanted;
  }

  private rescale(changes: { operator: number; from: number; to: number; why: string }[], nowMs: number): void {
    const job = this.job;
    const M = job.maxParallelism;
    const bytes = job.coordinator.latest?.bytes ?? 0;
    let pauseMs = this.spec.pauseMs;
    const events = changes.map(({ operator, from, to, why }) => {
      let moved = 0;
      if (job.runtime.operators[operator].kind === 'window') for (let g = 0; g < M; g++) if (subtaskOfKeyGroup(g, from, M) !== subtaskOfKeyGroup(g, to, M)) moved++;
      pauseMs = Math.max(pauseMs, this.spec.pauseMs + Math.ceil(((bytes * moved) / M) / this.spec.bytesPerMs));
      return { operator: job.runtime.operators[operator].name, from, to, movedKeyGroups: moved, reason: `${why}: ${from} → ${to} subtasks` };
    });
    for (const e of events) job.event({ kind: 'rescale', procTimeMs: nowMs, ...e, pauseMs });
    this.lastRescaleMs = nowMs;
    stopJob(job, nowMs, `rescale ${events.map((e) => `${e.operator} ${e.from} → ${e.to}`).join(', ')}`);
    for (const c of changes) job.active[c.operator] = c.to;
    job.clock.at(nowMs + pauseMs, (at) => restart(job, at));
  }
}
