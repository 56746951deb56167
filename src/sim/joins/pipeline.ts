// A join or CEP pipeline has no windowed aggregate of its own. Its Pipeline carries the parsed `join` / `cep` spec;
// the event-time global window stands in for `window`, so the shared record checks ask every record for an event time.
import type * as v from 'valibot';
import { parseCep } from '../cep/parseCep.ts';
import { invalid, unsupported } from '../parse/issues.ts';
import type { PipelineSchema } from '../parse/schemas.ts';
import type { Pipeline, ProfileId, WatermarkSpec } from '../types.ts';
import { parseJoin } from './parseJoin.ts';

type RawPipeline = v.InferOutput<typeof PipelineSchema>;

export function normalizeJoinOrCepPipeline(
  profile: ProfileId,
  raw: RawPipeline,
  parseWatermark: (raw: unknown, path: string) => WatermarkSpec | undefined,
): Pipeline {
  const what = raw.join !== undefined ? 'join' : 'cep';
  if (raw.join !== undefined && raw.cep !== undefined) throw invalid('pipeline.cep', 'expected either join or cep, got both');
  if (raw.window !== undefined) throw invalid('pipeline.window', `a ${what} pipeline has no window here${what === 'join' ? ' (a window join names it in pipeline.join.window)' : ''}`);
  if (raw.aggregate !== undefined) throw invalid('pipeline.aggregate', `a ${what} pipeline aggregates nothing`);
  if (raw.runtime !== undefined) throw unsupported(`runtime for a ${what} pipeline`);
  if (raw.trigger.type !== 'default') throw unsupported(`trigger for a ${what} pipeline`);
  if (raw.accumulation !== undefined) throw unsupported(`accumulation for a ${what} pipeline`);
  if (raw.emit !== 'updates') throw unsupported(`emit: ${raw.emit} for a ${what} pipeline`);
  if (raw.outputMode !== 'append') throw unsupported(`outputMode: ${raw.outputMode} for a ${what} pipeline (stream-stream joins run in append mode, R5.13)`);
  const join = raw.join === undefined ? undefined : parseJoin(raw.join, {
    profile, watermark: raw.watermark, grace: raw.grace, allowedLateness: raw.allowedLateness, partitions: raw.partitions, parseWatermark,
  });
  const cep = raw.cep === undefined ? undefined : parseCep(raw.cep, profile);
  const watermark = cep ? parseWatermark(raw.watermark, 'pipeline.watermark') : undefined;
  if (cep && (raw.grace > 0 || raw.allowedLateness > 0)) throw unsupported('grace or allowedLateness for a cep pipeline');
  return {
    window: { type: 'global', time: 'event' },
    aggregate: { type: 'count' },
    watermark,
    allowedLateness: raw.allowedLateness,
    grace: raw.grace,
    trigger: raw.trigger,
    emit: raw.emit,
    outputMode: raw.outputMode,
    partitions: raw.partitions,
    lateOutput: raw.lateOutput,
    batchInterval: raw.batchInterval,
    noDataBatches: raw.noDataBatches,
    ...(join ? { join } : {}),
    ...(cep ? { cep } : {}),
  };
}
