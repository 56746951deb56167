// Flink and Beam: per-partition watermark generators (with Flink's alignment, R3.10) → valve → the keyed window
// operator (R3, R4).
import type { Engine, EngineContext } from '../engine.ts';
import { periodic } from '../engine.ts';
import { EventTimeOperator } from '../operators/eventTimeOperator.ts';
import { Alignment } from '../watermarks/alignment.ts';
import { PartitionWatermarks } from '../watermarks/partitionWatermarks.ts';
import { Valve } from '../watermarks/valve.ts';
import type { EventTimeRules } from './eventTimeRules.ts';

export function createEventTimeEngine(rules: EventTimeRules, { scenario, program, recorder, clock }: EngineContext): Engine {
  const { pipeline } = scenario;
  const operator = new EventTimeOperator(rules, pipeline, recorder, clock, program.keyRank);
  const valve = new Valve(pipeline.partitions, (wm) => operator.advanceWatermark(wm));
  const spec = pipeline.watermark;
  const delay = spec?.type === 'bounded' ? spec.delay : 0;
  const generators = new PartitionWatermarks(spec, pipeline.partitions, rules.boundedFormula(delay), valve, recorder);
  const wake = generators.hasPeriodicWork ? periodic(clock, generators.interval, (now) => generators.periodic(now)) : () => {};
  const { ts, keyId, partition, value } = program;
  const read = (op: number) => {
    wake();
    const r = recorder.arrive(ts[op], keyId[op], partition[op], value[op]);
    operator.processElement(r, keyId[op], ts[op], value[op]);
    generators.onRecord(partition[op], ts[op]);
  };
  const alignment = spec?.alignment ? new Alignment(spec.alignment, pipeline.partitions, generators, recorder, clock, read) : undefined;
  return {
    record: alignment ? (op) => alignment.arrive(partition[op], op) : read,
    watermark(wm, p) {
      if (p >= 0) generators.explicit(p, wm);
      else for (let i = 0; i < pipeline.partitions; i++) generators.explicit(i, wm);
    },
    end() {
      alignment?.finishInput();
      operator.endOfInput();
    },
    get operatorWm() {
      return operator.wm;
    },
  };
}
