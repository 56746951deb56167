// `pipeline.runtime` and `crash` steps (vectors.md "Runtime vectors"), turned into a canonical RuntimeSpec or one
// message naming the field. The vector fields (parallelism, maxParallelism, checkpoint, sink, restartDelay) are
// the spec's; the rest are scenario fields with defaults, so a vector needs none of them.
import * as v from 'valibot';
import { describeIssue, invalid, InputError, show, unsupported } from '../parse/issues.ts';
import { NonNegative, Positive } from '../parse/schemas.ts';
import type { Pipeline, ProfileId } from '../types.ts';
import { defaultMaxParallelism } from './keyGroups.ts';
import type { Failure, OperatorSpec, RestartStrategy, RuntimeSpec, ServiceTime } from './types.ts';

const says = (what: string) => (issue: v.BaseIssue<unknown>) => `expected ${what}, got ${show(issue.input)}`;
const oneOf = <const T extends string[]>(options: T) => v.picklist(options, says(`one of ${options.join(' | ')}`));
const Parallelism = v.pipe(Positive, v.maxValue(256, says('a parallelism ≤ 256')));
const Ms = v.pipe(v.number(says('a number of ms ≥ 0')), v.minValue(0, says('a number of ms ≥ 0')), v.maxValue(1e9, says('a number of ms ≤ 1e9')));

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

const FAILURE_KINDS = ['crash', 'lost', 'gc-pause', 'slow-link', 'lost-link', 'stall-sink'] as const;
export const CrashSchema = v.strictObject({
  operator: v.string(says('an operator name')),
  subtask: v.optional(NonNegative, 0),
  kind: v.optional(oneOf([...FAILURE_KINDS]), 'crash'),
  durationMs: v.optional(Positive),
  recordsPerMs: v.optional(v.pipe(v.number(), v.gtValue(0, says('a rate > 0')))),
});
const FailureSchema = v.strictObject({ ...CrashSchema.entries, atMs: NonNegative });

const RuntimeSchema = v.strictObject({
  parallelism: v.optional(Parallelism, 1),
  maxParallelism: v.optional(v.pipe(Positive, v.maxValue(32_768, says('at most 32768')))),
  checkpoint: v.optional(v.strictObject({
    interval: v.optional(Positive, 1000),
    mode: v.optional(oneOf(['exactly-once', 'unaligned', 'at-least-once', 'none']), 'exactly-once'),
    timeout: v.optional(Positive, 600_000),
  }), { interval: 1000, mode: 'exactly-once', timeout: 600_000 }),
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
  if (profile !== 'flink') throw unsupported(`runtime under ${profile} (the parallel runtime follows Flink, spec §7; Spark has micro-batches)`);
  if (pipeline.window.time === 'processing') throw unsupported('processing-time windows in the runtime');
  if (pipeline.watermark?.idleness !== undefined) throw unsupported('watermark idleness in the runtime');
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
    const partitioning = op.partitioning ?? (parallelism === operators[operators.length - 1].parallelism ? 'forward' : 'rebalance');
    if (partitioning === 'forward' && parallelism !== operators[operators.length - 1].parallelism) throw invalid(`${at}.operators[${i}].partitioning`, `forward needs the parallelism of the operator before (${operators[operators.length - 1].parallelism}), got ${parallelism}`);
    operators.push({ name: op.name, kind: op.kind, parallelism, partitioning, service: service(op.serviceMs), keyServiceMs: op.hotKeys ?? {}, ...(op.minValue !== undefined ? { minValue: op.minValue } : {}), ...(op.sideEffect ? { sideEffect: op.sideEffect } : {}) });
  }
  const scaler = raw.autoscaler;
  if (scaler && (scaler.maxSubtasks < raw.parallelism || scaler.maxSubtasks > maxParallelism)) throw invalid(`${at}.autoscaler.maxSubtasks`, `expected between parallelism (${raw.parallelism}) and maxParallelism (${maxParallelism}), got ${scaler.maxSubtasks}`);
  // With an autoscaler the window has a subtask slot for every parallelism it may take; the idle ones own no key groups.
  const windowSlots = scaler?.maxSubtasks ?? raw.parallelism;
  operators.push({ name: 'window', kind: 'window', parallelism: windowSlots, partitioning: 'hash', service: service(raw.window.serviceMs), keyServiceMs: raw.window.hotKeys ?? {} });
  const sinkParallelism = raw.sinkStage.parallelism ?? raw.parallelism;
  operators.push({ name: 'sink', kind: 'sink', parallelism: sinkParallelism, partitioning: sinkParallelism === windowSlots ? 'forward' : 'rebalance', service: service(raw.sinkStage.serviceMs), keyServiceMs: raw.sinkStage.hotKeys ?? {} });
  if (raw.sink === 'transactional' && raw.checkpoint.mode === 'none') throw invalid(`${at}.sink`, 'a transactional sink commits on checkpoints; expected checkpoint.mode exactly-once or at-least-once, got none');
  const failures = raw.failures.map((f, i) => checkFailure(f, operators, `${at}.failures[${i}]`, `failures[${i}]`));
  return {
    operators, maxParallelism, failures,
    checkpoint: { intervalMs: raw.checkpoint.interval, mode: raw.checkpoint.mode, timeoutMs: raw.checkpoint.timeout },
    sink: raw.sink, restart: restartOf(raw), heartbeatTimeoutMs: raw.heartbeatTimeoutMs, bufferCapacity: raw.bufferCapacity,
    latencyIntervalMs: raw.latencyIntervalMs, metricsIntervalMs: raw.metricsIntervalMs, bytesPerEntry: raw.bytesPerEntry,
    ...(scaler ? { autoscaler: scaler, windowParallelism: raw.parallelism } : {}),
  };
}

const MicroBatchSchema = v.strictObject({
  sink: v.optional(oneOf(['idempotent', 'at-least-once']), 'idempotent'),
  restartDelay: v.optional(NonNegative, 1000),
  batch: v.optional(v.strictObject({ overheadMs: v.optional(Ms, 50), perRowMs: v.optional(Ms, 0.01), commitMs: v.optional(Ms, 10) }), {}),
});

/** spark: micro-batches on the trigger interval (pipeline.batchInterval), offset and commit logs (R7.15). */
function parseMicroBatchRuntime(pipeline: Pipeline, input: unknown): RuntimeSpec {
  const parsed = v.safeParse(MicroBatchSchema, input);
  if (!parsed.success) throw new InputError('invalid', describeIssue('pipeline.runtime', parsed.issues[0]));
  const { sink, restartDelay, batch } = parsed.output;
  const stage = (name: string, kind: OperatorSpec['kind']): OperatorSpec => ({ name, kind, parallelism: 1, partitioning: 'forward', service: { type: 'fixed', ms: 0 }, keyServiceMs: {} });
  return {
    operators: [stage('source', 'source'), stage('query', 'window'), stage('sink', 'sink')], maxParallelism: 1, failures: [],
    checkpoint: { intervalMs: pipeline.batchInterval, mode: 'exactly-once', timeoutMs: Infinity }, sink,
    restart: { type: 'fixed-delay', delayMs: restartDelay, attempts: 1_000_000 }, heartbeatTimeoutMs: Infinity, bufferCapacity: 1,
    latencyIntervalMs: 0, metricsIntervalMs: 1000, bytesPerEntry: 100,
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
  })), v.minLength(1, says('at least one bolt')), v.maxLength(8, says('at most 8 bolts'))), [{ name: 'count', serviceMs: 0 }]),
  restartDelay: v.optional(NonNegative, 1000),
  failures: v.optional(v.pipe(v.array(FailureSchema), v.maxLength(1000, says('at most 1000 failures'))), []),
});

/** storm: spout → bolts with per-tuple acking (R7.16–R7.18); the last bolt keeps a running aggregate per key. */
function parseAckingRuntime(input: unknown): RuntimeSpec {
  const parsed = v.safeParse(AckingSchema, input);
  if (!parsed.success) throw new InputError('invalid', describeIssue('pipeline.runtime', parsed.issues[0]));
  const raw = parsed.output;
  const stage = (name: string, kind: OperatorSpec['kind'], ms = 0): OperatorSpec => ({ name, kind, parallelism: 1, partitioning: 'forward', service: { type: 'fixed', ms }, keyServiceMs: {} });
  const names = raw.bolts.map((b) => b.name);
  const dup = names.findIndex((n, i) => n === 'spout' || names.indexOf(n) !== i);
  if (dup >= 0) throw invalid(`pipeline.runtime.bolts[${dup}].name`, `expected a unique name other than spout, got ${show(names[dup])}`);
  const operators = [stage('spout', 'source'), ...raw.bolts.map((b, i) => stage(b.name, i === raw.bolts.length - 1 ? 'sink' : 'map', b.serviceMs))];
  return {
    operators, maxParallelism: 1, failures: raw.failures.map((f, i) => checkFailure(f, operators, `pipeline.runtime.failures[${i}]`, `failures[${i}]`)),
    checkpoint: { intervalMs: 1000, mode: 'none', timeoutMs: Infinity }, sink: 'at-least-once',
    restart: { type: 'fixed-delay', delayMs: raw.restartDelay, attempts: 1_000_000 }, heartbeatTimeoutMs: Infinity, bufferCapacity: 1,
    latencyIntervalMs: 0, metricsIntervalMs: 1000, bytesPerEntry: 100,
    acking: { ackers: raw.ackers, messageTimeoutMs: raw.messageTimeoutMs, maxSpoutPending: raw.maxSpoutPending ?? Infinity },
  };
}

type RawCrash = v.InferOutput<typeof CrashSchema> & { atMs?: number };

function checkFailure(raw: RawCrash, operators: readonly OperatorSpec[], path: string, origin: string): Failure {
  const op = operators.find((o) => o.name === raw.operator);
  if (!op) throw invalid(`${path}.operator`, `expected one of ${operators.map((o) => o.name).join(' | ')}, got ${show(raw.operator)}`);
  if (raw.subtask >= op.parallelism) throw invalid(`${path}.subtask`, `expected a subtask below ${op.parallelism}, got ${raw.subtask}`);
  const needsDuration = raw.kind === 'gc-pause' || raw.kind === 'slow-link' || raw.kind === 'stall-sink';
  if (needsDuration && raw.durationMs === undefined) throw invalid(`${path}.durationMs`, `expected a duration for ${raw.kind}, got nothing`);
  if (raw.kind === 'stall-sink' && op.kind !== 'sink') throw invalid(`${path}.operator`, `stall-sink targets a sink, got ${show(raw.operator)}`);
  return { atMs: raw.atMs ?? NaN, kind: raw.kind, operator: raw.operator, subtask: raw.subtask, durationMs: raw.durationMs ?? 0, recordsPerMs: raw.recordsPerMs ?? 1, origin };
}

/** A `{"crash": {...}}` step (vectors.md): fails the task at the step's processing time. */
export function parseCrash(raw: unknown, path: string, runtime: RuntimeSpec | undefined): Failure {
  if (!runtime) throw invalid(path, 'crash steps need pipeline.runtime');
  const parsed = v.safeParse(CrashSchema, raw);
  if (!parsed.success) throw new InputError('invalid', describeIssue(path, parsed.issues[0]));
  return checkFailure(parsed.output, runtime.operators, path, path.replace(/\.crash$/, ''));
}

