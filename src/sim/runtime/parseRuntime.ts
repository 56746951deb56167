// `pipeline.runtime` and `crash` steps (vectors.md "Runtime vectors"), turned into a canonical RuntimeSpec or one
// message naming the field. The vector fields (parallelism, maxParallelism, checkpoint, sink, restartDelay) are
// the spec's; the rest are scenario fields with defaults, so a vector needs none of them.
import * as v from 'valibot';
import { describeIssue, invalid, InputError, show, unsupported } from '../parse/issues.ts';
import { NonNegative, Positive } from '../parse/schemas.ts';
import type { Pipeline, ProfileId } from '../types.ts';
import { defaultMaxParallelism } from './keyGroups.ts';
import type { Failure, OperatorSpec, RestartStrategy, RuntimeSpec, ServiceTime } from './types.ts';
import { parseAckingRuntime, parseKafkaRuntime, parseMicroBatchRuntime } from './parseProfiles.ts';
import { checkFailure, CrashSchema, FailureSchema, Ms, oneOf, says } from './runtimeSchemas.ts';

const Parallelism = v.pipe(Positive, v.maxValue(256, says('a parallelism ≤ 256')));

const Service = v.union([
  Ms,
  v.variant('type', [
    v.strictObject({ type: v.literal('uniform'), minMs: Ms, maxMs: Ms }),
    v.strictObject({ type: v.literal('exponential'), meanMs: Ms }),
  ]),
], says('a service time: ms, { "type": "uniform", minMs, maxMs } or { "type": "exponential", meanMs }'));

const Stage = v.strictObject({
  parallelism: v.optional(Parallelism),
  serviceMs: v.optional(Service),
  hotKeys: v.optional(v.record(v.string(), Ms, says('an object of key → ms'))),
});

const MapOperator = v.strictObject({
  name: v.pipe(v.string(says('a name')), v.regex(/^[a-z][a-z0-9-]*$/, says('a lower-case name'))),
  kind: oneOf(['map', 'filter']),
  parallelism: v.optional(Parallelism),
  partitioning: v.optional(oneOf(['forward', 'rebalance', 'broadcast', 'hash'])),
  serviceMs: v.optional(Service),
  hotKeys: v.optional(v.record(v.string(), Ms, says('an object of key → ms'))),
  minValue: v.optional(v.number()),
  sideEffect: v.optional(v.literal('email', says('"email"'))),
});

const RuntimeSchema = v.strictObject({
  parallelism: v.optional(Parallelism, 1),
  maxParallelism: v.optional(v.pipe(Positive, v.maxValue(32_768, says('at most 32768')))),
  checkpoint: v.optional(v.strictObject({
    interval: v.optional(Positive, 1000),
    mode: v.optional(oneOf(['exactly-once', 'unaligned', 'at-least-once', 'none']), 'exactly-once'),
    timeout: v.optional(Positive, 600_000),
    alignedTimeout: v.optional(NonNegative, 0),
  }), { interval: 1000, mode: 'exactly-once', timeout: 600_000, alignedTimeout: 0 }),
  sink: v.optional(oneOf(['at-least-once', 'transactional', 'upsert']), 'at-least-once'),
  restartDelay: v.optional(NonNegative, 1000),
  restartStrategy: v.optional(v.variant('type', [
    v.strictObject({ type: v.literal('fixed-delay'), attempts: v.optional(Positive, 1_000_000) }),
    v.strictObject({ type: v.literal('exponential-delay'), maxMs: v.optional(Positive, 60_000), multiplier: v.optional(v.pipe(v.number(), v.minValue(1)), 2), attempts: v.optional(Positive, 1_000_000) }),
    v.strictObject({ type: v.literal('none') }),
  ], says('a restart strategy: fixed-delay | exponential-delay | none'))),
  heartbeatTimeoutMs: v.optional(Positive, 50_000),
  bufferCapacity: v.optional(v.pipe(Positive, v.maxValue(65_535, says('at most 65535 records'))), 1000),
  source: v.optional(Stage, {}),
  window: v.optional(Stage, {}),
  sinkStage: v.optional(Stage, {}),
  operators: v.optional(v.pipe(v.array(MapOperator), v.maxLength(8, says('at most 8 operators'))), []),
  failures: v.optional(v.pipe(v.array(FailureSchema), v.maxLength(1000, says('at most 1000 failures'))), []),
  autoscaler: v.optional(v.strictObject({
    metric: v.optional(oneOf(['busy', 'lag']), 'busy'),
    targetUtilization: v.optional(v.pipe(v.number(), v.gtValue(0, says('a share in (0, 1]')), v.maxValue(1, says('a share in (0, 1]'))), 0.7),
    cooldownMs: v.optional(NonNegative, 5000),
    stabilizationMs: v.optional(NonNegative, 10_000),
    maxSubtasks: v.optional(Parallelism, 8),
    pauseMs: v.optional(NonNegative, 500),
    bytesPerMs: v.optional(Positive, 10_000),
  })),
  heap: v.optional(v.strictObject({ baseMB: v.optional(Ms, 64), gcEveryMs: v.optional(NonNegative, 0), pauseMsPerMB: v.optional(Ms, 0.05) }), {}),
  latencyIntervalMs: v.optional(NonNegative, 100),
  metricsIntervalMs: v.optional(Positive, 1000),
  bytesPerEntry: v.optional(Positive, 100),
});

function service(raw: v.InferOutput<typeof Service> | undefined): ServiceTime {
  if (raw === undefined) return { type: 'fixed', ms: 0 };
  if (typeof raw === 'number') return { type: 'fixed', ms: raw };
  return raw;
}

const restartOf = (raw: v.InferOutput<typeof RuntimeSchema>): RestartStrategy => {
  const s = raw.restartStrategy ?? { type: 'fixed-delay', attempts: 1_000_000 };
  if (s.type === 'none') return s;
  if (s.type === 'fixed-delay') return { type: 'fixed-delay', delayMs: raw.restartDelay, attempts: s.attempts };
  return { type: 'exponential-delay', initialMs: Math.max(1, raw.restartDelay), maxMs: s.maxMs, multiplier: s.multiplier, attempts: s.attempts };
};

/** Canonical job: source → maps/filters → keyed window (hash, R7.1) → sink. */
export function parseRuntime(profile: ProfileId, pipeline: Pipeline, input: unknown): RuntimeSpec {
  if (profile === 'spark') return parseMicroBatchRuntime(pipeline, input);
  if (profile === 'storm') return parseAckingRuntime(input);
  if (profile === 'kafka-streams') return parseKafkaRuntime(pipeline, input);
  if (profile !== 'flink') throw unsupported(`runtime under ${profile} (the parallel runtime follows Flink, spec §7; Spark has micro-batches, Kafka Streams stream threads, Storm acking)`);
  if (pipeline.window.time === 'processing' && pipeline.trigger.type !== 'default') throw unsupported('processing-time windows with a trigger of their own in the runtime');
  const parsed = v.safeParse(RuntimeSchema, input);
  if (!parsed.success) throw new InputError('invalid', describeIssue('pipeline.runtime', parsed.issues[0]));
  const raw = parsed.output;
  const at = 'pipeline.runtime';
  const sourceParallelism = raw.source.parallelism ?? pipeline.partitions;
  if (sourceParallelism > pipeline.partitions) throw invalid(`${at}.source.parallelism`, `expected at most pipeline.partitions (${pipeline.partitions}), got ${sourceParallelism}`);
  const maxParallelism = raw.maxParallelism ?? defaultMaxParallelism(raw.parallelism);
  if (raw.parallelism > maxParallelism) throw invalid(`${at}.parallelism`, `expected at most maxParallelism (${maxParallelism}), got ${raw.parallelism}`);
  const operators: OperatorSpec[] = [{ name: 'source', kind: 'source', parallelism: sourceParallelism, partitioning: 'forward', service: service(raw.source.serviceMs), keyServiceMs: raw.source.hotKeys ?? {} }];
  for (const [i, op] of raw.operators.entries()) {
    if (['source', 'window', 'sink'].includes(op.name) || raw.operators.findIndex((o) => o.name === op.name) < i) throw invalid(`${at}.operators[${i}].name`, `expected a unique name other than source, window, sink, got ${show(op.name)}`);
    const parallelism = op.parallelism ?? operators[operators.length - 1].parallelism;
    // With an autoscaler every operator scales on its own, so none is chained to the one before by forward.
    if (raw.autoscaler && op.partitioning === 'forward') throw invalid(`${at}.operators[${i}].partitioning`, 'with an autoscaler operators scale one by one; expected rebalance, broadcast or hash, got "forward"');
    const partitioning = op.partitioning ?? (parallelism === operators[operators.length - 1].parallelism && !raw.autoscaler ? 'forward' : 'rebalance');
    if (partitioning === 'forward' && parallelism !== operators[operators.length - 1].parallelism) throw invalid(`${at}.operators[${i}].partitioning`, `forward needs the parallelism of the operator before (${operators[operators.length - 1].parallelism}), got ${parallelism}`);
    operators.push({ name: op.name, kind: op.kind, parallelism, partitioning, service: service(op.serviceMs), keyServiceMs: op.hotKeys ?? {}, ...(op.minValue !== undefined ? { minValue: op.minValue } : {}), ...(op.sideEffect ? { sideEffect: op.sideEffect } : {}) });
  }
  const scaler = raw.autoscaler;
  if (scaler && (scaler.maxSubtasks < raw.parallelism || scaler.maxSubtasks > maxParallelism)) throw invalid(`${at}.autoscaler.maxSubtasks`, `expected between parallelism (${raw.parallelism}) and maxParallelism (${maxParallelism}), got ${scaler.maxSubtasks}`);
  const initialParallelism = operators.map((o) => o.parallelism);
  if (scaler) {
    // Sources get a task slot per partition (their cap), map and filter operators one for every parallelism the
    // autoscaler may give them.
    operators[0].parallelism = pipeline.partitions;
    operators.forEach((o, i) => {
      if (o.kind !== 'map' && o.kind !== 'filter') return;
      if (o.parallelism > scaler.maxSubtasks) throw invalid(`${at}.operators[${i - 1}].parallelism`, `expected at most autoscaler.maxSubtasks (${scaler.maxSubtasks}), got ${o.parallelism}`);
      o.parallelism = scaler.maxSubtasks;
    });
  }
  // With an autoscaler the window has a subtask slot for every parallelism it may take; the idle ones own no key groups.
  const windowSlots = scaler?.maxSubtasks ?? raw.parallelism;
  operators.push({ name: 'window', kind: 'window', parallelism: windowSlots, partitioning: 'hash', service: service(raw.window.serviceMs), keyServiceMs: raw.window.hotKeys ?? {} });
  initialParallelism.push(raw.parallelism);
  const sinkParallelism = raw.sinkStage.parallelism ?? raw.parallelism;
  operators.push({ name: 'sink', kind: 'sink', parallelism: sinkParallelism, partitioning: sinkParallelism === windowSlots ? 'forward' : 'rebalance', service: service(raw.sinkStage.serviceMs), keyServiceMs: raw.sinkStage.hotKeys ?? {} });
  if (raw.sink === 'transactional' && raw.checkpoint.mode === 'none') throw invalid(`${at}.sink`, 'a transactional sink commits on checkpoints; expected checkpoint.mode exactly-once or at-least-once, got none');
  const failures = raw.failures.map((f, i) => checkFailure(f, operators, `${at}.failures[${i}]`, `failures[${i}]`));
  return {
    operators, maxParallelism, failures,
    checkpoint: { intervalMs: raw.checkpoint.interval, mode: raw.checkpoint.mode, timeoutMs: raw.checkpoint.timeout, alignedTimeoutMs: raw.checkpoint.alignedTimeout ?? 0 },
    sink: raw.sink, restart: restartOf(raw), heartbeatTimeoutMs: raw.heartbeatTimeoutMs, bufferCapacity: raw.bufferCapacity,
    latencyIntervalMs: raw.latencyIntervalMs, metricsIntervalMs: raw.metricsIntervalMs, bytesPerEntry: raw.bytesPerEntry,
    heap: { baseMB: raw.heap.baseMB ?? 64, gcEveryMs: raw.heap.gcEveryMs ?? 0, pauseMsPerMB: raw.heap.pauseMsPerMB ?? 0.05 },
    ...(scaler ? { autoscaler: scaler, windowParallelism: raw.parallelism, initialParallelism: [...initialParallelism, sinkParallelism] } : {}),
  };
}

/** A `{"crash": {...}}` step (vectors.md): fails the task at the step's processing time. */
export function parseCrash(raw: unknown, path: string, runtime: RuntimeSpec | undefined): Failure {
  if (!runtime) throw invalid(path, 'crash steps need pipeline.runtime');
  const parsed = v.safeParse(CrashSchema, raw);
  if (!parsed.success) throw new InputError('invalid', describeIssue(path, parsed.issues[0]));
  return checkFailure(parsed.output, runtime.operators, path, path.replace(/\.crash$/, ''));
}

