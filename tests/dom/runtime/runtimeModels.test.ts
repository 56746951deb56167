import { describe, expect, it } from 'vitest';
import { checkpointsAt, progressOf, sinkAt } from '../../../src/components/runtime/checkpointModel.ts';
import { keyRoutes, recordsInFlight, taskViews, windowSkew } from '../../../src/components/runtime/dataflowModel.ts';
import { addIntervention, interventionsOf, removeIntervention } from '../../../src/components/runtime/interventions.ts';
import { metricCharts } from '../../../src/components/runtime/metricsModel.ts';
import { runtimeAt } from '../../../src/components/runtime/runtimeAt.ts';
import { keyGroupOf, subtaskOfKeyGroup } from '../../../src/sim/index.ts';
import { handmadeTrace } from './handmade.ts';

describe('reading the runtime trace at a time', () => {
  const trace = handmadeTrace();

  it('before the first sample every task is idle and nothing is in flight', () => {
    const now = runtimeAt(trace, 5);
    expect(now.row).toBe(-1);
    expect(taskViews(trace, now).map((v) => v.state)).toEqual(['idle', 'idle', 'idle', 'idle']);
    expect(recordsInFlight(trace, now)).toBe(0);
  });

  it('a sample row counts from its own time on, and holds until the next row', () => {
    const views = taskViews(trace, runtimeAt(trace, 1499));
    expect(views[0].state).toBe('back-pressured');
    expect(views[2]).toMatchObject({ state: 'busy', queued: 6, capacity: 8 });
    expect(recordsInFlight(trace, runtimeAt(trace, 1000))).toBe(6);
    expect(taskViews(trace, runtimeAt(trace, 1500))[2].state).toBe('down');
  });

  it('a task shows the status of the last metrics second that has ended', () => {
    expect(taskViews(trace, runtimeAt(trace, 999))[0].metrics).toBeUndefined();
    expect(taskViews(trace, runtimeAt(trace, 1000))[0].metrics?.status).toBe('HIGH');
  });

  it('skew adds up what each window subtask received in the seconds so far', () => {
    expect(windowSkew(trace, runtimeAt(trace, 2500)).received).toEqual([24]);
  });

  it('keys go to the subtask the simulator’s key-group functions give', () => {
    const [route] = keyRoutes(trace, ['alice']);
    expect(route.keyGroup).toBe(keyGroupOf('alice', 128));
    expect(route.subtask).toBe(subtaskOfKeyGroup(route.keyGroup, 1, 128));
  });
});

describe('checkpoints and the sink at a time', () => {
  it('a window task with the barrier on one of its two inputs is aligning; with both and a snapshot it is done', () => {
    const trace = handmadeTrace();
    const [aligning] = checkpointsAt(trace, runtimeAt(trace, 1010));
    expect(aligning.status).toBe('in flight');
    expect(progressOf(aligning, 2)).toBe('aligning');
    expect(progressOf(aligning, 3)).toBe('waiting');
    const [done] = checkpointsAt(trace, runtimeAt(trace, 1020));
    expect(done).toMatchObject({ status: 'completed', durationMs: 20, bytes: 300 });
    expect(done.aligned[2]).toBe(15);
  });

  it('read_committed sees only what a completed checkpoint made visible; read_uncommitted sees every write', () => {
    const trace = handmadeTrace({ transactional: true });
    const before = sinkAt(trace, runtimeAt(trace, 2999));
    expect(before.uncommitted).toHaveLength(3);
    expect(before.committed).toHaveLength(0);
    const after = sinkAt(trace, runtimeAt(trace, 3000));
    expect(after.committed.map((w) => w.row.key)).toEqual(['a', 'b']);
  });

  it('an at-least-once sink counts the replayed write as a duplicate', () => {
    const trace = handmadeTrace();
    expect(sinkAt(trace, runtimeAt(trace, 2100))).toMatchObject({ duplicates: 1, replays: 1 });
  });
});

describe('metric series', () => {
  it('latency has a gap where no latency marker reached a sink', () => {
    const latency = metricCharts(handmadeTrace()).find((c) => c.id === 'latency')!;
    expect(latency.series.map((s) => s.name)).toEqual(['p50', 'p95', 'p99']);
    expect(latency.series[2].ys[0]).toBe(12);
    expect(latency.series[2].ys[1]).toBeNaN();
  });

  it('checkpoint durations are plotted at the time each checkpoint completed', () => {
    const chart = metricCharts(handmadeTrace()).find((c) => c.id === 'checkpoint-duration')!;
    expect(chart.series[0]).toMatchObject({ xs: [1020], ys: [20] });
  });
});

describe('interventions are data', () => {
  const scenario = { pipeline: { runtime: { parallelism: 2, failures: [{ atMs: 10, kind: 'crash', operator: 'sink', subtask: 0 }] } } };

  it('a crash is appended to the scenario’s failures and the given scenario is left as it was', () => {
    const next = addIntervention(scenario, { atMs: 1499.6, kind: 'crash', operator: 'window', subtask: 1 });
    expect(interventionsOf(next)).toEqual([scenario.pipeline.runtime.failures[0], { atMs: 1500, kind: 'crash', operator: 'window', subtask: 1 }]);
    expect(scenario.pipeline.runtime.failures).toHaveLength(1);
    expect((next.pipeline as { runtime: { parallelism: number } }).runtime.parallelism).toBe(2);
  });

  it('removing one leaves the others', () => {
    const next = addIntervention(scenario, { atMs: 5, kind: 'gc-pause', operator: 'window', subtask: 0, durationMs: 2000 });
    expect(interventionsOf(removeIntervention(next, 0))).toEqual([{ atMs: 5, kind: 'gc-pause', operator: 'window', subtask: 0, durationMs: 2000 }]);
  });
});
