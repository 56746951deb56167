// Which Storm grouping gives correct per-key counts (storm-topologies lesson, curriculum L07 Ex2)? The simulator runs
// the topology once per grouping of its counting bolt (compareGroupings): a grouping fits when every key's stored
// count is whole, each tuple is counted once, and the work is spread over more than one of the bolt's tasks.
import { compareGroupings, type GroupingOutcome } from '../../sim/index.ts';
import type { RunView } from '../runView.ts';
import type { Option, SetQuestion } from './catalog.ts';

const LABELS: Record<string, string> = {
  shuffle: 'shuffleGrouping', fields: 'fieldsGrouping on the key', all: 'allGrouping', global: 'globalGrouping',
  localOrShuffle: 'localOrShuffleGrouping',
};

/** The counting (last) bolt's task count, and the outcome of each grouping. */
function outcomes(view: RunView): { tasks: number; results: GroupingOutcome[] } {
  const results = compareGroupings(view.scenario);
  return { tasks: view.scenario.pipeline.runtime!.operators.at(-1)!.parallelism, results };
}

const fits = (o: GroupingOutcome) => o.isCorrect && o.writesPerRecord === 1 && o.tasksUsed > 1;

function why(o: GroupingOutcome, tasks: number): string {
  const name = LABELS[o.grouping];
  if (!o.isCorrect) {
    const split = o.keys.find((k) => JSON.stringify(k.stored) !== JSON.stringify(k.expected))!;
    return `${name} spreads one key's tuples over several tasks, so no task holds a whole count: the store ends with ${split.key} = ${String(split.stored)}, not ${String(split.expected)}`;
  }
  if (o.writesPerRecord > 1) return `${name} sends a copy of every tuple to each of the ${tasks} tasks: the counts are whole, but every tuple is counted ${o.writesPerRecord} times`;
  if (o.tasksUsed <= 1) return `${name} sends every tuple to one task: the counts are whole, but 1 of the ${tasks} tasks does all the work`;
  return `${name} sends all of a key's tuples to the same task: every count is whole, each tuple is counted once, and ${o.tasksUsed} of the ${tasks} tasks share the work`;
}

const groupingsForPerKeyCounts: SetQuestion = {
  shape: 'set',
  summary: 'storm runtime scenarios: the groupings of the counting bolt that keep every key\'s count whole, count each tuple once and use more than one task',
  needs: [],
  options: (view) => {
    const { tasks, results } = outcomes(view);
    return results.map((o): Option => ({ id: o.grouping, label: LABELS[o.grouping], why: why(o, tasks) }));
  },
  answer: (view) => outcomes(view).results.filter(fits).map((o) => o.grouping),
};

export const stormGroupings = { 'groupings-for-per-key-counts': groupingsForPerKeyCounts };
