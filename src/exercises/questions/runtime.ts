// Questions about the parallel job a runtime scenario describes (`pipeline.runtime`): how its operators chain into
// tasks, how many slots it needs, and which window subtask owns a record's key. The answers come from the parsed
// job graph and the simulator's own key-group assignment (spec R7.1, R7.2), so they match what the runtime does.
import { keyGroupOf, subtaskOfKeyGroup, type OperatorSpec } from '../../sim/index.ts';
import { findRecord, type RunView } from '../runView.ts';
import type { NumberQuestion, QuestionRef } from './catalog.ts';

function operatorsOf(view: RunView): OperatorSpec[] {
  const runtime = view.scenario.pipeline.runtime;
  if (!runtime) throw new RangeError('this question needs a runtime scenario (pipeline.runtime)');
  return runtime.operators;
}

/**
 * Flink chains an operator into its predecessor's task when the edge between them is forward (so both have the
 * same parallelism) and chaining is on, the default (StreamingJobGraphGenerator.isChainable). Each chain runs as
 * one task per parallel instance.
 */
function chainsOf(view: RunView): OperatorSpec[][] {
  const chains: OperatorSpec[][] = [];
  for (const op of operatorsOf(view)) {
    if (chains.length > 0 && op.partitioning === 'forward') chains.at(-1)!.push(op);
    else chains.push([op]);
  }
  return chains;
}

const describeChain = (chain: OperatorSpec[]) => `${chain.map((op) => op.name).join(' → ')} (${chain[0].parallelism})`;

const chainedTasks: NumberQuestion = {
  shape: 'number',
  summary: 'how many parallel tasks the job runs once operators are chained',
  needs: [],
  dimension: 'count',
  answer: (view) => chainsOf(view).reduce((sum, chain) => sum + chain[0].parallelism, 0),
  explain: (view) => {
    const chains = chainsOf(view);
    return `The job has ${chains.length} chains: ${chains.map(describeChain).join(', ')}; a chain runs one task per parallel instance, ${chains.map((c) => c[0].parallelism).join(' + ')} in all.`;
  },
};

// With one slot-sharing group (the default), a slot can hold one subtask of every operator.
const slotsNeeded: NumberQuestion = {
  shape: 'number',
  summary: 'how many task slots the job needs with the default slot sharing',
  needs: [],
  dimension: 'count',
  answer: (view) => Math.max(...operatorsOf(view).map((op) => op.parallelism)),
  explain: (view) => {
    const widest = operatorsOf(view).reduce((a, b) => (b.parallelism > a.parallelism ? b : a));
    return `All operators share one slot-sharing group, so a slot holds one subtask of each; the widest operator, ${widest.name}, has ${widest.parallelism} subtasks.`;
  },
};

function ownerOf(view: RunView, ref: QuestionRef) {
  const record = findRecord(view, ref.record!);
  const runtime = view.scenario.pipeline.runtime!;
  const window = operatorsOf(view).find((op) => op.kind === 'window')!;
  const keyGroup = keyGroupOf(record.key, runtime.maxParallelism);
  return { record, keyGroup, parallelism: window.parallelism, maxParallelism: runtime.maxParallelism, subtask: subtaskOfKeyGroup(keyGroup, window.parallelism, runtime.maxParallelism) };
}

const recordSubtask: NumberQuestion = {
  shape: 'number',
  summary: "the window subtask (0-based) that owns a record's key",
  needs: ['record'],
  dimension: 'count',
  answer: (view, ref) => ownerOf(view, ref).subtask,
  explain: (view, ref) => {
    const o = ownerOf(view, ref);
    return `Key "${o.record.key}" of ${o.record.id} hashes to key group ${o.keyGroup} of ${o.maxParallelism}; at parallelism ${o.parallelism} that is subtask ⌊${o.keyGroup} · ${o.parallelism} / ${o.maxParallelism}⌋ = ${o.subtask}.`;
  },
};

export const runtime = {
  'chained-tasks': chainedTasks,
  'slots-needed': slotsNeeded,
  'record-subtask': recordSubtask,
};
