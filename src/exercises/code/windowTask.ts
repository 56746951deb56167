// Task 2: a keyed tumbling-window count with allowed lateness, as Flink's WindowOperator with its default
// trigger runs it (spec R4.1–R4.5). Each hidden case is a Flink-profile simulator run: the learner's operator gets
// the records and operator watermarks in the order the simulator's operator got them, and must emit the same
// results (window, count, ON_TIME/LATE) and drop the same records, at the same input steps.
import { createRng, type Trace } from '../../sim/index.ts';
import { ms, randomInt, runTraced, tail, type Task } from './task.ts';
import type { HiddenCase, WindowEmission, WindowInput, WindowOutput, WindowStep } from './types.ts';

const starter = `// A keyed tumbling-window count with allowed lateness.
// out.fire(key, start, end, count, timing) emits a result; timing is 'ON_TIME' or 'LATE'.
// out.drop(key, ts) reports a record that came too late for its window.
// Watermarks follow Flink: wm promises that no record with ts <= wm is still coming.
function createWindowOperator({ sizeMs, allowedLatenessMs }, out) {
  let watermark = -Infinity;
  return {
    onElement(key, ts) {
      // Which window [start, end) holds ts? Is the record on time, late but allowed, or too late?
    },
    onWatermark(wm) {
      watermark = wm;
      // Fire every window whose last millisecond (end - 1) the watermark has reached.
    },
  };
}
`;

const solution = `function createWindowOperator({ sizeMs, allowedLatenessMs }, out) {
  const windows = new Map(); // "key|start" -> { key, start, end, count, hasFired }
  let watermark = -Infinity;
  // A window [start, end) holds records up to end - 1, and its state is kept
  // until the watermark passes end - 1 + allowed lateness.
  const cleanupTime = (end) => end - 1 + allowedLatenessMs;

  return {
    onElement(key, ts) {
      const start = ts - (((ts % sizeMs) + sizeMs) % sizeMs);
      const end = start + sizeMs;
      if (cleanupTime(end) <= watermark) return out.drop(key, ts);
      const id = key + '|' + start;
      if (!windows.has(id)) windows.set(id, { key, start, end, count: 0, hasFired: false });
      const w = windows.get(id);
      w.count += 1;
      // Already complete but still kept: fire again at once, with the full count.
      if (end - 1 <= watermark) {
        w.hasFired = true;
        out.fire(key, start, end, w.count, 'LATE');
      }
    },
    onWatermark(wm) {
      watermark = wm;
      const due = [...windows.entries()]
        .filter(([, w]) => w.end - 1 <= wm)
        .sort(([, a], [, b]) => a.end - b.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      for (const [id, w] of due) {
        if (!w.hasFired) {
          w.hasFired = true;
          out.fire(w.key, w.start, w.end, w.count, 'ON_TIME');
        }
        if (cleanupTime(w.end) <= wm) windows.delete(id);
      }
    },
  };
}
`;

/** The operator's inputs (records, operator watermarks) and what it emitted at each, in trace order. */
export function windowCase(name: string, scenario: unknown): HiddenCase<WindowInput, WindowOutput> {
  const run = runTraced(scenario);
  const { trace } = run;
  const pipeline = (scenario as { pipeline: { window: { size: number }; allowedLateness?: number } }).pipeline;
  const rows = [...inputRows(trace), ...emissionRows(trace)].sort((a, b) => a.seq - b.seq);
  const steps: WindowStep[] = [];
  const expected: WindowOutput = [];
  for (const row of rows) {
    if (row.step) {
      steps.push(row.step);
      expected.push([]);
    } else expected[expected.length - 1].push(row.emission!);
  }
  return { name, input: { sizeMs: pipeline.window.size, allowedLatenessMs: pipeline.allowedLateness ?? 0, steps }, expected: expected.map(canonical) };
}

interface Row { seq: number; step?: WindowStep; emission?: WindowEmission }

function inputRows(trace: Trace): Row[] {
  const { records, watermarks } = trace;
  const rows: Row[] = Array.from({ length: records.length }, (_, i) => ({ seq: records.seq[i], step: { key: trace.keys[records.keyId[i]], ts: records.ts[i] } }));
  for (let i = 0; i < watermarks.length; i++) {
    if (watermarks.scope[i] < 0) rows.push({ seq: watermarks.seq[i], step: { wm: watermarks.value[i] } });
  }
  return rows;
}

function emissionRows(trace: Trace): Row[] {
  const fires = trace.panes.map((p): Row => ({
    seq: p.seq, emission: { kind: 'fire', key: p.key, start: p.start!, end: p.end!, count: Number(p.value), timing: p.timing ?? '' },
  }));
  const drops = trace.drops.map((d): Row => ({ seq: d.seq, emission: { kind: 'drop', key: d.key, ts: d.ts } }));
  return [...fires, ...drops];
}

/** Results of one step in R4.26's order (window end, key, start): engines do not fix the order across keys (R8.4). */
const canonical = (emissions: WindowEmission[]): WindowEmission[] => [...emissions].sort((a, b) => order(a) - order(b) || text(a).localeCompare(text(b)));
const order = (e: WindowEmission) => (e.kind === 'fire' ? e.end : e.ts);

const text = (e: WindowEmission): string =>
  e.kind === 'fire' ? `${e.key} [${e.start},${e.end}) = ${e.count} ${e.timing}` : `drop ${e.key}@${e.ts}`;
const listText = (emissions: WindowEmission[]): string => (emissions.length === 0 ? 'nothing' : emissions.map(text).join(', '));
const stepText = (step: WindowStep): string => ('wm' in step ? `watermark ${ms(step.wm)}` : `${step.key}@${step.ts}`);

/** A seeded keyed stream, one record a second, out of order, with a watermark delay, lateness and window size. */
function randomScenario(seed: number): unknown {
  const rng = createRng(seed);
  return {
    format: 'eventide.scenario/1', name: `seeded stream ${seed}`, profile: 'flink', seed,
    pipeline: {
      window: { type: 'tumbling', size: [2000, 5000, 10000][randomInt(rng, 3)] }, aggregate: 'count',
      watermark: { type: 'bounded', delay: 1000 * randomInt(rng, 4), emit: randomInt(rng, 2) === 0 ? 'per-record' : 'periodic' },
      allowedLateness: 1000 * [0, 0, 1, 2, 5][randomInt(rng, 5)],
    },
    // Whole seconds put records and watermarks right on window boundaries, where ≤ and < differ.
    generator: { count: 15 + randomInt(rng, 30), ratePerSec: 1, keys: { count: 1 + randomInt(rng, 3), prefix: 'k' }, disorder: { type: 'uniform', maxDelayMs: 1000 * randomInt(rng, 9) } },
    steps: [{ end: true }],
  };
}

/** Records that arrive exactly one watermark step before and at a window's cleanup time, where < and ≤ differ. */
function boundaryScenario(seed: number): unknown {
  const rng = createRng(seed);
  const size = [2000, 5000, 10000][randomInt(rng, 3)];
  const lateness = [0, 1000, 3000][randomInt(rng, 3)];
  const delay = [0, 500, 2000][randomInt(rng, 3)];
  const start = size * (1 + randomInt(rng, 3));
  const end = start + size;
  // Per-record watermarks are max − delay − 1 (R3.1), so a record at end + lateness + delay makes W = end − 1 + lateness.
  const times: [string, number][] = [
    ['a', start + 100], ['b', start + 200], ['a', end + lateness + delay - 1], ['b', start + 300], ['a', end + lateness + delay], ['b', start + 400],
  ];
  return {
    format: 'eventide.scenario/1', name: `cleanup boundary ${seed}`, profile: 'flink', seed,
    pipeline: { window: { type: 'tumbling', size }, aggregate: 'count', watermark: { type: 'bounded', delay, emit: 'per-record' }, allowedLateness: lateness },
    events: times.map(([key, ts], i) => ({ key, value: 1, ts, arrivalMs: 1000 * (i + 1) })),
    steps: [{ end: true }],
  };
}

const HIDDEN_RANDOM_CASES = 12;

export const windowTask: Task<WindowInput, WindowOutput> = {
  id: 'window',
  entry: 'createWindowOperator',
  starter,
  solution,
  cases(seed, scenario) {
    const fixed = scenario === undefined ? [] : [windowCase('the lesson\'s scenario', scenario)];
    const random = Array.from({ length: HIDDEN_RANDOM_CASES }, (_, i) => {
      const caseSeed = seed * 1000 + i;
      return windowCase(`seeded stream ${caseSeed}`, randomScenario(caseSeed));
    });
    return [...fixed, windowCase('at the cleanup boundary', boundaryScenario(seed)), ...random];
  },
  judge({ input, expected }, output) {
    const got = (output as WindowOutput).map(canonical);
    const at = expected.findIndex((want, i) => listText(want) !== listText(got[i] ?? []));
    if (at < 0) return undefined;
    const history = input.steps.slice(0, at + 1).map((step, i) => (i < at && expected[i].length > 0 ? `${stepText(step)} → ${listText(expected[i])}` : stepText(step)));
    return {
      input: `windows of ${input.sizeMs} ms, allowed lateness ${input.allowedLatenessMs} ms. Up to step ${at + 1}: ${tail(history)}`,
      expected: `at ${stepText(input.steps[at])}: ${listText(expected[at])}`,
      got: `${listText(got[at] ?? [])}`,
    };
  },
  describeStep: (input, step) => (step < 0 ? 'createWindowOperator(…)' : `step ${step + 1} (${stepText(input.steps[step])})`),
};
