// A join run, told in order (the same loop as run.ts, for two inputs): the scenario is compiled, the profile's
// join operator is built around a JoinOutput and the scheduler, then every input is played in arrival order —
// the clock first runs what is due strictly before the input (R1.6), then the input goes to the operator.
import { compile, OP_ADVANCE, OP_END, OP_RECORD, OP_WATERMARK } from '../compile.ts';
import { Scheduler } from '../scheduler.ts';
import type { RunOptions, Scenario } from '../types.ts';
import type { JoinEngine, JoinEngineContext } from './engine.ts';
import { createFlinkIntervalJoin } from './flinkInterval.ts';
import { createFlinkTemporalJoin } from './flinkTemporal.ts';
import { createFlinkWindowJoin } from './flinkWindowJoin.ts';
import { JoinOutput } from './joinOutput.ts';
import { createKafkaStreamJoin } from './kafkaStreamJoin.ts';
import { createKafkaTableJoin } from './kafkaTableJoin.ts';
import { createLookupJoin } from './lookupJoin.ts';
import { createSparkJoin } from './sparkJoin.ts';
import type { JoinRun, JoinSpec } from './types.ts';

function createJoinEngine(spec: JoinSpec, context: JoinEngineContext): JoinEngine {
  const profile = context.scenario.profile;
  if (profile === 'spark' && (spec.type === 'interval' || spec.type === 'window')) return createSparkJoin(spec, context);
  if (profile === 'kafka-streams') {
    if (spec.type === 'interval') return createKafkaStreamJoin(spec, context);
    if (spec.type === 'temporal') return createKafkaTableJoin(spec, context);
  }
  switch (spec.type) {
    case 'interval': return createFlinkIntervalJoin(spec, context);
    case 'window': return createFlinkWindowJoin(spec, context);
    case 'temporal': return createFlinkTemporalJoin(spec, context);
    case 'lookup': return createLookupJoin(spec, context);
  }
}

/** Runs a parsed join scenario (`pipeline.join` set). Deterministic: same scenario ⇒ same result and trace. */
export function runJoin(scenario: Scenario, options: RunOptions = {}): JoinRun {
  const spec = scenario.pipeline.join as JoinSpec;
  const program = compile(scenario);
  const clock = new Scheduler();
  const out = new JoinOutput(clock, scenario, program, spec, options.trace ?? false);
  const engine = createJoinEngine(spec, { scenario, program, out, clock });
  const { kind, atMs, step, arg, partition, stream } = program;
  for (let op = 0; op < program.length; op++) {
    if (atMs[op] > clock.nowMs) clock.runUntil(atMs[op], false);
    out.recorder.step = step[op];
    switch (kind[op]) {
      case OP_RECORD: engine.record(op); break;
      case OP_WATERMARK: engine.watermark(arg[op], partition[op], stream[op]); break;
      case OP_ADVANCE: clock.runUntil(clock.nowMs + arg[op], true); break;
      case OP_END: engine.end(); break;
    }
  }
  return out.finish(engine.operatorWm);
}
