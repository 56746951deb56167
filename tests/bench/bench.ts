// `npm run bench` (`-- --json` for one JSON object): the simulator against a plain loop and an RxJS pipeline on
// the same 2,000,000 generated records, then seek latency and heap of a 1,000,000-record trace.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compile } from '../../src/sim/compile.ts';
import { generateEvents } from '../../src/sim/generator.ts';
import { runProgram } from '../../src/sim/run.ts';
import { traceAt } from '../../src/sim/index.ts';
import { createRng } from '../../src/sim/rng.ts';
import type { GeneratorSpec, Scenario } from '../../src/sim/index.ts';
import { plainLoop, rxjsPipeline, type Fired, type Job } from './baselines.ts';
import { runtimeFigures } from './runtime.ts';

// Heap figures need a forced GC: re-run this file under node --expose-gc.
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', self, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const isJson = process.argv.includes('--json');
const log = (line: string) => !isJson && console.log(line);
const job: Job = { sizeMs: 10_000, delayMs: 2_000, intervalMs: 200 };

const generator = (count: number): GeneratorSpec => ({
  count, ratePerSec: 10_000, startMs: 0, bursts: [], partitions: 1, idle: [], values: { min: 1, max: 1 },
  keys: { count: 10_000, distribution: { type: 'uniform' }, prefix: 'k' },
  disorder: { type: 'uniform', maxDelayMs: job.delayMs },
});

const scenario = (count: number): Scenario => ({
  format: 'eventide.scenario/1', name: 'bench', profile: 'flink', seed: 7, generator: generator(count),
  pipeline: {
    window: { type: 'tumbling', size: job.sizeMs, offset: 0, time: 'event' }, aggregate: { type: 'count' },
    watermark: { type: 'bounded', delay: job.delayMs, emit: 'periodic', interval: job.intervalMs },
    allowedLateness: 0, grace: 0, trigger: { type: 'default' }, accumulation: 'accumulating', emit: 'updates',
    outputMode: 'append', partitions: 1, lateOutput: false, batchInterval: 1000, noDataBatches: true,
  },
  steps: [{ kind: 'end' }],
});

/** Best of `times` runs, in ms (the first run also warms the JIT). */
async function best<T>(times: number, work: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  let ms = Infinity;
  let value!: T;
  for (let i = 0; i < times; i++) {
    gc!();
    const started = performance.now();
    value = await work();
    ms = Math.min(ms, performance.now() - started);
  }
  return { ms, value };
}

const canonical = (fired: Fired[]) => fired.map(([k, s, c]) => `${k} ${s} ${c}`).sort().join('\n');

const N = 2_000_000;
const big = scenario(N);
const input = generateEvents(big.generator!, big.seed);
const program = compile(big);
const keyIndex = new Map(program.keys.map((k, i) => [k, i]));
const simFired = (emitted: { key: string; start?: number; value: unknown }[]): Fired[] => emitted.map((e) => [keyIndex.get(e.key)!, e.start!, e.value as number]);

log(`input: ${N.toLocaleString('en')} records, 10,000 keys, uniform disorder ≤ ${job.delayMs} ms; keyed ${job.sizeMs / 1000} s tumbling count`);
const sim = await best(3, () => runProgram(big, program));
const loop = await best(3, () => plainLoop(input, job));
const rx = await best(2, () => rxjsPipeline(input, job));
const traced = await best(1, () => runProgram(big, program, { trace: true }).result);

const reference = canonical(loop.value);
const agree = { sim: canonical(simFired(sim.value.result.emitted)) === reference, traced: canonical(simFired(traced.value.emitted)) === reference, rxjs: canonical(rx.value) === reference };
if (!agree.sim || !agree.traced || !agree.rxjs) {
  console.error(`the four implementations disagree: ${JSON.stringify(agree)}`);
  process.exit(1);
}
const rate = (ms: number) => N / (ms / 1000);
log(`windows fired: ${loop.value.length.toLocaleString('en')} (all four agree)`);
for (const [name, ms] of [['sim, tracing off', sim.ms], ['sim, full trace', traced.ms], ['plain loop', loop.ms], ['RxJS', rx.ms]] as const) {
  log(`  ${name.padEnd(18)} ${ms.toFixed(0).padStart(6)} ms  ${Math.round(rate(ms)).toLocaleString('en').padStart(12)} records/s`);
}

// Seeking in a 1,000,000-record trace.
const M = 1_000_000;
const seekScenario = scenario(M);
const seekProgram = compile(seekScenario);
gc();
const heapBefore = process.memoryUsage().heapUsed;
const run = runProgram(seekScenario, seekProgram, { trace: true });
gc();
const traceHeapMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
const trace = run.trace!;
const rng = createRng(11);
// 30 untimed seeks first, so the figures describe a warm page rather than the JIT's first compile.
for (let i = 0; i < 30; i++) traceAt(trace, Math.floor(rng() * trace.endProcTimeMs));
const seeks: number[] = [];
for (let i = 0; i < 300; i++) {
  const t = Math.floor(rng() * trace.endProcTimeMs);
  const started = performance.now();
  traceAt(trace, t);
  seeks.push(performance.now() - started);
}
seeks.sort((a, b) => a - b);
const pct = (p: number) => seeks[Math.min(seeks.length - 1, Math.floor(p * seeks.length))];

const figures = {
  records: N,
  recordsPerSecond: Math.round(rate(sim.ms)),
  simVsLoop: +(loop.ms / sim.ms).toFixed(3),
  tracedVsLoop: +(loop.ms / traced.ms).toFixed(3),
  simVsRxjs: +(rx.ms / sim.ms).toFixed(3),
  seekP50Ms: +pct(0.5).toFixed(3),
  seekP99Ms: +pct(0.99).toFixed(3),
  traceHeapMB: +traceHeapMB.toFixed(1),
  keyframes: trace.keyframes.length,
  ...runtimeFigures(log),
};
log(`ratios: sim/loop ${figures.simVsLoop} (budget ≥ 0.3), traced/loop ${figures.tracedVsLoop}, sim/RxJS ${figures.simVsRxjs} (budget ≥ 1.5)`);
log(`1,000,000-record trace: heap ${figures.traceHeapMB} MB (budget < 400), seek p50 ${figures.seekP50Ms} ms, p99 ${figures.seekP99Ms} ms (budget < 16)`);
if (isJson) console.log(JSON.stringify(figures));
