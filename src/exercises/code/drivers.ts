// How each task calls the learner's code on one hidden case, inside the sandbox. Drivers only feed inputs and
// record what the code did, as plain data; judging happens outside, where the simulator's answer is. They
// import nothing, so the worker that runs them carries neither the simulator nor the page.
import type { AlignmentInput, AlignmentOutput, TaskId, ValveInput, ValveOutput, WindowInput, WindowOutput } from './types.ts';

/** An error thrown by the learner's code, with the input step it was handling. */
export class StepError extends Error {
  constructor(readonly step: number, readonly cause: unknown) {
    super(cause instanceof Error ? `${cause.name}: ${cause.message}` : `threw ${String(cause)}`);
  }
}

type Factory = (...args: unknown[]) => unknown;
// The learner's object is untrusted: any method may be missing or throw.
type Methods = Record<string, ((...args: unknown[]) => unknown) | undefined>;

function objectFrom(factory: Factory, args: unknown[], names: string[]): Methods {
  let made: unknown;
  try {
    made = factory(...args);
  } catch (error) {
    throw new StepError(-1, error);
  }
  if (typeof made !== 'object' || made === null) throw new StepError(-1, new TypeError(`it must return an object with ${names.join(', ')}, but returned ${describe(made)}`));
  for (const name of names) {
    if (typeof (made as Methods)[name] !== 'function') throw new StepError(-1, new TypeError(`the object it returns has no method ${name}`));
  }
  return made as Methods;
}

function call(step: number, run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    throw new StepError(step, error);
  }
}

const describe = (value: unknown): string => (value === undefined ? 'undefined' : typeof value === 'function' ? 'a function' : JSON.stringify(value) ?? String(value));

/** A returned watermark: a number, or null for "nothing forwarded"; anything else is kept as its text. */
const forwarded = (value: unknown): number | null | string => (value === undefined || value === null ? null : typeof value === 'number' ? value : describe(value));

function driveValve(factory: Factory, input: ValveInput): ValveOutput {
  const valve = objectFrom(factory, [input.channels], ['onWatermark', 'onIdle', 'onActive']);
  return input.steps.map((step, i) => forwarded(call(i, () => {
    if ('wm' in step) return valve.onWatermark!(step.channel, step.wm);
    return step.isIdle ? valve.onIdle!(step.channel) : valve.onActive!(step.channel);
  })));
}

function driveWindow(factory: Factory, input: WindowInput): WindowOutput {
  const outputs: WindowOutput = input.steps.map(() => []);
  let current = -1;
  const out = {
    fire: (key: unknown, start: unknown, end: unknown, count: unknown, timing: unknown) => {
      outputs[Math.max(current, 0)].push({ kind: 'fire', key: String(key), start: Number(start), end: Number(end), count: Number(count), timing: String(timing) });
    },
    drop: (key: unknown, ts: unknown) => {
      outputs[Math.max(current, 0)].push({ kind: 'drop', key: String(key), ts: Number(ts) });
    },
  };
  const operator = objectFrom(factory, [{ sizeMs: input.sizeMs, allowedLatenessMs: input.allowedLatenessMs }, out], ['onElement', 'onWatermark']);
  input.steps.forEach((step, i) => {
    current = i;
    call(i, () => ('wm' in step ? operator.onWatermark!(step.wm) : operator.onElement!(step.key, step.ts)));
  });
  return outputs;
}

function driveAlignment(factory: Factory, input: AlignmentInput): AlignmentOutput {
  const log: AlignmentOutput['log'] = [];
  const task = {
    process: (channel: unknown, value: unknown) => void log.push({ type: 'process', channel: Number(channel), value: String(value) }),
    snapshot: (id: unknown) => void log.push({ type: 'snapshot', id: Number(id) }),
  };
  const aligner = objectFrom(factory, [task], ['canRead', 'onRecord', 'onBarrier']);
  const next = [0, 0];
  for (let i = 0; ; i++) {
    const waiting = [0, 1].filter((c) => next[c] < input.channels[c].length);
    if (waiting.length === 0) return { log, isStalled: false };
    const readable = waiting.filter((c) => {
      const isReadable = call(i, () => aligner.canRead!(c)) === true;
      if (!isReadable) log.push({ type: 'refuse', channel: c });
      return isReadable;
    });
    if (readable.length === 0) return { log, isStalled: true };
    const channel = readable[Math.floor(input.picks[i % input.picks.length] * readable.length)];
    const item = input.channels[channel][next[channel]++];
    log.push({ type: 'read', channel });
    call(i, () => ('barrier' in item ? aligner.onBarrier!(channel, item.barrier) : aligner.onRecord!(channel, item.record)));
  }
}

export const DRIVERS: { [T in TaskId]: (factory: Factory, input: never) => unknown } = {
  valve: driveValve,
  window: driveWindow,
  alignment: driveAlignment,
};
