// Valibot schemas for vectors and scenarios. Shapes only; rules that depend on the profile live in checks.ts.
import * as v from 'valibot';
import { show } from './issues.ts';

const says = (what: string) => (issue: v.BaseIssue<unknown>) => `expected ${what}, got ${show(issue.input)}`;

/** vectors.md limits: integer times in [−2^53+1, 2^53−1]. */
export const Int = v.pipe(v.number(says('an integer')), v.safeInteger(says('an integer')));
export const NonNegative = v.pipe(Int, v.minValue(0, says('an integer ≥ 0')));
export const Positive = v.pipe(Int, v.minValue(1, says('an integer > 0')));
const Share = v.pipe(v.number(says('a number in [0, 1]')), v.minValue(0, says('a number in [0, 1]')), v.maxValue(1, says('a number in [0, 1]')));
const Rate = v.pipe(v.number(says('a rate > 0')), v.gtValue(0, says('a rate > 0')), v.maxValue(1_000_000, says('a rate ≤ 1,000,000 per second')));
const oneOf = <const T extends string[]>(options: T) => v.picklist(options, says(`one of ${options.join(' | ')}`));
const Time = v.optional(oneOf(['event', 'processing']), 'event');

export const WindowSchema = v.variant('type', [
  v.strictObject({ type: v.literal('tumbling'), size: Positive, offset: v.optional(Int, 0), time: Time }),
  v.strictObject({ type: v.literal('sliding'), size: Positive, slide: Positive, offset: v.optional(Int, 0), time: Time }),
  v.strictObject({ type: v.literal('kafka-sliding'), size: Positive, time: Time }),
  v.strictObject({ type: v.literal('session'), gap: Positive, time: Time }),
  v.strictObject({ type: v.literal('global'), time: Time }),
  v.strictObject({ type: v.literal('count'), size: Positive, slide: v.optional(Positive), time: Time }),
], says('a window type: tumbling | sliding | kafka-sliding | session | global | count'));

const AggregateName = oneOf(['count', 'sum', 'min', 'max', 'average', 'list', 'concat']);
export const AggregateSchema = v.union([
  AggregateName,
  v.variant('type', [
    v.strictObject({ type: oneOf(['count', 'sum', 'min', 'max', 'average', 'list']) }),
    v.strictObject({ type: v.literal('concat'), init: v.optional(v.string(), ''), separator: v.optional(v.string(), '') }),
    v.strictObject({ type: v.literal('reducer'), name: v.string(says('a reducer name')) }),
  ]),
], says('an aggregate: count | sum | min | max | average | list | concat | { "type": "reducer", "name": … }'));

const Emit = v.optional(oneOf(['per-record', 'periodic']));
const Idleness = v.optional(Positive);
// R3.10: Flink's updateInterval defaults to 1 s (WatermarksWithWatermarkAlignment); scenario format only.
const Alignment = v.optional(v.strictObject({
  group: v.optional(v.string(says('a group name')), 'default'),
  maxDrift: NonNegative,
  updateInterval: v.optional(Positive, 1000),
}));
export const WatermarkSchema = v.variant('type', [
  v.strictObject({ type: v.literal('explicit'), idleness: Idleness, alignment: Alignment }),
  v.strictObject({ type: v.literal('bounded'), delay: NonNegative, emit: Emit, interval: v.optional(NonNegative), idleness: Idleness, alignment: Alignment }),
  v.strictObject({ type: v.literal('monotonous'), emit: Emit, interval: v.optional(NonNegative), idleness: Idleness, alignment: Alignment }),
], says('a watermark type: explicit | bounded | monotonous'));

const SubTrigger = v.variant('type', [
  v.strictObject({ type: v.literal('count'), n: Positive }),
  v.strictObject({ type: v.literal('processingTime'), delay: Positive }),
  v.strictObject({ type: v.literal('never') }),
], says('a trigger: count | processingTime | never'));

export const TriggerSchema = v.variant('type', [
  v.strictObject({ type: v.literal('default') }),
  v.strictObject({ type: v.literal('afterWatermark'), early: v.optional(SubTrigger), late: v.optional(SubTrigger) }),
  v.strictObject({ type: v.literal('count'), n: Positive }),
  v.strictObject({ type: v.literal('processingTime'), interval: Positive }),
], says('a trigger: default | afterWatermark | count | processingTime'));

const Anything = v.record(v.string(), v.unknown(), says('an object'));

export const PipelineSchema = v.strictObject({
  window: v.optional(WindowSchema),
  aggregate: v.optional(AggregateSchema),
  concat: v.optional(v.strictObject({ init: v.optional(v.string(), ''), separator: v.optional(v.string(), '') })),
  watermark: v.optional(v.unknown()),
  allowedLateness: v.optional(NonNegative, 0),
  grace: v.optional(NonNegative, 0),
  trigger: v.optional(TriggerSchema, { type: 'default' }),
  accumulation: v.optional(oneOf(['discarding', 'accumulating', 'retracting'])),
  emit: v.optional(oneOf(['updates', 'final', 'close']), 'updates'),
  // Scenario-format options (parseScenario rejects them in vectors): R4.20 caching, R4.15 Beam output timestamps.
  // commit.interval.ms: 30 000 by default, 100 under exactly-once (StreamsConfig); `guarantee` only picks that default.
  caching: v.optional(v.strictObject({ commitIntervalMs: v.optional(Positive), guarantee: v.optional(oneOf(['at-least-once', 'exactly-once'])) })),
  timestampCombiner: v.optional(oneOf(['end-of-window', 'earliest', 'latest'])),
  outputMode: v.optional(oneOf(['append', 'update', 'complete']), 'append'),
  partitions: v.optional(v.pipe(Positive, v.maxValue(1024, says('at most 1024 partitions'))), 1),
  lateOutput: v.optional(v.boolean(says('true or false')), false),
  batchInterval: v.optional(Positive, 1000),
  noDataBatches: v.optional(v.boolean(says('true or false')), true),
  join: v.optional(Anything),
  cep: v.optional(Anything),
  runtime: v.optional(Anything),
});

export const RecordSchema = v.strictObject({
  key: v.optional(v.string(says('a string key')), ''),
  value: v.optional(v.union([v.number(), v.string()], says('a number or a string')), 1),
  ts: v.optional(Int),
  partition: v.optional(NonNegative, 0),
  stream: v.optional(v.string()),
});

export const EventSchema = v.strictObject({ ...RecordSchema.entries, arrivalMs: Int });

const Cap = v.pipe(Positive, v.maxValue(1_000_000, says('at most 1,000,000')));
export const GeneratorSchema = v.strictObject({
  count: Cap,
  ratePerSec: Rate,
  startMs: v.optional(Int, 0),
  bursts: v.optional(v.pipe(v.array(v.strictObject({ atMs: Int, durationMs: Positive, ratePerSec: Rate })), v.maxLength(1000)), []),
  keys: v.optional(v.strictObject({
    count: v.optional(Cap, 1),
    distribution: v.optional(v.variant('type', [
      v.strictObject({ type: v.literal('uniform') }),
      v.strictObject({ type: v.literal('zipf'), exponent: v.pipe(v.number(), v.gtValue(0, says('an exponent > 0')), v.maxValue(10)) }),
      v.strictObject({ type: v.literal('hot'), hotShare: Share }),
    ], says('a key distribution: uniform | zipf | hot')), { type: 'uniform' }),
    prefix: v.optional(v.string(), 'k'),
  }), { count: 1, distribution: { type: 'uniform' }, prefix: 'k' }),
  disorder: v.optional(v.variant('type', [
    v.strictObject({ type: v.literal('none') }),
    v.strictObject({ type: v.literal('uniform'), maxDelayMs: NonNegative }),
    v.strictObject({ type: v.literal('exponential'), meanDelayMs: Positive, maxDelayMs: NonNegative }),
    v.strictObject({ type: v.literal('bursty'), share: Share, maxDelayMs: NonNegative }),
  ], says('a disorder: none | uniform | exponential | bursty')), { type: 'none' }),
  partitions: v.optional(v.pipe(Positive, v.maxValue(1024, says('at most 1024 partitions'))), 1),
  idle: v.optional(v.pipe(v.array(v.strictObject({ partition: NonNegative, fromMs: Int, toMs: Int })), v.maxLength(1000)), []),
  values: v.optional(v.strictObject({ min: Int, max: Int }), { min: 1, max: 1 }),
});
