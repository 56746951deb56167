// Task 3: aligned checkpoint barriers at a task with two inputs (spec R7.8). There is nothing to simulate here:
// the right snapshot follows from the input itself. A snapshot is consistent when checkpoint n holds exactly the
// records that came before barrier n on each input; the judge replays what the code did and checks that, plus
// that every record is processed once, in order, and that only an input that delivered its barrier waits.
import { createRng } from '../../sim/index.ts';
import { randomInt, type Failure, type Task } from './task.ts';
import type { AlignmentEvent, AlignmentInput, AlignmentItem, AlignmentOutput, HiddenCase } from './types.ts';

/** Per checkpoint id, the records that came before its barrier on each input (the consistent cut). */
type Expected = Record<number, string[]>;

const starter = `// A task with two inputs (channel 0 and 1) that takes aligned checkpoints.
// task.process(channel, value): add a record to the task's state.
// task.snapshot(id): save the state as checkpoint id and send barrier id on.
// canRead(channel) is asked before each read: return false to leave
// that input's next item waiting.
function createAligner(task) {
  return {
    canRead(channel) {
      return true;
    },
    onRecord(channel, value) {
      task.process(channel, value);
    },
    onBarrier(channel, id) {
      task.snapshot(id);
    },
  };
}
`;

const solution = `function createAligner(task) {
  // An input that has delivered the barrier of the running checkpoint waits:
  // its next records belong after the snapshot.
  const hasBarrier = [false, false];
  return {
    canRead: (channel) => !hasBarrier[channel],
    onRecord: (channel, value) => task.process(channel, value),
    onBarrier(channel, id) {
      hasBarrier[channel] = true;
      if (hasBarrier[0] && hasBarrier[1]) {
        task.snapshot(id);
        hasBarrier[0] = hasBarrier[1] = false;
      }
    },
  };
}
`;

const itemText = (item: AlignmentItem): string => ('barrier' in item ? `|${item.barrier}|` : item.record);
const inputText = ({ channels }: AlignmentInput): string => channels.map((items, c) => `input ${c}: ${items.map(itemText).join(' ')}`).join('; ');
const listText = (records: string[]): string => (records.length === 0 ? 'no records' : [...records].sort(byName).join(', '));
const byName = (a: string, b: string): number => a[0].localeCompare(b[0]) || Number(a.slice(1)) - Number(b.slice(1));

export function alignmentCase(name: string, channels: [AlignmentItem[], AlignmentItem[]], picks: number[]): HiddenCase<AlignmentInput, Expected> {
  const expected: Expected = {};
  for (const items of channels) {
    items.forEach((item, i) => {
      if ('barrier' in item) (expected[item.barrier] ??= []).push(...items.slice(0, i).flatMap((x) => ('record' in x ? [x.record] : [])));
    });
  }
  return { name, input: { channels, picks }, expected };
}

/** Input c delivers records named a1, a2, … (input 0) or b1, b2, … (input 1), with barriers 1…n in between. */
function randomCase(seed: number): HiddenCase<AlignmentInput, Expected> {
  const rng = createRng(seed);
  const checkpoints = 1 + randomInt(rng, 3);
  const channels = ['a', 'b'].map((prefix) => {
    const items: AlignmentItem[] = [];
    let n = 0;
    for (let id = 1; id <= checkpoints + 1; id++) {
      for (let k = randomInt(rng, 5); k > 0; k--) items.push({ record: `${prefix}${++n}` });
      if (id <= checkpoints) items.push({ barrier: id });
    }
    return items;
  }) as [AlignmentItem[], AlignmentItem[]];
  return alignmentCase(`seeded inputs ${seed}`, channels, Array.from({ length: 64 }, rng));
}

const FIRST_CASE = alignmentCase('barrier 1 reaches input 0 first', [
  [{ record: 'a1' }, { record: 'a2' }, { barrier: 1 }, { record: 'a3' }, { record: 'a4' }],
  [{ record: 'b1' }, { record: 'b2' }, { record: 'b3' }, { barrier: 1 }, { record: 'b4' }],
], [0, 0, 0, 0, 0.99]);

const HIDDEN_RANDOM_CASES = 16;

/** Replays the code's log against the input; the first broken promise, in words. */
function findProblem(input: AlignmentInput, expected: Expected, { log, isStalled }: AlignmentOutput): Failure | undefined {
  const inputs = `${inputText(input)}`;
  const fail = (expectedText: string, got: string): Failure => ({ input: inputs, expected: expectedText, got });
  const next = [0, 0];
  const delivered: string[][] = [[], []];
  const processed: string[][] = [[], []];
  const barrierSeen = [0, 0];
  let snapshots = 0;
  for (const event of log as AlignmentEvent[]) {
    if (event.type === 'read') {
      const item = input.channels[event.channel][next[event.channel]++];
      if ('barrier' in item) barrierSeen[event.channel] = item.barrier;
      else delivered[event.channel].push(item.record);
    } else if (event.type === 'refuse') {
      if (barrierSeen[event.channel] <= snapshots) {
        return fail(`input ${event.channel} keeps flowing until it delivers barrier ${snapshots + 1}`, `input ${event.channel} was held back before its barrier ${snapshots + 1} arrived`);
      }
    } else if (event.type === 'process') {
      const c = event.channel;
      const due = delivered[c][processed[c].length];
      if (event.value !== due) {
        return fail(due === undefined ? `nothing new to process on input ${c}` : `process ${due} next on input ${c}`, `processed ${event.value} on input ${c}`);
      }
      processed[c].push(event.value);
    } else {
      const id = snapshots + 1;
      if (event.id !== id || barrierSeen[0] < id || barrierSeen[1] < id) {
        return fail(`snapshot ${id} once barrier ${id} has arrived on both inputs`, `snapshot ${event.id} after barriers ${barrierSeen[0] || 'none'} and ${barrierSeen[1] || 'none'}`);
      }
      const held = [...processed[0], ...processed[1]];
      if (listText(held) !== listText(expected[id])) return fail(`checkpoint ${id} holds ${listText(expected[id])}`, `checkpoint ${id} held ${listText(held)}`);
      snapshots = id;
    }
  }
  if (isStalled) return fail('both inputs keep moving once a checkpoint completes', `both inputs were held back with items still waiting (after ${snapshots} snapshots)`);
  const checkpoints = Object.keys(expected).length;
  if (snapshots < checkpoints) return fail(`${checkpoints} snapshots`, `${snapshots} snapshots`);
  const all = [...delivered[0], ...delivered[1]];
  const done = [...processed[0], ...processed[1]];
  if (done.length < all.length) return fail(`every record processed (${listText(all)})`, `${listText(all.filter((r) => !done.includes(r)))} never processed`);
  return undefined;
}

export const alignmentTask: Task<AlignmentInput, Expected> = {
  id: 'alignment',
  entry: 'createAligner',
  starter,
  solution,
  cases: (seed) => [FIRST_CASE, ...Array.from({ length: HIDDEN_RANDOM_CASES }, (_, i) => randomCase(seed * 1000 + i))],
  judge: ({ input, expected }, output) => findProblem(input, expected, output as AlignmentOutput),
  describeStep: (input, step) => (step < 0 ? 'createAligner(task)' : `read ${step + 1} (${inputText(input)})`),
};
