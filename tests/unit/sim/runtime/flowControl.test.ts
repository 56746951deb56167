// Bounded channels, credit and back pressure (R7.5), and the busy / back-pressured / idle ratios (R7.6).
import { describe, expect, it } from 'vitest';
import { parseScenario, run } from '../../../../src/sim/index.ts';
import { TaskState } from '../../../../src/sim/runtime/types.ts';

function job(runtime: Record<string, unknown>, generator: Record<string, unknown> = {}) {
  const parsed = parseScenario({
    format: 'eventide.scenario/1', name: 'flow', profile: 'flink', seed: 5,
    generator: { count: 2000, ratePerSec: 1000, partitions: 1, keys: { count: 8 }, ...generator },
    pipeline: { window: { type: 'tumbling', size: 1000 }, aggregate: 'count', watermark: { type: 'bounded', delay: 0, emit: 'periodic' }, runtime },
    steps: [{ end: true }],
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return run(parsed.scenario, { trace: true });
}

const operatorRows = (r: ReturnType<typeof job>, name: string) => {
  const op = r.runtime!.graph.operators.findIndex((o) => o.name === name);
  return r.metrics!.flatMap((b) => b.tasks.filter((t) => r.runtime!.graph.tasks[t.task].operator === op));
};

describe('flow control and back pressure', () => {
  it('a window slower than the input fills its buffer and back-pressures the source (R7.5, R7.6 HIGH)', () => {
    const r = job({ parallelism: 1, bufferCapacity: 10, checkpoint: { mode: 'none' }, window: { serviceMs: 2 } });
    const { samples, graph } = r.runtime!;
    const into = graph.channels.find((c) => graph.tasks[c.to].name === 'window-0')!;
    const fills = Array.from({ length: samples.length }, (_, i) => samples.channelFill[i * graph.channels.length + into.id]);
    // Sampled after the ms: the source filled all 10 buffers, the window had taken one.
    expect(Math.max(...fills)).toBeGreaterThanOrEqual(9);
    expect(Math.max(...fills)).toBeLessThanOrEqual(10);
    const first = operatorRows(r, 'source')[0];
    expect(first.status).toBe('HIGH');
    expect(first.backPressuredMsPerSecond).toBeGreaterThan(400);
    expect(operatorRows(r, 'window')[0].busyMsPerSecond).toBeGreaterThan(990);
    const states = Array.from({ length: samples.length }, (_, i) => samples.state[i * graph.tasks.length]);
    expect(states).toContain(TaskState.BackPressured);
  });

  it('a job that keeps up has no back pressure and its consumer lag stays near zero', () => {
    const r = job({ parallelism: 1, bufferCapacity: 10, checkpoint: { mode: 'none' }, window: { serviceMs: 0.5 } });
    for (const t of operatorRows(r, 'source')) expect(t.status).toBe('OK');
    expect(Math.max(...r.metrics!.map((b) => b.consumerLag))).toBeLessThanOrEqual(2);
  });

  it('reports busy, back-pressured and idle ms that add up to 1000 per second for every task (R7.6)', () => {
    const r = job({ parallelism: 2, bufferCapacity: 5, checkpoint: { interval: 100 }, window: { serviceMs: 1.5 } });
    for (const bucket of r.metrics!) {
      for (const t of bucket.tasks) expect(t.busyMsPerSecond + t.backPressuredMsPerSecond + t.idleMsPerSecond + t.downMsPerSecond).toBeCloseTo(1000, 5);
    }
  });

  it('a hot key makes only the subtask that owns it slow (service time per key)', () => {
    const r = job({ parallelism: 2, bufferCapacity: 50, checkpoint: { mode: 'none' }, window: { serviceMs: 0.1, hotKeys: { k0: 3 } } },
      { keys: { count: 8, distribution: { type: 'hot', hotShare: 0.3 } } });
    const [w0, w1] = [0, 1].map((s) => operatorRows(r, 'window').filter((t) => r.runtime!.graph.tasks[t.task].subtask === s));
    const busy = (rows: typeof w0) => Math.max(...rows.map((t) => t.busyMsPerSecond));
    // k0 is in key group 107 of 128 → subtask 1 at parallelism 2 (R7.1).
    expect(busy(w1)).toBeGreaterThan(busy(w0) * 3);
  });

  it('a slow network link back-pressures the task that sends over it', () => {
    const r = job({
      parallelism: 1, bufferCapacity: 10, checkpoint: { mode: 'none' },
      failures: [{ atMs: 200, kind: 'slow-link', operator: 'source', subtask: 0, durationMs: 1000, recordsPerMs: 0.25 }],
    }, { count: 3000 });
    const source = operatorRows(r, 'source');
    expect(source[0].status).toBe('HIGH');
    expect(source[source.length - 1].status).toBe('OK');
  });

  it('a window subtask with more state on its heap pauses longer for GC (heap model)', () => {
    const gcPauses = (keys: number) => {
      const r = job({ parallelism: 1, checkpoint: { mode: 'none' }, bytesPerEntry: 1_000_000, heap: { baseMB: 10, gcEveryMs: 500, pauseMsPerMB: 1 } }, { keys: { count: keys } });
      return r.runtime!.events.flatMap((e) => (e.kind === 'gc-pause' ? [e.durationMs] : []));
    };
    const [small, large] = [gcPauses(2), gcPauses(40)];
    expect(Math.max(...large)).toBeGreaterThan(Math.max(...small));
    expect(Math.min(...small)).toBeGreaterThanOrEqual(10);
  });

  it('latency markers measure the queueing a slow operator adds', () => {
    const fast = job({ parallelism: 1, bufferCapacity: 100, checkpoint: { mode: 'none' }, window: { serviceMs: 0.2 } });
    const slow = job({ parallelism: 1, bufferCapacity: 100, checkpoint: { mode: 'none' }, window: { serviceMs: 1.5 } });
    const p99 = (r: typeof fast) => Math.max(...r.metrics!.map((b) => b.latencyMs.p99).filter(Number.isFinite));
    expect(p99(fast)).toBeLessThanOrEqual(1);
    expect(p99(slow)).toBeGreaterThan(50);
  });
});
