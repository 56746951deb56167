// A runtime run, told in order. The scenario's inputs are played on the virtual clock exactly as in a plain run
// (R1.6), but a record no longer goes straight to the window operator: it is appended to its partition of the log,
// and the job's tasks — sources, maps, window subtasks, sinks — move it along bounded channels one ms at a time.
// Crash steps and the scenario's failures interrupt the job; checkpoints and the restart strategy bring it back.
// After an `end` step the clock runs on until the job has drained (and taken its final checkpoint).
import { OP_ADVANCE, OP_CRASH, OP_END, OP_RECORD, OP_WATERMARK, type Program } from '../compile.ts';
import { Scheduler } from '../scheduler.ts';
import { Recorder } from '../trace/recorder.ts';
import type { Run, RunOptions, Scenario } from '../types.ts';
import { injectFailure } from './failover.ts';
import { runAcking } from './acking.ts';
import { Job } from './job.ts';
import { runKafkaStreams } from './kafkaStreams.ts';
import { runMicroBatches } from './microBatch.ts';
import type { CheckpointEntry, RuntimeSpec, RuntimeTrace } from './types.ts';

/** How long after `end` the clock may run while the job drains (a job that cannot finish stops here, and says so). */
const DRAIN_LIMIT_MS = 10_000_000;

export function runRuntime(scenario: Scenario, program: Program, options: RunOptions = {}): Run {
  if (scenario.profile === 'spark') return runMicroBatches(scenario, program, options);
  if (scenario.profile === 'storm') return runAcking(scenario, program, options);
  if (scenario.profile === 'kafka-streams') return runKafkaStreams(scenario, program, options);
  const runtime = scenario.pipeline.runtime as RuntimeSpec;
  const clock = new Scheduler();
  const isTracing = options.trace ?? false;
  const recorder = new Recorder(clock, scenario.profile, program.keys, scenario.pipeline.partitions, isTracing, options.keyframeEvery);
  const job = new Job(clock, program, scenario.pipeline, runtime, recorder, scenario.seed, isTracing);
  const { kind, atMs, step, arg, partition } = program;
  let hasEnded = false;
  for (let op = 0; op < program.length; op++) {
    const arrivalMs = atMs[op];
    // Work the job does before an input arrives (or before the clock advances) appears after the previous input.
    if (arrivalMs > clock.nowMs) clock.runUntil(arrivalMs, false);
    if (kind[op] === OP_ADVANCE) clock.runUntil(clock.nowMs, true);
    recorder.step = step[op];
    switch (kind[op]) {
      case OP_RECORD: job.append(op); break;
      case OP_WATERMARK: job.appendControl(partition[op], job.wmElement(arg[op])); break;
      case OP_ADVANCE: clock.runUntil(clock.nowMs + arg[op], true); break;
      case OP_END:
        job.appendControl(-1, job.endMarker);
        hasEnded = true;
        break;
      case OP_CRASH: {
        const crash = scenario.steps[arg[op]];
        if (crash.kind === 'crash') injectFailure(job, crash.crash, clock.nowMs);
        break;
      }
    }
  }
  // Actions due at the last input's instant still belong to it.
  clock.runUntil(clock.nowMs, true);
  const limitMs = clock.nowMs + DRAIN_LIMIT_MS;
  while (hasEnded && (job.status === 'running' || job.status === 'restarting') && clock.nextMs <= limitMs) clock.runUntil(clock.nextMs, true);
  if (hasEnded && job.status !== 'finished' && job.status !== 'failed') job.event({ kind: 'note', procTimeMs: clock.nowMs, text: `the job did not finish within ${DRAIN_LIMIT_MS} ms after the end of input` });
  job.metrics.finish(clock.nowMs, job.restarts);
  const base = recorder.finish(-Infinity);
  const checkpoints: CheckpointEntry[] = job.coordinator.completed.map((c) => ({ id: c.id, started: c.startedMs, completed: c.completedMs }));
  const result = { ...base.result, sink: job.sink.result(), checkpoints, restarts: job.restarts };
  const trace: RuntimeTrace | undefined = isTracing ? {
    graph: job.graph, events: job.events, samples: job.metrics.samples(), watermarks: job.watermarks.trace(), metrics: job.metrics.buckets, writes: job.sink.writes,
    reads: job.reads.slice(0, recorder.recordCount), endProcTimeMs: clock.nowMs,
  } : undefined;
  return { ...base, result, ...(trace ? { runtime: trace, metrics: job.metrics.buckets } : {}) };
}
