// A run, told in order. The scenario is compiled to a flat program; a profile engine is built around a recorder
// (which writes the result and, when asked, the trace) and the scheduler (the virtual processing-time clock).
// Then every input is played in order: the clock first moves to the input's arrival time, running the timers and
// periodic watermarks due strictly before it (R1.6: inputs at p come before periodic actions at p); then the
// input goes to the engine. `advance` moves the clock and runs everything due up to and including the new time.
import { compile, OP_ADVANCE, OP_END, OP_RECORD, OP_WATERMARK, type Program } from './compile.ts';
import type { Engine, EngineContext } from './engine.ts';
import { createEventTimeEngine } from './profiles/eventTimeEngine.ts';
import { beamRules, flinkRules } from './profiles/eventTimeRules.ts';
import { createKafkaStreamsEngine } from './profiles/kafkaStreamsEngine.ts';
import { createSparkEngine } from './profiles/sparkEngine.ts';
import { createStormEngine } from './profiles/stormEngine.ts';
import { runRuntime } from './runtime/runRuntime.ts';
import { Scheduler } from './scheduler.ts';
import { Recorder } from './trace/recorder.ts';
import type { Run, RunOptions, Scenario } from './types.ts';

function createEngine(context: EngineContext): Engine {
  switch (context.scenario.profile) {
    case 'flink': return createEventTimeEngine(flinkRules, context);
    case 'beam': return createEventTimeEngine(beamRules, context);
    case 'kafka-streams': return createKafkaStreamsEngine(context);
    case 'spark': return createSparkEngine(context);
    case 'storm': return createStormEngine(context);
  }
}

/** Runs a parsed scenario to the end of its inputs. Deterministic: same scenario ⇒ same result and trace. */
export function run(scenario: Scenario, options: RunOptions = {}): Run {
  return runProgram(scenario, compile(scenario), options);
}

/** The run loop over an already compiled program (the benchmark times this part alone). */
export function runProgram(scenario: Scenario, program: Program, options: RunOptions = {}): Run {
  if (scenario.pipeline.runtime) return runRuntime(scenario, program, options);
  const clock = new Scheduler();
  const recorder = new Recorder(clock, scenario.profile, program.keys, scenario.pipeline.partitions, options.trace ?? false, options.keyframeEvery);
  const engine = createEngine({ scenario, program, recorder, clock });
  const { kind, atMs, step, arg, partition } = program;
  // Without a callback the next report is never due: one integer comparison per input, no call.
  const { onProgress } = options;
  const total = program.length;
  if (options.progressEvery !== undefined && !(options.progressEvery >= 1)) throw new RangeError(`progressEvery must be at least 1, got ${options.progressEvery}`);
  const progressEvery = Math.max(1, Math.floor(options.progressEvery ?? total / 100));
  let nextReport = onProgress ? Math.min(progressEvery, total) : -1;
  for (let op = 0; op < total; op++) {
    const arrivalMs = atMs[op];
    if (arrivalMs > clock.nowMs) clock.runUntil(arrivalMs, false);
    recorder.step = step[op];
    switch (kind[op]) {
      case OP_RECORD: engine.record(op); break;
      case OP_WATERMARK: engine.watermark(arg[op], partition[op]); break;
      case OP_ADVANCE:
        clock.runUntil(clock.nowMs + arg[op], true);
        break;
      case OP_END: engine.end(); break;
    }
    if (op + 1 === nextReport) {
      onProgress!(nextReport, total);
      nextReport = Math.min(nextReport + progressEvery, total);
    }
  }
  return recorder.finish(engine.operatorWm);
}
