// Runtime speed (issue 4): 100,000 generated records through a 4-operator job (source → map → keyed window → sink)
// at parallelism 4, with checkpoints every 100 ms and one crash of a window subtask, untraced and traced.
// `bench.ts` adds `runtimeRecordsPerSecond` (untraced) to its figures; run this file alone for the runtime only.
import { fileURLToPath } from 'node:url';
import { compile } from '../../src/sim/compile.ts';
import { parseScenario, run } from '../../src/sim/index.ts';
import { runProgram } from '../../src/sim/run.ts';
import type { Scenario } from '../../src/sim/index.ts';

const RECORDS = 100_000;

export const runtimeScenario = (): Scenario => {
  const parsed = parseScenario({
    format: 'eventide.scenario/1', name: 'runtime bench', profile: 'flink', seed: 11,
    generator: {
      count: RECORDS, ratePerSec: 200_000, partitions: 4,
      keys: { count: 1000, distribution: { type: 'uniform' } }, disorder: { type: 'uniform', maxDelayMs: 20 },
    },
    pipeline: {
      window: { type: 'tumbling', size: 100 }, aggregate: 'count', partitions: 4,
      watermark: { type: 'bounded', delay: 20, emit: 'periodic', interval: 10 },
      runtime: {
        parallelism: 4, checkpoint: { interval: 100, mode: 'exactly-once' }, sink: 'transactional', restartDelay: 10,
        source: { parallelism: 4 }, operators: [{ name: 'parse', kind: 'map', parallelism: 4 }],
        failures: [{ atMs: 250, kind: 'crash', operator: 'window', subtask: 1 }],
      },
    },
    steps: [{ end: true }],
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.scenario;
};

function bestMs(times: number, work: () => void): number {
  let ms = Infinity;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    work();
    ms = Math.min(ms, performance.now() - started);
  }
  return ms;
}

export function runtimeFigures(log: (line: string) => void): { runtimeRecordsPerSecond: number; runtimeTracedRecordsPerSecond: number } {
  const scenario = runtimeScenario();
  const check = run(scenario);
  if (check.result.restarts !== 1 || (check.result.checkpoints?.length ?? 0) < 2) throw new Error('runtime bench: expected one restart and checkpoints');
  // Like the core's figures, the input is generated once: the time is the job's alone.
  const program = compile(scenario);
  const ms = bestMs(5, () => runProgram(scenario, program));
  const tracedMs = bestMs(3, () => runProgram(scenario, program, { trace: true }));
  const figures = {
    runtimeRecordsPerSecond: Math.round((RECORDS / ms) * 1000),
    runtimeTracedRecordsPerSecond: Math.round((RECORDS / tracedMs) * 1000),
  };
  log(`runtime: ${RECORDS.toLocaleString('en')} records, 4 operators × parallelism 4, checkpoints + 1 crash: ${ms.toFixed(1)} ms = ${figures.runtimeRecordsPerSecond.toLocaleString('en')} records/s (budget ≥ 500,000); traced ${tracedMs.toFixed(1)} ms`);
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const isJson = process.argv.includes('--json');
  const figures = runtimeFigures((line) => !isJson && console.log(line));
  if (isJson) console.log(JSON.stringify(figures));
}
