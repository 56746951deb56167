// Kafka Streams' partition → task → instance → thread assignment for a fresh group (HighAvailabilityTaskAssignor
// and StreamsPartitionAssignor.assignTasksToThreads), hand-checked cases and balance properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AssignmentInputError, assignTasks, idleThreads, tasksOf, type InstanceAssignment } from '../../../../src/sim/kafka/taskAssignment.ts';

const countTask = (partitions: number) => tasksOf([{ sourceTopics: ['clicks'], isStateful: true }], { clicks: partitions });
const perThread = (a: InstanceAssignment[]) => a.map((i) => i.threads.map((t) => t.tasks.map((task) => task.id)));

describe('tasks', () => {
  it('makes one task per partition of a windowed count over a 6-partition topic', () => {
    expect(countTask(6).map((t) => t.id)).toEqual(['0_0', '0_1', '0_2', '0_3', '0_4', '0_5']);
  });

  it('makes one task per partition number for a join, as many as the larger input has', () => {
    const tasks = tasksOf([{ sourceTopics: ['orders', 'payments'], isStateful: true }], { orders: 4, payments: 4 });
    expect(tasks).toHaveLength(4);
  });

  it('numbers each subtopology on its own: a repartitioned topology has two sets of tasks', () => {
    const tasks = tasksOf([
      { sourceTopics: ['clicks'], isStateful: false },
      { sourceTopics: ['clicks-by-user-repartition'], isStateful: true },
    ], { clicks: 3, 'clicks-by-user-repartition': 2 });
    expect(tasks.map((t) => t.id)).toEqual(['0_0', '0_1', '0_2', '1_0', '1_1']);
  });

  it('names the topic whose partition count is missing or wrong', () => {
    expect(() => tasksOf([{ sourceTopics: ['clicks'], isStateful: true }], {})).toThrow(/topic "clicks": expected a partition count ≥ 1, got undefined/);
    expect(() => tasksOf([{ sourceTopics: ['clicks'], isStateful: true }], { clicks: 0 })).toThrow(AssignmentInputError);
  });
});

describe('assignment for a fresh group', () => {
  it('leaves 2 of 8 threads idle with 6 partitions on 4 instances × 2 threads (curriculum L09 Ex1)', () => {
    const assignment = assignTasks(countTask(6), [2, 2, 2, 2]);
    expect(perThread(assignment)).toEqual([[['0_0'], ['0_4']], [['0_1'], ['0_5']], [['0_2'], []], [['0_3'], []]]);
    expect(idleThreads(assignment)).toEqual([{ instance: 'instance 3', thread: 'thread 2' }, { instance: 'instance 4', thread: 'thread 2' }]);
  });

  it('gives a thread several tasks when there are more partitions than threads', () => {
    const assignment = assignTasks(countTask(12), [2, 2]);
    expect(assignment.flatMap((i) => i.threads.map((t) => t.tasks.length))).toEqual([3, 3, 3, 3]);
    expect(idleThreads(assignment)).toEqual([]);
  });

  it('weighs instances by their thread count: an instance with 3 threads takes 3 of 4 tasks', () => {
    const assignment = assignTasks(countTask(4), [3, 1]);
    expect(assignment.map((i) => i.threads.reduce((n, t) => n + t.tasks.length, 0))).toEqual([3, 1]);
  });

  // The two cases HighAvailabilityTaskAssignorTest checks for instances of unequal size (fresh stateful tasks).
  const perInstance = (a: InstanceAssignment[]) => a.map((i) => i.threads.reduce((n, t) => n + t.tasks.length, 0));
  const subtopologies = (n: number) => Array.from({ length: n }, (_, i) => ({ sourceTopics: [`t${i}`], isStateful: true }));
  const threeEach = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`t${i}`, 3]));

  it('gives 1, 2 and 3 of 6 tasks to instances of 1, 2 and 3 threads, as Kafka\'s own test expects', () => {
    expect(perInstance(assignTasks(tasksOf(subtopologies(2), threeEach(2)), [1, 2, 3]))).toEqual([1, 2, 3]);
  });

  it('gives 6 and 3 of 9 tasks to instances of 6 and 3 threads, as Kafka\'s own test expects', () => {
    expect(perInstance(assignTasks(tasksOf(subtopologies(3), threeEach(3)), [6, 3]))).toEqual([6, 3]);
  });

  it('spreads stateless tasks to the instance with the fewest tasks per thread', () => {
    const tasks = tasksOf([{ sourceTopics: ['clicks'], isStateful: false }], { clicks: 3 });
    expect(perThread(assignTasks(tasks, [1, 1, 1]))).toEqual([[['0_0']], [['0_1']], [['0_2']]]);
  });

  it('refuses an instance without threads, naming it', () => {
    expect(() => assignTasks(countTask(2), [2, 0])).toThrow(/instance 2: expected num.stream.threads ≥ 1, got 0/);
    expect(() => assignTasks(countTask(2), [])).toThrow(/at least one instance/);
  });

  const setups = fc.record({
    partitions: fc.integer({ min: 1, max: 40 }),
    instances: fc.integer({ min: 1, max: 8 }),
    threads: fc.integer({ min: 1, max: 6 }),
    stateless: fc.integer({ min: 0, max: 20 }),
  });

  it('assigns every task exactly once, keeps threads within one task of each other, and idles max(0, threads − tasks) threads', () => {
    fc.assert(fc.property(setups, ({ partitions, instances, threads, stateless }) => {
      const tasks = tasksOf([{ sourceTopics: ['a'], isStateful: true }, { sourceTopics: ['b'], isStateful: false }], { a: partitions, b: Math.max(1, stateless) });
      const assignment = assignTasks(tasks, Array(instances).fill(threads));
      const ids = assignment.flatMap((i) => i.threads.flatMap((t) => t.tasks.map((task) => task.id))).sort();
      expect(ids).toEqual(tasks.map((t) => t.id).sort());
      const counts = assignment.flatMap((i) => i.threads.map((t) => t.tasks.length));
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      expect(idleThreads(assignment)).toHaveLength(Math.max(0, instances * threads - tasks.length));
    }), { numRuns: 1000 });
  });

  it('gives the same assignment for the same input', () => {
    fc.assert(fc.property(setups, ({ partitions, instances, threads }) => {
      expect(assignTasks(countTask(partitions), Array(instances).fill(threads))).toEqual(assignTasks(countTask(partitions), Array(instances).fill(threads)));
    }), { numRuns: 200 });
  });
});
