// Storm's at-least-once acking (spec R7.16–R7.18) seen from the spout: which tuples were emitted again because their
// tuple tree was not complete within topology.message.timeout.secs, and how large topology.max.spout.pending may be
// before that happens. Both answers come from runtime runs of the scenario (the trace counts each log record's reads).
import { run, type Scenario } from '../../sim/index.ts';
import { formatSeconds, type RunView } from '../runView.ts';
import type { NumberQuestion } from './catalog.ts';

function ackingOf(scenario: Scenario) {
  const acking = scenario.pipeline.runtime?.acking;
  if (scenario.profile !== 'storm' || !acking) throw new RangeError('this question needs a storm scenario with pipeline.runtime');
  return acking;
}

/** The labels (e1, …) of the records the spout emitted more than once. */
function replayed(view: RunView, scenario: Scenario = view.scenario): string[] {
  ackingOf(scenario);
  const reads = run(scenario, { trace: true }).runtime!.reads;
  return view.records.filter((r) => reads[r.row] >= 2).map((r) => r.id);
}

const withPending = (scenario: Scenario, maxSpoutPending: number): Scenario => {
  const runtime = scenario.pipeline.runtime!;
  return { ...scenario, pipeline: { ...scenario.pipeline, runtime: { ...runtime, acking: { ...runtime.acking!, maxSpoutPending } } } };
};

/** The largest cap, counting up from 1, before the first one that makes the spout replay (firstReplayed: what it replays). */
function largestPending(view: RunView): { cap: number; firstReplayed?: string[] } {
  for (let cap = 1; cap <= view.records.length; cap++) {
    const ids = replayed(view, withPending(view.scenario, cap));
    if (ids.length > 0) return { cap: cap - 1, firstReplayed: ids };
  }
  return { cap: view.records.length };
}

const replayedTuples: NumberQuestion = {
  shape: 'number',
  summary: 'storm runtime scenarios: how many spout tuples were emitted again after their tuple tree failed or timed out',
  needs: [],
  dimension: 'count',
  answer: (view) => replayed(view).length,
  explain: (view) => {
    const ids = replayed(view);
    const timeout = formatSeconds(ackingOf(view.scenario).messageTimeoutMs);
    return ids.length === 0
      ? `Every tuple tree was complete within the ${timeout} s message timeout, so the spout replayed nothing.`
      : `${ids.join(', ')} ${ids.length === 1 ? 'was' : 'were'} not fully processed within the ${timeout} s message timeout, so the spout emitted ${ids.length === 1 ? 'it' : 'them'} again.`;
  },
};

const spoutPendingWithoutReplays: NumberQuestion = {
  shape: 'number',
  summary: 'storm runtime scenarios: the largest topology.max.spout.pending at which no tuple is replayed',
  needs: [],
  dimension: 'count',
  answer: (view) => largestPending(view).cap,
  explain: (view) => {
    const { cap, firstReplayed } = largestPending(view);
    if (!firstReplayed) return `Even with ${cap} tuples in flight, every tuple tree completes within the message timeout.`;
    return `With max.spout.pending ${cap} no tuple is replayed; with ${cap + 1}, ${firstReplayed.join(', ')} time out and are emitted again.`;
  },
};

export const stormAcking = { 'replayed-tuples': replayedTuples, 'spout-pending-without-replays': spoutPendingWithoutReplays };
