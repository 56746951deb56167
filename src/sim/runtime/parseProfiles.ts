// `pipeline.runtime` for the spark profile (micro-batches, R7.15), the storm profile (acking, R7.16–R7.18) and the
// kafka-streams profile (stream threads, commits, changelogs, R7.14).
import * as v from 'valibot';
import { describeIssue, invalid, InputError, show, unsupported } from '../parse/issues.ts';
import { NonNegative, Positive } from '../parse/schemas.ts';
import type { Pipeline } from '../types.ts';
import { checkFailure, FailureSchema, Ms, oneOf, says } from './runtimeSchemas.ts';
import { GROUPINGS, type OperatorSpec, type RuntimeSpec } from './types.ts';

const MicroBatchSchema = v.strictObject({
  sink: v.optional(oneOf(['idempotent', 'at-least-once']), 'idempotent'),
  restartDelay: v.optional(NonNegative, 1000),
  batch: v.optional(v.strictObject({ overheadMs: v.optional(Ms, 50), perRowMs: v.optional(Ms, 0.01), commitMs: v.optional(Ms, 10) }), {}),
});

/** spark: micro-batches on the trigger interval (pipeline.batchInterval), offset and commit logs (R7.15). */
export function parseMicroBatchRuntime(pipeline: Pipeline, input: unknown): RuntimeSpec {
  const parsed = v.safeParse(MicroBatchSchema, input);
  if (!parsed.success) throw new InputError('invalid', describeIssue('pipeline.runtime', parsed.issues[0]));
  const { sink, restartDelay, batch } = parsed.output;
  const stage = (name: string, kind: OperatorSpec['kind']): OperatorSpec => ({ name, kind, parallelism: 1, partitioning: 'forward', service: { type: 'fixed', ms: 0 }, keyServiceMs: {} });
  return {
    operators: [stage('source', 'source'), stage('query', 'window'), stage('sink', 'sink')], maxParallelism: 1, failures: [],
    checkpoint: { intervalMs: pipeline.batchInterval, mode: 'exactly-once', timeoutMs: Infinity, alignedTimeoutMs: 0 }, sink,
    restart: { type: 'fixed-delay', delayMs: restartDelay, attempts: 1_000_000 }, heartbeatTimeoutMs: Infinity, bufferCapacity: 1,
    latencyIntervalMs: 0, metricsIntervalMs: 1000, bytesPerEntry: 100, heap: { baseMB: 64, gcEveryMs: 0, pauseMsPerMB: 0 },
    microBatch: { overheadMs: batch.overheadMs ?? 50, perRowMs: batch.perRowMs ?? 0.01, commitMs: batch.commitMs ?? 10 },
  };
}

const AckingSchema = v.strictObject({
  ackers: v.optional(v.pipe(NonNegative, v.maxValue(64, says('at most 64 ackers'))), 1),
  messageTimeoutMs: v.optional(Positive, 30_000),
  maxSpoutPending: v.optional(Positive),
  bolts: v.optional(v.pipe(v.array(v.strictObject({
    name: v.pipe(v.string(says('a name')), v.regex(/^[a-z][a-z0-9-]*$/, says('a lower-case name'))),
    serviceMs: v.optional(v.pipe(NonNegative, v.maxValue(1e9)), 0),
    parallelism: v.optional(v.pipe(Positive, v.maxValue(64, says('at most 64 tasks'))), 1),
    grouping: v.optional(oneOf([...GROUPINGS]), 'shuffle'),
  })), v.minLength(1, says('at least one bolt')), v.maxLength(8, says('at most 8 bolts'))), [{ name: 'count', serviceMs: 0, parallelism: 1, grouping: 'shuffle' as const }]),
  workers: v.optional(v.pipe(Positive, v.maxValue(64, says('at most 64 workers'))), 1),
  restartDelay: v.optional(NonNegative, 1000),
  failures: v.optional(v.pipe(v.array(FailureSchema), v.maxLength(1000, says('at most 1000 failures'))), []),
});

/** storm: spout → bolts with per-tuple acking (R7.16–R7.18); the last bolt keeps a running aggregate per key. */
export function parseAckingRuntime(input: unknown): RuntimeSpec {
  const parsed = v.safeParse(AckingSchema, input);
  if (!parsed.success) throw new InputError('invalid', describeIssue('pipeline.runtime', parsed.issues[0]));
  const raw = parsed.output;
  const stage = (name: string, kind: OperatorSpec['kind'], ms = 0, parallelism = 1): OperatorSpec => ({ name, kind, parallelism, partitioning: 'forward', service: { type: 'fixed', ms }, keyServiceMs: {} });
  const names = raw.bolts.map((b) => b.name);
  const dup = names.findIndex((n, i) => n === 'spout' || names.indexOf(n) !== i);
  if (dup >= 0) throw invalid(`pipeline.runtime.bolts[${dup}].name`, `expected a unique name other than spout, got ${show(names[dup])}`);
  const operators = [stage('spout', 'source'), ...raw.bolts.map((b, i) => stage(b.name, i === raw.bolts.length - 1 ? 'sink' : 'map', b.serviceMs, b.parallelism))];
  return {
    operators, maxParallelism: 1, failures: raw.failures.map((f, i) => checkFailure(f, operators, `pipeline.runtime.failures[${i}]`, `failures[${i}]`)),
    checkpoint: { intervalMs: 1000, mode: 'none', timeoutMs: Infinity, alignedTimeoutMs: 0 }, sink: 'at-least-once',
    restart: { type: 'fixed-delay', delayMs: raw.restartDelay, attempts: 1_000_000 }, heartbeatTimeoutMs: Infinity, bufferCapacity: 1,
    latencyIntervalMs: 0, metricsIntervalMs: 1000, bytesPerEntry: 100, heap: { baseMB: 64, gcEveryMs: 0, pauseMsPerMB: 0 },
    acking: {
      ackers: raw.ackers, messageTimeoutMs: raw.messageTimeoutMs, maxSpoutPending: raw.maxSpoutPending ?? Infinity,
      groupings: raw.bolts.map((b) => b.grouping), workers: raw.workers,
    },
  };
}

const KafkaSchema = v.strictObject({
  processingGuarantee: v.optional(oneOf(['at_least_once', 'exactly_once_v2']), 'at_least_once'),
  commitIntervalMs: v.optional(Positive),
  threads: v.optional(v.pipe(v.array(v.pipe(Positive, v.maxValue(64, says('at most 64 threads')))), v.minLength(1, says('at least one instance')), v.maxLength(16, says('at most 16 instances'))), [1]),
  serviceMs: v.optional(Ms, 0),
  restartDelay: v.optional(NonNegative, 1000),
  restoreRecordsPerMs: v.optional(v.pipe(v.number(), v.gtValue(0, says('a rate > 0'))), 10),
  failures: v.optional(v.pipe(v.array(FailureSchema), v.maxLength(1000, says('at most 1000 failures'))), []),
});

/**
 * kafka-streams: input partitions → one task each (windowed aggregate) → output topic, run by stream threads
 * (`threads[i]` on instance i). Crash targets: `thread` (global index, instance by instance) or `instance`.
 */
export function parseKafkaRuntime(pipeline: Pipeline, input: unknown): RuntimeSpec {
  const parsed = v.safeParse(KafkaSchema, input);
  if (!parsed.success) throw new InputError('invalid', describeIssue('pipeline.runtime', parsed.issues[0]));
  const raw = parsed.output;
  if (pipeline.caching) throw unsupported('record caching in the kafka-streams runtime (commits flush it there)');
  const isExactlyOnce = raw.processingGuarantee === 'exactly_once_v2';
  const stage = (name: string, kind: OperatorSpec['kind'], parallelism: number): OperatorSpec => ({ name, kind, parallelism, partitioning: 'forward', service: { type: 'fixed', ms: 0 }, keyServiceMs: {} });
  const threads = raw.threads.reduce((a, b) => a + b, 0);
  // The only operators a crash can name (the graph of tasks is built from the partitions at run time).
  const targets = [stage('thread', 'window', threads), stage('instance', 'window', raw.threads.length)];
  const failures = raw.failures.map((f, i) => {
    if (f.kind !== 'crash') throw invalid(`pipeline.runtime.failures[${i}].kind`, `expected crash (the kafka-streams runtime models crashes), got ${show(f.kind)}`);
    return checkFailure(f, targets, `pipeline.runtime.failures[${i}]`, `failures[${i}]`);
  });
  return {
    operators: targets,
    maxParallelism: 1, failures,
    checkpoint: { intervalMs: 1000, mode: isExactlyOnce ? 'exactly-once' : 'at-least-once', timeoutMs: Infinity, alignedTimeoutMs: 0 },
    sink: isExactlyOnce ? 'transactional' : 'at-least-once',
    restart: { type: 'fixed-delay', delayMs: raw.restartDelay, attempts: 1_000_000 }, heartbeatTimeoutMs: Infinity, bufferCapacity: 1,
    latencyIntervalMs: 0, metricsIntervalMs: 1000, bytesPerEntry: 100, heap: { baseMB: 64, gcEveryMs: 0, pauseMsPerMB: 0 },
    kafka: {
      guarantee: raw.processingGuarantee,
      // R7.14: 100 ms under exactly-once, 30 000 ms otherwise (StreamsConfig commit.interval.ms).
      commitIntervalMs: raw.commitIntervalMs ?? (isExactlyOnce ? 100 : 30_000),
      threadsPerInstance: raw.threads, serviceMs: raw.serviceMs, restartDelayMs: raw.restartDelay, restoreRecordsPerMs: raw.restoreRecordsPerMs,
    },
  };
}
