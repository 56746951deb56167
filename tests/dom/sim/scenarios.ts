// Small real scenarios for component tests that run the simulator (times in ms).
export const lateRecordScenario = () => ({
  format: 'eventide.scenario/1',
  name: 'one late record',
  profile: 'flink',
  pipeline: { window: { type: 'tumbling', size: 10000 }, aggregate: 'count', watermark: { type: 'bounded', delay: 5000, emit: 'per-record' }, lateOutput: true },
  events: [
    { key: 'k', ts: 1000, arrivalMs: 1000 },
    { key: 'k', ts: 4000, arrivalMs: 4000 },
    { key: 'k', ts: 12000, arrivalMs: 12000 },
    { key: 'k', ts: 3000, arrivalMs: 13000 },
    { key: 'k', ts: 15000, arrivalMs: 15000 },
    { key: 'k', ts: 9000, arrivalMs: 16000 },
  ],
  steps: [{ end: true }],
});

/** A parallel job (spec §7): two window subtasks, a checkpoint every second, a crash of window-0 at 2.5 s. */
export const crashingJob = () => ({
  format: 'eventide.scenario/1',
  name: 'crash and recover',
  profile: 'flink',
  seed: 1,
  pipeline: {
    window: { type: 'tumbling', size: 1000 }, aggregate: 'count', watermark: { type: 'bounded', delay: 100, emit: 'per-record' },
    runtime: { parallelism: 2, checkpoint: { interval: 1000, mode: 'exactly-once' }, sink: 'transactional', restartDelay: 200,
      failures: [{ atMs: 2500, kind: 'crash', operator: 'window', subtask: 0 }] },
  },
  events: Array.from({ length: 40 }, (_, i) => ({ key: `k${i % 4}`, ts: i * 100, arrivalMs: i * 100 })),
  steps: [{ end: true }],
});

/** A Storm windowed bolt (R7.16): 10 s windows every 5 s, a tuple stamped exactly 10 s and a late one at 4 s. */
export const stormBoltScenario = () => ({
  format: 'eventide.scenario/1',
  name: 'storm windows hold their end',
  profile: 'storm',
  pipeline: { window: { type: 'sliding', size: 10000, slide: 5000 }, aggregate: 'count', watermark: { type: 'bounded', delay: 2000, emit: 'periodic', interval: 1000 }, lateOutput: true },
  events: [
    { key: 'clicks', value: 1, ts: 2000, arrivalMs: 2300 },
    { key: 'clicks', value: 1, ts: 10000, arrivalMs: 10300 },
    { key: 'clicks', value: 1, ts: 15000, arrivalMs: 15300 },
    { key: 'clicks', value: 1, ts: 4000, arrivalMs: 16300 },
  ],
  steps: [{ advance: 5000 }],
});

/** A Storm topology (R7.16): a spout and a counting bolt of two tasks subscribed by fields, three tuples. */
export const stormTopology = () => ({
  format: 'eventide.scenario/1',
  name: 'two users counted by two bolt tasks',
  profile: 'storm',
  seed: 1,
  pipeline: {
    window: { type: 'tumbling', size: 10000 }, aggregate: 'count', watermark: { type: 'bounded', delay: 0 },
    runtime: { ackers: 1, bolts: [{ name: 'count', serviceMs: 100, parallelism: 2, grouping: 'fields' }] },
  },
  events: [
    { key: 'ann', value: 1, ts: 0, arrivalMs: 0 },
    { key: 'bob', value: 1, ts: 500, arrivalMs: 500 },
    { key: 'ann', value: 1, ts: 1000, arrivalMs: 1000 },
  ],
  steps: [{ advance: 1000 }],
});

/** Kafka Streams (R7.14): 3 partitions, so 3 tasks, on one instance with 2 threads and another with 2; commits every second. */
export const kafkaStreamsJob = () => ({
  format: 'eventide.scenario/1',
  name: 'three tasks on four threads',
  profile: 'kafka-streams',
  seed: 1,
  pipeline: {
    window: { type: 'tumbling', size: 10000 }, aggregate: 'count', grace: 0, partitions: 3,
    runtime: { threads: [2, 2], commitIntervalMs: 1000 },
  },
  events: [
    { key: 'a', value: 1, ts: 1000, arrivalMs: 1200, partition: 0 },
    { key: 'b', value: 1, ts: 2000, arrivalMs: 2200, partition: 1 },
    { key: 'c', value: 1, ts: 3000, arrivalMs: 3200, partition: 2 },
    { key: 'a', value: 1, ts: 12000, arrivalMs: 12200, partition: 0 },
  ],
  steps: [{ end: true }],
});

/**
 * Spark (R7.15, vector runtime-spark-rerun-idempotent-sink): batch 0 is planned at 100 ms and writes its sink at 130 ms;
 * the query crashes at 135 ms before commits/0, restarts at 155 ms and runs batch 0 again with the same offsets.
 */
export const sparkRerun = () => ({
  format: 'eventide.vector/1',
  name: 'a spark batch runs again after a crash',
  profile: 'spark',
  pipeline: {
    window: { type: 'tumbling', size: 10 }, aggregate: 'count', outputMode: 'update', watermark: { type: 'bounded', delay: 0 }, batchInterval: 100,
    runtime: { sink: 'idempotent', restartDelay: 20, batch: { overheadMs: 30, perRowMs: 0, commitMs: 10 } },
  },
  steps: [{ record: { key: 'a', ts: 1 } }, { record: { key: 'a', ts: 2 } }, { advance: 100 }, { advance: 35 }, { crash: { operator: 'query' } }, { advance: 100 }],
});

/** Kafka Streams session windows (R2.7): two records 2 s apart under a 5 s gap make one session [1 s, 3 s]. */
export const kafkaSessions = () => ({
  format: 'eventide.scenario/1',
  name: 'one kafka session',
  profile: 'kafka-streams',
  pipeline: { window: { type: 'session', gap: 5000 }, aggregate: 'count', grace: 0 },
  events: [{ key: 'k', ts: 1000, arrivalMs: 1000 }, { key: 'k', ts: 3000, arrivalMs: 3000 }, { key: 'k', ts: 20000, arrivalMs: 20000 }],
  steps: [{ end: true }],
});
