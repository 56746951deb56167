// How Kafka Streams turns a topology into tasks and spreads them over application instances and their stream
// threads, for a fresh group: no previous owners, no state on disk, no standby replicas, no rack tags. Facts from
// apache/kafka streams/src/main/java/org/apache/kafka/streams/processor/internals/:
// - PartitionGrouper.partitionGroups: one task per subtopology and partition number, as many as the subtopology's
//   source topic with the most partitions; task ids sort by subtopology, then partition.
// - assignment/HighAvailabilityTaskAssignor (the default assignor): stateful tasks are dealt round-robin over the
//   clients in id order, then balanceTasksOverThreads moves a task from a client to another only while that lowers
//   the gap in tasks per thread; each stateless task goes to the client with the fewest active tasks per thread
//   (ConstrainedPrioritySet, ties by client id).
// - StreamsPartitionAssignor.assignTasksToThreads: inside a client, threads in name order are filled to
//   ⌊tasks / threads⌋ in turn, then the remaining tasks go one each to threads still at that minimum.
// Real client ids are random process UUIDs, so WHICH instance gets which task differs from run to run; how many
// tasks each instance and thread gets (and so how many threads sit idle) does not, when instances are alike.

export interface SubtopologySpec {
  /** Topics this subtopology reads (a join's inputs are read by one subtopology). */
  sourceTopics: string[];
  /** It has a state store (an aggregation, a join, a table): stateful tasks are balanced first. */
  isStateful: boolean;
}

export interface StreamsTask {
  /** "0_3": subtopology 0, partition 3 — Kafka Streams' own task id format. */
  id: string;
  subtopology: number;
  partition: number;
  isStateful: boolean;
}

export interface ThreadAssignment { name: string; tasks: StreamsTask[] }
export interface InstanceAssignment { name: string; threads: ThreadAssignment[] }

export class AssignmentInputError extends Error {}

/** One task per subtopology and partition number (PartitionGrouper). */
export function tasksOf(subtopologies: readonly SubtopologySpec[], partitionsOf: Readonly<Record<string, number>>): StreamsTask[] {
  return subtopologies.flatMap((sub, subtopology) => {
    const counts = sub.sourceTopics.map((topic) => {
      const n = partitionsOf[topic];
      if (!Number.isInteger(n) || n < 1) throw new AssignmentInputError(`topic "${topic}": expected a partition count ≥ 1, got ${String(n)}`);
      return n;
    });
    if (counts.length === 0) throw new AssignmentInputError(`subtopology ${subtopology}: expected at least one source topic`);
    const partitions = Math.max(...counts);
    return Array.from({ length: partitions }, (_, partition) => ({ id: `${subtopology}_${partition}`, subtopology, partition, isStateful: sub.isStateful }));
  });
}

const compareTasks = (a: StreamsTask, b: StreamsTask) => a.subtopology - b.subtopology || a.partition - b.partition;

interface Client { name: string; capacity: number; tasks: StreamsTask[] }

const load = (c: Client, extra = 0) => (c.tasks.length + extra) / c.capacity;

/** HighAvailabilityTaskAssignor.shouldMoveATask: move only if the gap shrinks and does not flip. */
function shouldMove(source: Client, destination: Client): boolean {
  const skew = load(source) - load(destination);
  if (skew <= 0) return false;
  const proposedSkew = load(source, -1) - load(destination, 1);
  return proposedSkew >= 0 && proposedSkew < skew;
}

function balance(clients: Client[], isMovable: (task: StreamsTask) => boolean): void {
  let isMoving = true;
  while (isMoving) {
    isMoving = false;
    for (const source of clients) {
      for (const destination of clients) {
        if (source === destination) continue;
        for (const task of source.tasks.filter(isMovable).sort(compareTasks)) {
          if (!shouldMove(source, destination)) break;
          source.tasks.splice(source.tasks.indexOf(task), 1);
          destination.tasks.push(task);
          isMoving = true;
        }
      }
    }
  }
}

/** StreamsPartitionAssignor.assignTasksToThreads for one client with no previous tasks. */
function spreadOverThreads(tasks: StreamsTask[], threadNames: string[], threadLoad: Map<string, number>): Map<string, StreamsTask[]> {
  const assignment = new Map(threadNames.map((name) => [name, [] as StreamsTask[]]));
  const loadOf = (name: string) => assignment.get(name)!.length + (threadLoad.get(name) ?? 0);
  const total = tasks.length + [...threadLoad.values()].reduce((a, b) => a + b, 0);
  const minPerThread = Math.floor(total / threadNames.length);
  const unassigned = [...tasks].sort(compareTasks);
  const toFill = threadNames.filter((name) => loadOf(name) < minPerThread);
  while (toFill.length > 0 && unassigned.length > 0) {
    const name = toFill.shift()!;
    assignment.get(name)!.push(unassigned.shift()!);
    if (loadOf(name) < minPerThread) toFill.push(name);
  }
  // Kafka walks what is left in its queue's internal order; which leftover lands where may differ, the counts do not.
  const atMinimum = threadNames.filter((name) => loadOf(name) === minPerThread);
  for (const task of unassigned) assignment.get(atMinimum.shift()!)!.push(task);
  for (const name of threadNames) threadLoad.set(name, loadOf(name));
  return assignment;
}


/**
 * Assigns `tasks` to instances that run `threadsPerInstance[i]` stream threads each. Instances are named
 * "instance 1", …, threads "thread 1", … (StreamThread-1, … in Kafka), both taken in that order.
 */
export function assignTasks(tasks: readonly StreamsTask[], threadsPerInstance: readonly number[]): InstanceAssignment[] {
  if (threadsPerInstance.length === 0) throw new AssignmentInputError('expected at least one instance');
  threadsPerInstance.forEach((n, i) => {
    if (!Number.isInteger(n) || n < 1) throw new AssignmentInputError(`instance ${i + 1}: expected num.stream.threads ≥ 1, got ${String(n)}`);
  });
  const clients: Client[] = threadsPerInstance.map((capacity, i) => ({ name: `instance ${i + 1}`, capacity, tasks: [] }));
  const stateful = tasks.filter((t) => t.isStateful).sort(compareTasks);
  stateful.forEach((task, i) => clients[i % clients.length].tasks.push(task));
  balance(clients, (task) => task.isStateful);
  for (const task of tasks.filter((t) => !t.isStateful).sort(compareTasks)) {
    const lightest = clients.reduce((best, c) => (load(c) < load(best) ? c : best));
    lightest.tasks.push(task);
  }
  return clients.map((client) => {
    const names = Array.from({ length: client.capacity }, (_, i) => `thread ${i + 1}`);
    // Stateful tasks are spread first, stateless ones after, counting what each thread already has.
    const threadLoad = new Map<string, number>();
    const first = spreadOverThreads(client.tasks.filter((t) => t.isStateful), names, threadLoad);
    const second = spreadOverThreads(client.tasks.filter((t) => !t.isStateful), names, threadLoad);
    return { name: client.name, threads: names.map((name) => ({ name, tasks: [...first.get(name)!, ...second.get(name)!] })) };
  });
}

/** Threads that were given no task: they poll, but have nothing to process. */
export function idleThreads(assignment: readonly InstanceAssignment[]): { instance: string; thread: string }[] {
  return assignment.flatMap((instance) => instance.threads.filter((t) => t.tasks.length === 0).map((t) => ({ instance: instance.name, thread: t.name })));
}
