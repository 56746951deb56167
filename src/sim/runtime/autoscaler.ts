// The autoscaler (performance lessons): after every metrics bucket it recommends a parallelism for the window
// operator from busy time or consumer lag, aligned so that key groups spread evenly (a divisor of max
// parallelism, like Flink's autoscaler), within 1 … maxSubtasks. Scale-ups happen at once, scale-downs only to the
// highest recommendation of the stabilisation window, and never within the cooldown of the last rescale. A rescale
// stops the job and restarts it from the last checkpoint with the new parallelism: key groups move (R7.2) and the
// pause grows with the state that has to move.
import { restart, stopJob } from './failover.ts';
import type { Job } from './job.ts';
import { subtaskOfKeyGroup } from './keyGroups.ts';
import type { AutoscalerSpec, MetricsBucket } from './types.ts';

export class Autoscaler {
  private recommendations: { atMs: number; parallelism: number }[] = [];
  private lastRescaleMs = -Infinity;

  constructor(private readonly spec: AutoscalerSpec, private readonly job: Job) {}

  evaluate(bucket: MetricsBucket): void {
    const job = this.job;
    if (job.status !== 'running') return;
    const current = job.windowParallelism;
    const active = job.windows.filter((w) => w.subtask < current).map((w) => bucket.tasks[w.id]);
    const utilization = active.reduce((sum, t) => sum + t.busyMsPerSecond, 0) / active.length / 1000;
    const processed = active.reduce((sum, t) => sum + t.recordsIn, 0);
    // Lag: what arrives is what was processed plus how much the lag grew; scale to process that at the target.
    const demand = this.spec.metric === 'lag' && bucket.drainTimeMs === Infinity && processed > 0
      ? (processed + bucket.consumerLag) / processed : utilization;
    const wanted = this.aligned(Math.ceil((current * demand) / this.spec.targetUtilization));
    const nowMs = bucket.procTimeMs;
    this.recommendations = [...this.recommendations.filter((r) => r.atMs > nowMs - this.spec.stabilizationMs), { atMs: nowMs, parallelism: wanted }];
    const target = wanted > current ? wanted : Math.max(...this.recommendations.map((r) => r.parallelism));
    if (target === current || nowMs - this.lastRescaleMs < this.spec.cooldownMs) return;
    // Sim: a rescale restarts from the last completed checkpoint, so the next one waits for a newer checkpoint —
    // otherwise a job whose checkpoints are slower than the cooldown would restart from the same point forever.
    const latest = job.coordinator.latest;
    if (this.lastRescaleMs > -Infinity && (latest?.completedMs ?? -Infinity) <= this.lastRescaleMs) return;
    const why = this.spec.metric === 'lag' && demand !== utilization ? `consumer lag grows: demand ${demand.toFixed(2)}× what ${current} subtasks process` : `busy ${(utilization * 100).toFixed(0)} % against a target of ${(this.spec.targetUtilization * 100).toFixed(0)} %`;
    this.rescale(current, target, nowMs, why);
  }

  /** The smallest divisor of max parallelism at or above `p`, so every subtask gets as many key groups. */
  private aligned(p: number): number {
    const cap = this.spec.maxSubtasks;
    const wanted = Math.min(Math.max(p, 1), cap);
    for (let q = wanted; q <= cap; q++) if (this.job.maxParallelism % q === 0) return q;
    return wanted;
  }

  private rescale(from: number, to: number, nowMs: number, why: string): void {
    const job = this.job;
    const M = job.maxParallelism;
    let moved = 0;
    for (let g = 0; g < M; g++) if (subtaskOfKeyGroup(g, from, M) !== subtaskOfKeyGroup(g, to, M)) moved++;
    const bytes = job.coordinator.latest?.bytes ?? 0;
    const pauseMs = this.spec.pauseMs + Math.ceil(((bytes * moved) / M) / this.spec.bytesPerMs);
    job.event({ kind: 'rescale', procTimeMs: nowMs, from, to, movedKeyGroups: moved, pauseMs, reason: `${why}: ${from} → ${to} subtasks` });
    this.lastRescaleMs = nowMs;
    stopJob(job, nowMs, `rescale ${from} → ${to}`);
    job.windowParallelism = to;
    job.clock.at(nowMs + pauseMs, (at) => restart(job, at));
  }
}
