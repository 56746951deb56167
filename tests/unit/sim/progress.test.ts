// run(scenario, { onProgress }): a big run tells how far it got, so a view can show a progress bar.
import { describe, expect, it } from 'vitest';
import { parseScenario, run, type Scenario } from '../../../src/sim/index.ts';

function generated(count: number): Scenario {
  const parsed = parseScenario({
    format: 'eventide.scenario/1', name: 'progress', profile: 'flink', seed: 3,
    generator: { count, ratePerSec: 1000, keys: { count: 5 } },
    pipeline: { window: { type: 'tumbling', size: 1000 }, watermark: { type: 'bounded', delay: 100 } },
    steps: [{ end: true }],
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.scenario;
}

describe('progress of a run', () => {
  it('reports about a hundred times, in increasing order, ending with everything done', () => {
    const calls: [number, number][] = [];
    run(generated(10_000), { onProgress: (done, total) => calls.push([done, total]) });
    const total = calls[0][1];
    expect(total).toBe(10_001); // 10,000 records and the end step
    expect(calls.length).toBeGreaterThanOrEqual(100);
    expect(calls.length).toBeLessThanOrEqual(102);
    expect(calls.every(([done], i) => i === 0 || done > calls[i - 1][0])).toBe(true);
    expect(calls.at(-1)).toEqual([total, total]);
  });

  it('reports every progressEvery inputs when asked, and the same result as a run without a callback', () => {
    const scenario = generated(25);
    const dones: number[] = [];
    const withProgress = run(scenario, { onProgress: (done) => dones.push(done), progressEvery: 10 });
    expect(dones).toEqual([10, 20, 26]);
    expect(withProgress.result).toEqual(run(scenario).result);
  });

  it('rejects a progressEvery below 1 with a message naming it', () => {
    expect(() => run(generated(5), { onProgress: () => {}, progressEvery: 0 })).toThrow('progressEvery must be at least 1, got 0');
  });
});
