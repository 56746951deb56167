// Checkpoints, failures and recovery on small hand-checked jobs (R7.7–R7.13).
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../../src/sim/index.ts';
import { runJob, windowPipeline, type Step } from './jobs.ts';

const rec = (key: string, ts: number, partition = 0): Step => ({ record: { key, ts, partition } });
const single = (runtime: Record<string, unknown>) => windowPipeline({ parallelism: 1, restartDelay: 10, ...runtime }, { partitions: 1 });
const kinds = (r: ReturnType<typeof runJob>, kind: string) => r.runtime!.events.filter((e) => e.kind === kind);

describe('checkpoints and recovery', () => {
  it('injects a barrier at the sources every interval and completes when every task acknowledged (R7.7, R7.11)', () => {
    const r = runJob(single({ checkpoint: { interval: 50 } }), [rec('a', 1), { advance: 120 }], true);
    expect(r.result.checkpoints).toEqual([{ id: 1, started: 50, completed: 50 }]);
    // Source, window and sink each took a snapshot of checkpoint 1.
    expect(kinds(r, 'snapshot').map((e) => (e as { task: number }).task)).toEqual([0, 1, 2]);
  });

  it('skips a trigger while a checkpoint is still in flight and says why (R7.11 Sim)', () => {
    const r = runJob(single({ checkpoint: { interval: 5 }, sinkStage: { serviceMs: 12 } }), [rec('a', 1), rec('a', 12), { advance: 30 }], true);
    expect(kinds(r, 'checkpoint-skipped').length).toBeGreaterThan(0);
    expect(r.result.checkpoints![0]).toEqual({ id: 1, started: 5, completed: 11 });
  });

  it('fails a checkpoint that is not complete within its timeout, and the next one completes', () => {
    const r = runJob(single({ checkpoint: { interval: 10, timeout: 15 }, sinkStage: { serviceMs: 30 } }), [rec('a', 1), rec('a', 12), { advance: 80 }], true);
    expect(kinds(r, 'checkpoint-failed')[0]).toMatchObject({ procTimeMs: 25, checkpoint: 1, reason: 'timed out: not complete after 15 ms' });
    expect(r.result.checkpoints![0].id).toBe(2);
  });

  it('aligned checkpoints block the channel whose barrier came first and report the alignment time (R7.8)', () => {
    const steps = [rec('b', 1, 1), rec('b', 2, 1), rec('a', 1, 0), { advance: 30 }];
    const pipeline = windowPipeline({ parallelism: 1, checkpoint: { interval: 2 }, source: { parallelism: 2 }, window: { serviceMs: 4 } });
    const aligned = runJob(pipeline, steps, true);
    const alignment = kinds(aligned, 'aligned')[0] as { alignmentMs: number; checkpoint: number };
    expect(alignment.checkpoint).toBe(1);
    expect(alignment.alignmentMs).toBeGreaterThan(0);
  });

  it('under back pressure an unaligned checkpoint completes sooner than an aligned one and carries in-flight data (R7.10)', () => {
    const steps: Step[] = [...Array.from({ length: 12 }, (_, i) => rec('a', i, i % 2)), { advance: 100 }];
    const runWith = (mode: string) => runJob(windowPipeline({ parallelism: 1, checkpoint: { interval: 3, mode }, source: { parallelism: 2 }, window: { serviceMs: 4 }, bufferCapacity: 3 }), steps, true);
    const [aligned, unaligned] = [runWith('exactly-once'), runWith('unaligned')];
    const duration = (r: ReturnType<typeof runJob>) => r.result.checkpoints![0].completed - r.result.checkpoints![0].started;
    expect(duration(unaligned)).toBeLessThan(duration(aligned));
    const inFlight = kinds(unaligned, 'snapshot').map((e) => (e as { inFlight: number }).inFlight);
    expect(Math.max(...inFlight)).toBeGreaterThan(0);
  });

  it('an alignment that outlasts the aligned-checkpoint-timeout turns unaligned and completes at once (R7.8)', () => {
    const steps: Step[] = [rec('a', 0, 0), ...Array.from({ length: 20 }, (_, i) => rec('b', i, 1)), { advance: 150 }];
    const runWith = (checkpoint: Record<string, unknown>) => runJob(windowPipeline({ parallelism: 1, checkpoint: { interval: 3, ...checkpoint }, source: { parallelism: 2 }, window: { serviceMs: 4 }, bufferCapacity: 50 }), steps, true);
    // Aligned: barrier 1 waits behind 20 records of 4 ms on the second channel.
    expect(runWith({ mode: 'exactly-once' }).result.checkpoints![0]).toEqual({ id: 1, started: 3, completed: 83 });
    const switched = runWith({ mode: 'unaligned', alignedTimeout: 10 });
    expect(switched.result.checkpoints![0]).toEqual({ id: 1, started: 3, completed: 13 });
    expect(kinds(switched, 'note').map((e) => (e as { text: string }).text)[0]).toBe('window-0: checkpoint 1 still aligning after 10 ms — switching to unaligned (R7.8)');
  });

  it('a failed task makes the whole job restart after the delay from the last completed checkpoint (R7.12)', () => {
    const r = runJob(single({ checkpoint: { interval: 50 } }), [rec('a', 1), { advance: 60 }, rec('a', 2), { advance: 5 }, { crash: { operator: 'sink', subtask: 0 } }, { advance: 20 }], true);
    const restored = kinds(r, 'restored')[0] as { procTimeMs: number; checkpoint: number; offsets: number[] };
    expect(restored).toMatchObject({ procTimeMs: 75, checkpoint: 1, offsets: [1] });
    expect(kinds(r, 'rewound')).toEqual([{ kind: 'rewound', procTimeMs: 75, partition: 0, fromOffset: 2, toOffset: 1 }]);
    expect(Array.from(r.runtime!.reads)).toEqual([1, 2]);
  });

  it('a lost task is declared failed only after the heartbeat timeout', () => {
    const r = runJob(single({ checkpoint: { interval: 50 }, heartbeatTimeoutMs: 300, failures: [{ atMs: 10, kind: 'lost', operator: 'window' }] }), [rec('a', 1), { advance: 400 }], true);
    expect(kinds(r, 'task-lost')[0]).toMatchObject({ procTimeMs: 310 });
    expect(kinds(r, 'restored')[0]).toMatchObject({ procTimeMs: 320 });
  });

  it('a GC pause longer than the heartbeat timeout costs a restart; a short one only a stall', () => {
    const pause = (durationMs: number) => runJob(single({ checkpoint: { interval: 50 }, heartbeatTimeoutMs: 100, failures: [{ atMs: 10, kind: 'gc-pause', operator: 'window', durationMs }] }), [rec('a', 1), { advance: 400 }]);
    expect(pause(50).result.restarts).toBe(0);
    expect(pause(150).result.restarts).toBe(1);
  });

  it('an exponential-delay strategy waits longer after each failure', () => {
    const r = runJob(single({ checkpoint: { interval: 1000 }, restartStrategy: { type: 'exponential-delay', multiplier: 3 } }), [
      rec('a', 1), { crash: { operator: 'window', subtask: 0 } }, { advance: 20 }, { crash: { operator: 'window', subtask: 0 } }, { advance: 50 },
    ], true);
    expect(kinds(r, 'restart-scheduled').map((e) => (e as { atMs: number; procTimeMs: number }).atMs - e.procTimeMs)).toEqual([10, 30]);
  });

  it('a transactional sink pre-commits on the barrier and commits when the checkpoint completes (R7.13)', () => {
    const r = runJob(single({ checkpoint: { interval: 50 }, sink: 'transactional' }), [rec('a', 1), rec('a', 12), { advance: 60 }], true);
    const txns = kinds(r, 'transaction').map((e) => (e as { action: string; writes: number; procTimeMs: number }));
    expect(txns.map(({ action, writes, procTimeMs }) => [action, writes, procTimeMs])).toEqual([['pre-commit', 1, 50], ['commit', 1, 50]]);
    expect(r.runtime!.writes[0]).toMatchObject({ procTimeMs: 0, visibleAtMs: 50, txn: 1 });
  });

  it('a replay rewrites an aborted row: read_uncommitted sees it twice, read_committed once; an at-least-once sink shows it twice to both (R7.13)', () => {
    const steps: Step[] = [rec('a', 1), rec('a', 12), { advance: 5 }, { crash: { operator: 'window', subtask: 0 } }, { advance: 60 }];
    const flags = (sink: string) => runJob(single({ checkpoint: { interval: 50 }, sink }), steps, true).runtime!.writes
      .map((w) => [w.isDuplicate, w.isCommittedDuplicate]);
    expect(flags('transactional')).toEqual([[false, false], [true, false]]);
    expect(flags('at-least-once')).toEqual([[false, false], [true, true]]);
  });

  it('marks a replayed e-mail call as a duplicate: side effects are not rolled back', () => {
    const r = runJob(single({ checkpoint: { interval: 50 }, operators: [{ name: 'notify', kind: 'map', sideEffect: 'email' }] }), [
      rec('a', 1), { advance: 5 }, { crash: { operator: 'window', subtask: 0 } }, { advance: 20 },
    ], true);
    expect(kinds(r, 'side-effect').map((e) => (e as { isDuplicate: boolean }).isDuplicate)).toEqual([false, true]);
  });

  it('a filter drops records below its minimum value before the window', () => {
    const pipeline = single({ checkpoint: { interval: 50 }, operators: [{ name: 'big', kind: 'filter', minValue: 5 }] });
    const r = runJob(pipeline, [{ record: { key: 'a', ts: 1, value: 3 } }, { record: { key: 'a', ts: 2, value: 7 } }, { end: true }]);
    expect(r.result.sink!.all).toEqual([{ key: 'a', start: 0, end: 10, value: 1 }]);
  });

  it('gives the same result and trace for the same scenario and seed', () => {
    const pipeline = windowPipeline({ parallelism: 2, checkpoint: { interval: 7 }, window: { serviceMs: { type: 'exponential', meanMs: 2 } } });
    const steps = [rec('a', 1), rec('b', 3, 1), { advance: 9 }, rec('c', 12), { crash: { operator: 'window', subtask: 1 } }, { end: true }];
    const [x, y] = [runJob(pipeline, steps, true), runJob(pipeline, steps, true)];
    expect(JSON.stringify(y.result)).toBe(JSON.stringify(x.result));
    expect(JSON.stringify(y.runtime!.events)).toBe(JSON.stringify(x.runtime!.events));
  });
});

describe('runtime input errors name the field and the value', () => {
  const error = (runtime: unknown, steps: unknown[] = []) => {
    const parsed = parseScenario({ profile: 'flink', pipeline: { window: { type: 'tumbling', size: 10 }, runtime }, steps });
    return parsed.ok ? 'accepted' : `${parsed.kind}: ${parsed.error}`;
  };

  it('rejects a parallelism above max parallelism', () => {
    expect(error({ parallelism: 8, maxParallelism: 4 })).toBe('invalid: pipeline.runtime.parallelism: expected at most maxParallelism (4), got 8');
  });

  it('rejects an unknown checkpoint mode', () => {
    expect(error({ checkpoint: { mode: 'maybe' } })).toBe('invalid: pipeline.runtime.checkpoint.mode: expected one of exactly-once | unaligned | at-least-once | none, got "maybe"');
  });

  it('rejects a crash of a subtask the operator does not have', () => {
    expect(error({ parallelism: 2 }, [{ crash: { operator: 'window', subtask: 2 } }])).toBe('invalid: steps[0].crash.subtask: expected a subtask below 2, got 2');
  });

  it('rejects a crash step without a runtime', () => {
    const parsed = parseScenario({ profile: 'flink', pipeline: { window: { type: 'tumbling', size: 10 } }, steps: [{ crash: { operator: 'window' } }] });
    expect(parsed.ok ? '' : parsed.error).toBe('steps[0].crash: crash steps need pipeline.runtime');
  });

  it('reports the runtime under beam as unsupported', () => {
    const parsed = parseScenario({ profile: 'beam', pipeline: { window: { type: 'tumbling', size: 10 }, runtime: {} }, steps: [] });
    expect(parsed.ok ? '' : `${parsed.kind}: ${parsed.error}`).toMatch(/^unsupported: unsupported: runtime under beam/);
  });
});
