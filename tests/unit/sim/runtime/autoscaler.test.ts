// The autoscaler: busy-time or lag signal, target utilisation, cooldown, stabilisation, key-group alignment, cost.
import { describe, expect, it } from 'vitest';
import { parseScenario, run } from '../../../../src/sim/index.ts';
import type { RuntimeEvent } from '../../../../src/sim/runtime/types.ts';

function scaled(autoscaler: Record<string, unknown> | undefined, generator: Record<string, unknown> = {}, maxParallelism = 128, stages: Record<string, unknown> = { window: { serviceMs: 1.5 } }) {
  const parsed = parseScenario({
    format: 'eventide.scenario/1', name: 'autoscale', profile: 'flink', seed: 4,
    generator: { count: 6000, ratePerSec: 2000, partitions: 2, keys: { count: 50 }, ...generator },
    pipeline: {
      window: { type: 'tumbling', size: 500 }, aggregate: 'count', partitions: 2, watermark: { type: 'bounded', delay: 50, emit: 'periodic' },
      runtime: {
        parallelism: 1, maxParallelism, checkpoint: { interval: 200 }, sink: 'transactional', sinkStage: { parallelism: 1 }, bufferCapacity: 40,
        metricsIntervalMs: 250, ...stages, ...(autoscaler ? { autoscaler } : {}),
      },
    },
    steps: [{ end: true }],
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return run(parsed.scenario, { trace: true });
}

type Rescale = Extract<RuntimeEvent, { kind: 'rescale' }>;
const rescales = (r: ReturnType<typeof scaled>) => r.runtime!.events.filter((e): e is Rescale => e.kind === 'rescale');
/** The window operator's rescales (the sources, idle most of the time, may scale down in the same restarts). */
const windowRescales = (r: ReturnType<typeof scaled>) => rescales(r).filter((e) => e.operator === 'window');

describe('autoscaler', () => {
  it('scales a saturated window operator up to parallelisms that divide max parallelism, within maxSubtasks', () => {
    const steps = windowRescales(scaled({ cooldownMs: 500, stabilizationMs: 1000, maxSubtasks: 6 }, {}, 120));
    expect(steps.length).toBeGreaterThan(0);
    expect(steps[0].from).toBe(1);
    for (const s of steps) {
      expect(s.to).toBeLessThanOrEqual(6);
      expect(120 % s.to).toBe(0);
    }
  });

  it('leaves at least the cooldown between two rescales', () => {
    // One restart may rescale several operators at once: their events share its time.
    const times = [...new Set(rescales(scaled({ cooldownMs: 800, stabilizationMs: 0, maxSubtasks: 8 })).map((e) => e.procTimeMs))];
    expect(times.length).toBeGreaterThan(1);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(800);
  });

  it('moves the key groups whose owner changes and pauses longer for more state', () => {
    const [first] = windowRescales(scaled({ cooldownMs: 500, maxSubtasks: 2, pauseMs: 100, bytesPerMs: 1 }));
    // 1 → 2 subtasks at max parallelism 128: key groups 64…127 move to subtask 1 (R7.2).
    expect(first).toMatchObject({ from: 1, to: 2, movedKeyGroups: 64 });
    expect(first.pauseMs).toBeGreaterThanOrEqual(100);
  });

  it('commits the same results as a job that never rescales (exactly-once across rescales)', () => {
    const rows = (r: ReturnType<typeof scaled>) => r.result.sink!.committed.map((x) => JSON.stringify(x)).sort();
    const fixed = scaled(undefined);
    const auto = scaled({ cooldownMs: 500, maxSubtasks: 4 });
    expect(rescales(auto).length).toBeGreaterThan(0);
    expect(rows(auto)).toEqual(rows(fixed));
  });

  it('scales a saturated map operator too, to any parallelism, moving no key groups, with the same committed results', () => {
    const slowMap = { operators: [{ name: 'parse', kind: 'map', parallelism: 1, serviceMs: 1.5 }] };
    const auto = scaled({ cooldownMs: 500, maxSubtasks: 6 }, {}, 120, slowMap);
    const parse = rescales(auto).filter((e) => e.operator === 'parse');
    expect(parse.length).toBeGreaterThan(0);
    expect(parse[0]).toMatchObject({ from: 1, movedKeyGroups: 0 });
    expect(parse.every((e) => e.to >= 1 && e.to <= 6)).toBe(true);
    // The fast window stays at one subtask.
    expect(windowRescales(auto).every((e) => e.to === 1)).toBe(true);
    const rows = (r: ReturnType<typeof scaled>) => r.result.sink!.committed.map((x) => JSON.stringify(x)).sort();
    expect(rows(auto)).toEqual(rows(scaled(undefined, {}, 120, slowMap)));
  });

  it('scales a slow source up to at most its partition count, and each partition is read once across rescales', () => {
    const slowSource = { source: { parallelism: 1, serviceMs: 0.8 }, window: { serviceMs: 0 } };
    const auto = scaled({ cooldownMs: 500, maxSubtasks: 8 }, { partitions: 2 }, 128, slowSource);
    const source = rescales(auto).filter((e) => e.operator === 'source');
    expect(source[0]).toMatchObject({ from: 1, to: 2, movedKeyGroups: 0 });
    expect(source.every((e) => e.to <= 2)).toBe(true);
    const rows = (r: ReturnType<typeof scaled>) => r.result.sink!.committed.map((x) => JSON.stringify(x)).sort();
    expect(rows(auto)).toEqual(rows(scaled(undefined, { partitions: 2 }, 128, slowSource)));
  });

  it('refuses a forward edge under an autoscaler, naming the operator', () => {
    const parsed = parseScenario({
      format: 'eventide.vector/1', name: 'x', profile: 'flink',
      pipeline: { window: { type: 'tumbling', size: 10 }, aggregate: 'count', runtime: { autoscaler: {}, operators: [{ name: 'parse', kind: 'map', partitioning: 'forward' }] } },
      steps: [],
    });
    expect(parsed.ok ? '' : parsed.error).toMatch(/^pipeline\.runtime\.operators\[0\]\.partitioning: with an autoscaler operators scale one by one/);
  });

  it('scales down after the load drops only once the stabilisation window agrees, which damps flapping', () => {
    const burst = { count: 10_000, ratePerSec: 1000, bursts: [{ atMs: 0, durationMs: 1000, ratePerSec: 3000 }] };
    const withWindow = (stabilizationMs: number) => windowRescales(scaled({ cooldownMs: 300, stabilizationMs, maxSubtasks: 8 }, burst));
    const [eager, patient] = [withWindow(0), withWindow(4000)];
    expect(patient.some((s) => s.to < s.from)).toBe(true);
    expect(patient.length).toBeLessThan(eager.length);
    patient.forEach((s, i) => {
      if (i > 0 && s.to < s.from) expect(s.procTimeMs - patient[i - 1].procTimeMs).toBeGreaterThanOrEqual(4000);
    });
  });
});
