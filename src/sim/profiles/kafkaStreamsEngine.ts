// Kafka Streams: one task, one windowed-aggregate processor with its own stream time (R3.14–R3.16). Records are
// processed as they arrive (TopologyTestDriver semantics, R3.15); `end` flushes nothing (R3.16).
import type { Engine, EngineContext } from '../engine.ts';
import { KafkaSlidingWindows } from '../operators/kafkaSliding.ts';
import { SuppressBuffer } from '../operators/kafkaSuppress.ts';
import { KafkaEmitter, KafkaSessionWindows, KafkaTimeWindows } from '../operators/kafkaWindows.ts';

export function createKafkaStreamsEngine({ scenario, program, recorder }: EngineContext): Engine {
  const { pipeline } = scenario;
  const windowSpec = pipeline.window;
  // R4.21: suppress waits G (time and sliding windows) or G + g (sessions) past the window end.
  const suppressGrace = pipeline.grace + (windowSpec.type === 'session' ? windowSpec.gap : 0);
  const suppress = pipeline.emit === 'final' ? new SuppressBuffer(recorder, program.keyRank, suppressGrace) : undefined;
  const out = new KafkaEmitter(pipeline, recorder, suppress);
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
      suppress?.flush(ost);
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
