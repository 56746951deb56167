// Task 1: the watermark valve at an operator input (spec R3.6). Hidden cases are Flink-profile simulator runs of
// seeded sources with several partitions that fall silent and go idle; the learner's valve sees exactly the
// partition watermarks and idle/active changes the simulator's valve saw, and must forward what it forwarded.
import { createRng, type Trace } from '../../sim/index.ts';
import { ms, randomInt, runTraced, tail, type Task } from './task.ts';
import type { HiddenCase, ValveInput, ValveStep } from './types.ts';

type Expected = (number | null)[];

const starter = `// A watermark valve at an operator input with \`channelCount\` input channels.
// Every method returns the watermark the operator forwards downstream,
// or undefined when it forwards nothing.
function createValve(channelCount) {
  const watermarks = new Array(channelCount).fill(-Infinity);
  return {
    onWatermark(channel, wm) {
      watermarks[channel] = wm;
      return Math.min(...watermarks);
    },
    onIdle(channel) {
      return undefined;
    },
    onActive(channel) {
      return undefined;
    },
  };
}
`;

const solution = `function createValve(channelCount) {
  const watermarks = new Array(channelCount).fill(-Infinity);
  const isActive = new Array(channelCount).fill(true);
  // A channel that comes back behind what was already forwarded stays out of the
  // minimum until it catches up: it must not pull the watermark back.
  const isAligned = new Array(channelCount).fill(true);
  let forwarded = -Infinity;

  const forward = (wm) => (wm > forwarded ? (forwarded = wm) : undefined);
  const forwardMin = () => {
    const aligned = watermarks.filter((_, c) => isAligned[c]);
    return aligned.length > 0 ? forward(Math.min(...aligned)) : undefined;
  };

  return {
    onWatermark(channel, wm) {
      if (!isActive[channel] || wm <= watermarks[channel]) return undefined;
      watermarks[channel] = wm;
      if (wm >= forwarded) isAligned[channel] = true;
      return forwardMin();
    },
    onIdle(channel) {
      isActive[channel] = false;
      isAligned[channel] = false;
      // When every channel is idle, the largest watermark seen is forwarded.
      if (!isActive.includes(true)) return forward(Math.max(...watermarks));
      return forwardMin();
    },
    onActive(channel) {
      isActive[channel] = true;
      if (watermarks[channel] >= forwarded) isAligned[channel] = true;
      return undefined;
    },
  };
}
`;

/** The valve's inputs (partition watermarks, idle changes) and outputs (operator watermarks), in trace order. */
export function valveCase(name: string, scenario: unknown): HiddenCase<ValveInput, Expected> {
  const { trace } = runTraced(scenario);
  const rows = [...watermarkRows(trace), ...idleRows(trace)].sort((a, b) => a.seq - b.seq);
  const steps: ValveStep[] = [];
  const expected: Expected = [];
  for (const row of rows) {
    if (row.step) {
      steps.push(row.step);
      expected.push(null);
    } else if (steps.length > 0 && row.operatorWm !== Infinity) {
      // The end of input reaches the operator directly, not through the valve (R3.9): not the valve's output.
      expected[expected.length - 1] = row.operatorWm!;
    }
  }
  return { name, input: { channels: trace.partitions, steps }, expected };
}

interface Row { seq: number; step?: ValveStep; operatorWm?: number }

function watermarkRows(trace: Trace): Row[] {
  const { seq, scope, value } = trace.watermarks;
  return Array.from({ length: trace.watermarks.length }, (_, i) =>
    scope[i] < 0 ? { seq: seq[i], operatorWm: value[i] } : { seq: seq[i], step: { channel: scope[i], wm: value[i] } });
}

const idleRows = (trace: Trace): Row[] => trace.events.flatMap((e) => (e.kind === 'idle' ? [{ seq: e.seq, step: { channel: e.partition, isIdle: e.isIdle } }] : []));

/** A seeded source: 2–4 partitions, records on several keys, and stretches where partitions send nothing. */
function randomScenario(seed: number): unknown {
  const rng = createRng(seed);
  const partitions = 2 + randomInt(rng, 3);
  const count = 30 + randomInt(rng, 40);
  const ratePerSec = 2 + randomInt(rng, 3);
  const spanMs = (count / ratePerSec) * 1000;
  const idle = Array.from({ length: 1 + randomInt(rng, 3) }, () => {
    const fromMs = randomInt(rng, spanMs);
    return { partition: randomInt(rng, partitions), fromMs, toMs: fromMs + 2000 + randomInt(rng, 8000) };
  });
  return {
    format: 'eventide.scenario/1', name: `seeded source ${seed}`, profile: 'flink', seed,
    pipeline: {
      window: { type: 'tumbling', size: 10000 }, aggregate: 'count', partitions,
      watermark: { type: 'bounded', delay: 500 * randomInt(rng, 7), emit: 'periodic', idleness: 1000 + 500 * randomInt(rng, 6) },
    },
    generator: { count, ratePerSec, partitions, keys: { count: 8 }, disorder: { type: 'uniform', maxDelayMs: 500 * randomInt(rng, 7) }, idle },
    // Silence after the last record: every partition goes idle, and the valve forwards the largest watermark.
    steps: [{ advance: 10000 }],
  };
}

const HIDDEN_RANDOM_CASES = 10;

const stepText = (step: ValveStep): string =>
  'wm' in step ? `channel ${step.channel} sends ${ms(step.wm)}` : `channel ${step.channel} ${step.isIdle ? 'goes idle' : 'is active again'}`;
const outputText = (out: number | null | string): string => (out === null ? 'nothing' : typeof out === 'number' ? ms(out) : `${out} (not a number)`);

export const valveTask: Task<ValveInput, Expected> = {
  id: 'valve',
  entry: 'createValve',
  starter,
  solution,
  cases(seed, scenario) {
    const fixed = scenario === undefined ? [] : [valveCase('the lesson\'s scenario', scenario)];
    const random = Array.from({ length: HIDDEN_RANDOM_CASES }, (_, i) => {
      const caseSeed = seed * 1000 + i;
      return valveCase(`seeded source ${caseSeed}`, randomScenario(caseSeed));
    });
    return [...fixed, ...random];
  },
  judge({ input, expected }, output) {
    const got = output as (number | null | string)[];
    const at = expected.findIndex((want, i) => got[i] !== want);
    if (at < 0) return undefined;
    const history = input.steps.slice(0, at + 1).map((step, i) => `${stepText(step)} → ${i < at ? outputText(expected[i]) : '?'}`);
    return {
      input: `${input.channels} channels, ${input.steps.length} steps. Up to step ${at + 1}: ${tail(history)}`,
      expected: `forward ${outputText(expected[at])}`,
      got: `forwarded ${outputText(got[at] ?? null)}`,
    };
  },
  describeStep: (input, step) => (step < 0 ? `createValve(${input.channels})` : `step ${step + 1} (${stepText(input.steps[step])})`),
};
