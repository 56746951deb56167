// Profile-aware checks: which pipeline features each engine has, and the profile defaults (spec R4.27).
import * as v from 'valibot';
import { hasReducer } from '../aggregates.ts';
import type { AggregateSpec, Pipeline, ProfileId, WatermarkSpec, WindowSpec } from '../types.ts';
import { normalizeJoinOrCepPipeline } from '../joins/pipeline.ts';
import { parseRuntime } from '../runtime/parseRuntime.ts';
import { describeIssue, invalid, InputError, unsupported } from './issues.ts';
import { WatermarkSchema, type PipelineSchema } from './schemas.ts';

type RawPipeline = v.InferOutput<typeof PipelineSchema>;

/** Keeps one record from fanning out into an absurd number of windows (and the run from hanging). */
const MAX_WINDOWS_PER_RECORD = 10_000;
const MAX_TICKS_PER_IDLENESS = 1_000_000;

/** R3.2 default interval 200 ms (Flink `pipeline.auto-watermark-interval`); Storm 1 s (WindowedBoltExecutor). */
const defaultInterval = (profile: ProfileId) => (profile === 'storm' ? 1000 : 200);

function checkWindow(profile: ProfileId, window: WindowSpec): void {
  const at = 'pipeline.window';
  if (window.type === 'tumbling' && Math.abs(window.offset) >= window.size) {
    throw invalid(`${at}.offset`, `expected |offset| < size (${window.size}), got ${window.offset}`);
  }
  if (window.type === 'sliding') {
    if (Math.abs(window.offset) >= window.slide) throw invalid(`${at}.offset`, `expected |offset| < slide (${window.slide}), got ${window.offset}`);
    if (Math.ceil(window.size / window.slide) > MAX_WINDOWS_PER_RECORD) {
      throw invalid(`${at}.slide`, `size / slide gives more than ${MAX_WINDOWS_PER_RECORD} windows per record, got slide ${window.slide}`);
    }
    // R2.4: Kafka Streams requires 0 < advance ≤ size.
    if (profile === 'kafka-streams' && window.slide > window.size) throw invalid(`${at}.slide`, `expected slide ≤ size (${window.size}) under kafka-streams, got ${window.slide}`);
  }
  const supported: Record<ProfileId, WindowSpec['type'][]> = {
    flink: ['tumbling', 'sliding', 'session', 'global', 'count'],
    beam: ['tumbling', 'sliding', 'session', 'global', 'count'],
    'kafka-streams': ['tumbling', 'sliding', 'kafka-sliding', 'session'],
    spark: ['tumbling', 'sliding', 'session'],
    storm: ['tumbling', 'sliding'],
  };
  if (!supported[profile].includes(window.type)) throw unsupported(`${window.type} windows under ${profile}`);
  if (window.time === 'processing' && profile !== 'flink') throw unsupported(`processing-time windows under ${profile}`);
  if (profile === 'kafka-streams' && 'offset' in window && window.offset !== 0) throw unsupported('window offset under kafka-streams (TimeWindows are aligned to 0)');
}

function parseWatermark(profile: ProfileId, raw: unknown, path = 'pipeline.watermark', canAlign = true): WatermarkSpec | undefined {
  if (raw === undefined) return undefined;
  const parsed = v.safeParse(WatermarkSchema, raw);
  if (!parsed.success) throw new InputError('invalid', describeIssue(path, parsed.issues[0]));
  const given = parsed.output;
  if (given.idleness !== undefined && profile !== 'flink') throw unsupported(`watermark idleness under ${profile}`);
  if (given.alignment !== undefined && profile !== 'flink') throw unsupported(`watermark alignment under ${profile} (Flink's withWatermarkAlignment)`);
  if (given.alignment !== undefined && !canAlign) throw unsupported('watermark alignment in joins, CEP and the parallel runtime');
  const alignment = given.alignment ? { alignment: given.alignment } : {};
  if (given.type === 'explicit') return { type: 'explicit', idleness: given.idleness, ...alignment };
  const interval = given.interval ?? defaultInterval(profile);
  // R4.27: Flink emits periodically by default; Beam's bounded watermark is Sim and per record (R3.12).
  const emit = given.emit ?? (profile === 'beam' ? 'per-record' : 'periodic');
  if (profile === 'storm' && (emit !== 'periodic' || interval === 0)) throw unsupported('per-record watermarks under storm (its watermark events are periodic)');
  if (given.idleness !== undefined && interval > 0 && given.idleness / interval > MAX_TICKS_PER_IDLENESS) {
    throw invalid(`${path}.idleness`, `expected at most ${MAX_TICKS_PER_IDLENESS} watermark intervals, got ${given.idleness}`);
  }
  return given.type === 'bounded'
    ? { type: 'bounded', delay: given.delay, emit, interval, idleness: given.idleness, ...alignment }
    : { type: 'monotonous', emit, interval, idleness: given.idleness, ...alignment };
}

function parseAggregate(raw: RawPipeline): AggregateSpec {
  const given = raw.aggregate ?? 'count';
  if (typeof given !== 'string') {
    if (given.type === 'reducer' && !hasReducer(given.name)) throw invalid('pipeline.aggregate.name', `no reducer named ${JSON.stringify(given.name)} is registered`);
    return given;
  }
  if (given === 'concat') return { type: 'concat', init: raw.concat?.init ?? '', separator: raw.concat?.separator ?? '' };
  return { type: given };
}

/** Rejects what the profile's engine does not have (exit 3) and fills in the profile defaults (R4.27). */
export function normalizePipeline(profile: ProfileId, raw: RawPipeline): Pipeline {
  if (raw.join !== undefined || raw.cep !== undefined) return normalizeJoinOrCepPipeline(profile, raw, (wm, path) => parseWatermark(profile, wm, path, false));
  if (!raw.window) throw invalid('pipeline.window', 'expected a window, got nothing');
  const window = raw.window as WindowSpec;
  checkWindow(profile, window);
  const watermark = profile === 'kafka-streams' ? undefined : parseWatermark(profile, raw.watermark, 'pipeline.watermark', raw.runtime === undefined);
  const flinkOrBeam = profile === 'flink' || profile === 'beam';
  if (!flinkOrBeam && raw.trigger.type !== 'default') throw unsupported(`trigger ${raw.trigger.type} under ${profile}`);
  if (!flinkOrBeam && raw.accumulation !== undefined) throw unsupported(`accumulation under ${profile}`);
  if (!flinkOrBeam && raw.allowedLateness > 0) throw unsupported(`allowedLateness under ${profile}`);
  if (profile !== 'kafka-streams' && raw.grace > 0) throw unsupported(`grace under ${profile}`);
  if (profile !== 'kafka-streams' && raw.emit !== 'updates') throw unsupported(`emit: ${raw.emit} under ${profile}`);
  if (profile !== 'spark' && raw.outputMode !== 'append') throw unsupported(`outputMode: ${raw.outputMode} under ${profile}`);
  if (profile !== 'kafka-streams' && raw.caching) throw unsupported(`record caching under ${profile}`);
  if (profile !== 'beam' && raw.timestampCombiner) throw unsupported(`timestampCombiner under ${profile} (a Beam TimestampCombiner)`);
  if (profile === 'spark') {
    if (watermark?.type === 'explicit') throw unsupported('explicit watermarks under spark (withWatermark derives it from the data)');
    if (!watermark && raw.outputMode === 'append') throw unsupported('spark append mode without a watermark (Spark rejects the query)');
    // R4.25: SPARK-36463 rejects session windows in update mode.
    if (window.type === 'session' && raw.outputMode === 'update') throw unsupported('session windows in spark update mode (R4.25)');
  }
  if (profile === 'storm' && (!watermark || watermark.type === 'explicit')) throw unsupported('storm windows without a timestamp field and lag (bounded or monotonous watermark)');
  const pipeline: Pipeline = {
    window,
    aggregate: parseAggregate(raw),
    watermark,
    allowedLateness: raw.allowedLateness,
    grace: raw.grace,
    trigger: raw.trigger,
    accumulation: raw.accumulation ?? (profile === 'flink' ? 'accumulating' : profile === 'beam' ? 'discarding' : undefined),
    emit: raw.emit,
    outputMode: raw.outputMode,
    partitions: raw.partitions,
    lateOutput: raw.lateOutput,
    batchInterval: raw.batchInterval,
    noDataBatches: raw.noDataBatches,
    ...(raw.caching ? { caching: { commitIntervalMs: raw.caching.commitIntervalMs ?? (raw.caching.guarantee === 'exactly-once' ? 100 : 30_000) } } : {}),
    ...(raw.timestampCombiner ? { timestampCombiner: raw.timestampCombiner } : {}),
  };
  if (raw.runtime !== undefined) pipeline.runtime = parseRuntime(profile, pipeline, raw.runtime);
  return pipeline;
}
