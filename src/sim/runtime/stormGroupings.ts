// Storm stream groupings: which of a bolt's tasks get a tuple. Facts from apache/storm storm-client
// (org.apache.storm.grouping, daemon/GrouperFactory, utils/TupleUtils):
// - shuffle: each sender walks a shuffled list of the target tasks and reshuffles it when it wraps around, so tasks
//   get equal shares; localOrShuffle does the same over the targets in the sender's worker when there are any.
// - fields: task index = floorMod(Arrays.deepHashCode(field values), tasks) — for one string field that is
//   31 + String.hashCode(value), in 32-bit arithmetic.
// - all: every task gets a copy; global: the task with the lowest id gets everything.
import type { Rng } from '../rng.ts';
import { javaHashCode } from './keyGroups.ts';
import type { Grouping } from './types.ts';

/** TupleUtils.chooseTaskIndex for a single string field. */
export const fieldsTaskIndex = (key: string, tasks: number): number => {
  const hash = (31 + javaHashCode(key)) | 0;
  return ((hash % tasks) + tasks) % tasks;
};

function shuffled(items: number[], rng: Rng): number[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Routes tuples into one bolt: `targets` are its task ids, `workerOf` maps any task id to its worker. */
export class Router {
  private readonly cycles = new Map<number, { order: number[]; next: number }>();

  constructor(
    readonly grouping: Grouping,
    private readonly targets: number[],
    private readonly workerOf: readonly number[],
    private readonly rng: Rng,
  ) {}

  /** The task ids that receive a tuple with this key from task `sender`. */
  route(sender: number, key: string): number[] {
    switch (this.grouping) {
      case 'fields': return [this.targets[fieldsTaskIndex(key, this.targets.length)]];
      case 'all': return this.targets;
      case 'global': return [this.targets[0]];
      case 'shuffle': return [this.nextOf(sender, this.targets)];
      case 'localOrShuffle': {
        const local = this.targets.filter((t) => this.workerOf[t] === this.workerOf[sender]);
        return [this.nextOf(sender, local.length > 0 ? local : this.targets)];
      }
    }
  }

  private nextOf(sender: number, pool: number[]): number {
    let cycle = this.cycles.get(sender);
    if (!cycle || cycle.next >= cycle.order.length) {
      cycle = { order: shuffled(pool, this.rng), next: 0 };
      this.cycles.set(sender, cycle);
    }
    return cycle.order[cycle.next++];
  }
}
