// Kafka Streams: one task, one windowed-aggregate processor with its own stream time (R3.14–R3.16). Records are
// processed as they arrive (TopologyTestDriver semantics, R3.15); `end` flushes nothing (R3.16). Updates go
// downstream at once (R4.20, caching off), through the record cache flushed at commits (R4.20, caching on), to
// suppress (R4.21), or wait for the window to close (R4.22, onWindowClose, which bypasses the cache).
import type { Engine, EngineContext } from '../engine.ts';
import { RecordCache } from '../operators/kafkaCache.ts';
import { KafkaSlidingWindows } from '../operators/kafkaSliding.ts';
import { FinalResultBuffer } from '../operators/kafkaSuppress.ts';
import { KafkaEmitter, KafkaSessionWindows, KafkaTimeWindows, type UpdateBuffer } from '../operators/kafkaWindows.ts';

export function createKafkaStreamsEngine({ scenario, program, recorder, clock }: EngineContext): Engine {
  const { pipeline } = scenario;
  const windowSpec = pipeline.window;
  const gap = windowSpec.type === 'session' ? windowSpec.gap : 0;
  // R4.21: suppress waits G (time and sliding windows) or G + g (sessions) past the window end; R4.22: onWindowClose
  // closes at the same distance, strictly for sliding and session windows.
  const isTimeWindows = windowSpec.type === 'tumbling' || windowSpec.type === 'sliding';
  const final =
    pipeline.emit === 'final' ? new FinalResultBuffer(recorder, program.keyRank, { rule: 'R4.21', grace: pipeline.grace + gap, isStrict: false })
    : pipeline.emit === 'close' ? new FinalResultBuffer(recorder, program.keyRank, { rule: 'R4.22', grace: pipeline.grace + gap, isStrict: !isTimeWindows })
    : undefined;
  // Suppress downstream of the cache sees only flushed records, so its own stream time moves with them (R3.14).
  let suppressOst = -Infinity;
  const afterCache = final && {
    put: final.put.bind(final),
    received(ts: number) {
      if (ts > suppressOst) suppressOst = ts;
      final.flush(suppressOst);
    },
  };
  const cache = pipeline.caching && pipeline.emit !== 'close' ? new RecordCache(recorder, clock, pipeline.caching.commitIntervalMs, afterCache) : undefined;
  const buffer: UpdateBuffer | undefined = cache ?? final;
  const out = new KafkaEmitter(pipeline, recorder, buffer);
  const windows =
    windowSpec.type === 'session' ? new KafkaSessionWindows(out, windowSpec.gap)
    : windowSpec.type === 'kafka-sliding' ? new KafkaSlidingWindows(out, windowSpec.size)
    : windowSpec.type === 'sliding' ? new KafkaTimeWindows(out, windowSpec.size, windowSpec.slide)
    : new KafkaTimeWindows(out, (windowSpec as { size: number }).size, (windowSpec as { size: number }).size);
  let ost = -Infinity;
  const { ts, keyId, partition, value } = program;
  return {
    record(op) {
      const t = ts[op];
      const r = recorder.arrive(t, keyId[op], partition[op], value[op]);
      // R3.14: stream time includes the current record before the record is judged.
      if (t > ost) {
        ost = t;
        recorder.operatorWatermark(ost);
      }
      windows.process(r, keyId[op], t, value[op], ost);
      if (!cache) final?.flush(ost);
    },
    watermark() {
      throw new RangeError('kafka-streams has no watermarks');
    },
    end() {},
    get operatorWm() {
      return ost;
    },
  };
}
