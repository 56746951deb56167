// Questions about settings rather than one run: the question re-runs the scenario with other values and reports
// the one that first meets a condition (curriculum L04 Ex2: "the minimum delay with no drops").
import { run, type Scenario } from '../../sim/index.ts';
import { formatSeconds, inputLabel, type RunView } from '../runView.ts';
import type { NumberQuestion } from './catalog.ts';

/** Delays are tried in whole seconds, the unit lessons teach the watermark in. */
const DELAY_STEP_MS = 1000;

function withDelay(scenario: Scenario, delayMs: number): Scenario | undefined {
  const watermark = scenario.pipeline.watermark;
  if (watermark?.type !== 'bounded') return undefined;
  // The late side output is switched on so that every drop is reported in the result.
  return { ...scenario, pipeline: { ...scenario.pipeline, lateOutput: true, watermark: { ...watermark, delay: delayMs } } };
}

/** Drops happen only when the watermark passes a window's end, so a delay as long as the spread of event times drops nothing. */
function delayBoundMs(scenario: Scenario): number {
  const times = (scenario.events ?? []).map((e) => e.ts).filter(Number.isFinite);
  const spread = times.length > 0 ? Math.max(...times) - Math.min(...times) : 0;
  return Math.ceil(spread / DELAY_STEP_MS) * DELAY_STEP_MS;
}

function firstDrop(scenario: Scenario): string | undefined {
  const [late] = run(scenario).result.late;
  return late && inputLabel(scenario, late.step);
}

/** The smallest delay (a multiple of a second) with no drop, and the record the next smaller delay drops. */
function smallestDelay(view: RunView): { delayMs: number; droppedBelow?: string } | undefined {
  if (!withDelay(view.scenario, 0)) return undefined;
  let droppedBelow: string | undefined;
  for (let delayMs = 0; delayMs <= delayBoundMs(view.scenario); delayMs += DELAY_STEP_MS) {
    const dropped = firstDrop(withDelay(view.scenario, delayMs)!);
    if (!dropped) return { delayMs, droppedBelow };
    droppedBelow = dropped;
  }
  return undefined;
}

const smallestDelayWithoutDrops: NumberQuestion = {
  shape: 'number',
  summary: 'the smallest watermark delay, in whole seconds, at which no record is dropped',
  needs: [],
  dimension: 'time',
  answer: (view) => smallestDelay(view)?.delayMs ?? Number.NaN,
  explain: (view) => {
    const found = smallestDelay(view);
    if (!found) return 'This scenario has no bounded watermark delay to change.';
    const seconds = formatSeconds(found.delayMs);
    if (found.droppedBelow === undefined) return `Even with no delay at all, no record is dropped.`;
    return `With a delay of ${seconds} s no record is dropped; with ${formatSeconds(found.delayMs - DELAY_STEP_MS)} s, ${found.droppedBelow} is dropped.`;
  },
};

export const tuning = { 'smallest-delay-without-drops': smallestDelayWithoutDrops };
