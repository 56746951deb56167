// Failures and recovery (R7.12, R7.13). An intervention from the scenario (or a crash step) hits one task; a lost
// task is only noticed after the heartbeat timeout. The job then fails over as a whole: tasks are cancelled,
// in-flight data is gone, and after the restart strategy's delay every task restores the last completed
// checkpoint, the sources rewind to its offsets, and the sink commits or aborts its transactions.
import type { Channel } from './channel.ts';
import type { Job } from './job.ts';
import { WindowTask } from './operatorTasks.ts';
import { restartDelayMs } from './restarts.ts';
import { SourceTask, type SourceState } from './sourceTask.ts';
import type { Task } from './task.ts';
import type { Failure } from './types.ts';
import { isUnaligned, stateOf } from './unaligned.ts';

/** A scheduled intervention: scenario data or a crash step, never an edit of the running job (STYLE §1). */
export function injectFailure(job: Job, f: Failure, nowMs: number): void {
  const task = job.tasks.find((t) => t.spec.name === f.operator && t.subtask === f.subtask)!;
  const what = `${f.kind} of ${task.name} (${f.origin})`;
  if (job.status !== 'running') {
    job.event({ kind: 'note', procTimeMs: nowMs, text: `${what} ignored: the job is ${job.status}` });
    return;
  }
  job.event({ kind: 'failure', procTimeMs: nowMs, failure: f.kind, task: task.id, reason: what });
  const failuresBefore = job.failures;
  const declareLost = (atMs: number, why: string) => job.clock.at(atMs, (at) => {
    if (job.failures !== failuresBefore || job.status !== 'running') return;
    job.event({ kind: 'task-lost', procTimeMs: at, task: task.id, reason: why });
    failover(job, task, `${task.name} lost: ${why}`, at);
  });
  const heartbeatMs = job.runtime.heartbeatTimeoutMs;
  switch (f.kind) {
    case 'crash':
      return failover(job, task, `${task.name} crashed`, nowMs);
    case 'lost-link':
      // A broken connection fails the tasks at both ends; the job fails over as on a crash.
      return failover(job, task, `the network link of ${task.name} was lost`, nowMs);
    case 'lost':
      task.pausedUntilMs = Infinity;
      declareLost(nowMs + heartbeatMs, `no heartbeat for ${heartbeatMs} ms (heartbeat timeout)`);
      return;
    case 'gc-pause':
    case 'stall-sink':
      return pauseTask(job, task, f.durationMs, nowMs, f.kind === 'gc-pause');
    case 'slow-link':
      for (const ch of task.outputs) ch.ratePerMs = f.recordsPerMs;
      job.clock.at(nowMs + f.durationMs, () => {
        for (const ch of task.outputs) ch.ratePerMs = Infinity;
        job.wake();
      });
      job.wake();
  }
}

/** The task's thread is held (GC, a stalled outside system); a GC longer than the heartbeat timeout loses it. */
export function pauseTask(job: Job, task: Task, durationMs: number, nowMs: number, isGc: boolean): void {
  task.pausedUntilMs = Math.max(task.pausedUntilMs, nowMs + durationMs);
  job.event({ kind: 'gc-pause', procTimeMs: nowMs, task: task.id, durationMs });
  const heartbeatMs = job.runtime.heartbeatTimeoutMs;
  if (isGc && durationMs >= heartbeatMs) {
    const failuresBefore = job.failures;
    job.clock.at(nowMs + heartbeatMs, (at) => {
      if (job.failures !== failuresBefore || job.status !== 'running') return;
      const why = `a ${durationMs} ms GC pause outlasted the heartbeat timeout of ${heartbeatMs} ms`;
      job.event({ kind: 'task-lost', procTimeMs: at, task: task.id, reason: why });
      failover(job, task, `${task.name} lost: ${why}`, at);
    });
  }
  job.clock.at(nowMs + durationMs, () => job.wake());
}

/** R7.12: every task is cancelled, in-flight data is gone, a restart is scheduled (or the job fails for good). */
export function failover(job: Job, task: Task, reason: string, nowMs: number): void {
  if (job.status !== 'running') return;
  if (job.checkpointMode === 'none') reportLost(job, nowMs, reason);
  stopJob(job, nowMs, `failover: ${reason}`);
  const delayMs = restartDelayMs(job.runtime.restart, job.restarts + 1);
  job.failures++;
  if (delayMs === undefined) {
    job.status = 'failed';
    job.event({ kind: 'job-failed', procTimeMs: nowMs, reason: `${reason}; the restart strategy allows no more restarts` });
    return;
  }
  job.status = 'restarting';
  job.restarts++;
  job.event({ kind: 'restart-scheduled', procTimeMs: nowMs, atMs: nowMs + delayMs, attempt: job.restarts, reason: `${reason} (task ${task.id})` });
  job.clock.at(nowMs + delayMs, (at) => restart(job, at));
}

/** Every task is cancelled and in-flight data is gone; the checkpoint in flight fails. */
export function stopJob(job: Job, nowMs: number, reason: string): void {
  job.coordinator.abort(nowMs, reason);
  for (const t of job.tasks) t.cancel();
  for (const ch of job.channels) ch.clear();
  job.status = 'restarting';
  job.goDown(nowMs);
}

/** Checkpointing off: what the failure destroyed is named, so nothing is lost silently. */
function reportLost(job: Job, nowMs: number, reason: string): void {
  const records = new Set<number>();
  const add = (ch: Channel | undefined, element: number) => {
    if (element < 0) return;
    const isResult = ch !== undefined && job.tasks[ch.to].spec.kind === 'sink';
    if (isResult) for (const r of job.panes[element].records ?? []) records.add(r);
    else records.add(job.recordIndex[element]);
  };
  for (const ch of job.channels) for (const e of ch.contents()) add(ch, e);
  for (const t of job.tasks) for (const e of t.heldOutput()) add(t.outputs[0], e);
  for (const w of job.windows) for (const r of w.heldRecords()) records.add(r);
  if (records.size === 0) return;
  job.event({
    kind: 'lost', procTimeMs: nowMs, records: [...records].sort((a, b) => a - b),
    reason: `${reason} with checkpointing off: window state and in-flight records are not restored, and the sources resume where they stopped reading`,
  });
}

/** Read positions by global partition, over every source subtask. */
function readOffsets(job: Job): number[] {
  const offsets = new Array<number>(job.log.partitions).fill(0);
  for (const s of job.sources) s.partitions.forEach((p, i) => (offsets[p] = s.offsets[i]));
  return offsets;
}

export function restart(job: Job, nowMs: number): void {
  const latest = job.coordinator.latest;
  const before = readOffsets(job);
  if (job.checkpointMode === 'none') {
    for (const s of job.sources) s.resume(before);
    for (const t of job.tasks) if (!(t instanceof SourceTask)) t.restore(undefined, nowMs);
  } else {
    // Window state is restored by key group, and source offsets by partition, from every subtask's snapshot (what
    // rescaling needs too).
    const saved = (t: Task) => latest?.states.get(t.id);
    const windowStates = latest ? job.windows.flatMap((w) => (stateOf(saved(w)) as unknown[] | undefined) ?? []) : undefined;
    const sourceState = latest ? { offsets: mergeOffsets(job, job.sources.map((s) => stateOf(saved(s)) as SourceState | undefined)) } : undefined;
    for (const t of job.tasks) t.restore(t instanceof WindowTask ? windowStates : t instanceof SourceTask ? sourceState : stateOf(saved(t)), nowMs);
    // R7.10: after an unaligned checkpoint the in-flight data it holds is processed before any new input.
    for (const t of job.tasks) {
      const s = saved(t);
      if (isUnaligned(s)) t.refill(s);
    }
    // R7.13: transactions pre-committed for the restored checkpoint commit; all others abort.
    if (latest) job.sink.commitUpTo(latest.id, nowMs);
    job.sink.abortRest(nowMs);
  }
  const offsets = readOffsets(job);
  offsets.forEach((offset, p) => {
    if (before[p] !== offset) job.event({ kind: 'rewound', procTimeMs: nowMs, partition: p, fromOffset: before[p], toOffset: offset });
  });
  job.watermarks.reset(nowMs);
  job.event({
    kind: 'restored', procTimeMs: nowMs, checkpoint: latest?.id ?? 0, offsets,
    reason: job.checkpointMode === 'none' ? 'checkpointing is off: empty state, sources go on from where they stopped'
      : latest ? `R7.12: state of checkpoint ${latest.id}; sources rewind to its offsets` : 'R7.12: no checkpoint completed yet: empty state, sources start from the beginning',
  });
  for (const s of job.sources) s.startEmpty(job.hasInputEnded, nowMs);
  job.resumeAfterRestart(nowMs);
}

/** One offset per partition from the source snapshots (each partition was read by exactly one subtask). */
function mergeOffsets(job: Job, states: (SourceState | undefined)[]): number[] {
  const offsets = new Array<number>(job.log.partitions).fill(0);
  for (const state of states) state?.offsets.forEach((offset, p) => {
    if (offset >= 0) offsets[p] = offset;
  });
  return offsets;
}
