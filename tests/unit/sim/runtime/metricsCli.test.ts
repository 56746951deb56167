// `sim run <scenario> --metrics`: a metrics summary for runtime scenarios, a clear error for others.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runSimCli } from '../../../tools/vectorCheck.ts';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));

const scenario = (runtime?: Record<string, unknown>) => JSON.stringify({
  format: 'eventide.scenario/1', name: 'metrics', profile: 'flink', seed: 2,
  generator: { count: 2000, ratePerSec: 1000, keys: { count: 10 } },
  pipeline: { window: { type: 'tumbling', size: 500 }, aggregate: 'count', watermark: { type: 'bounded', delay: 20, emit: 'periodic' }, ...(runtime ? { runtime } : {}) },
  steps: [{ end: true }],
});

describe('sim run --metrics', () => {
  it('prints per-operator throughput and back-pressure status, checkpoints and restarts for a runtime scenario', async () => {
    const cli = await runSimCli(ROOT, ['-', '--metrics'], scenario({
      checkpoint: { interval: 200 }, bufferCapacity: 10, window: { serviceMs: 1.5 }, restartDelay: 50,
      failures: [{ atMs: 700, kind: 'crash', operator: 'window' }],
    }));
    expect(cli.status).toBe(0);
    const summary = JSON.parse(cli.stdout);
    expect(summary.operators.map((o: { name: string }) => o.name)).toEqual(['source', 'window', 'sink']);
    expect(summary.operators[0].status).toBe('HIGH');
    expect(summary.restarts).toBe(1);
    expect(summary.replayedRecords).toBeGreaterThan(0);
    expect(summary.checkpoints.completed).toBeGreaterThan(1);
  }, 60_000);

  it('exits 2 with one line when the scenario has no runtime', async () => {
    const cli = await runSimCli(ROOT, ['-', '--metrics'], scenario());
    expect(cli.status).toBe(2);
    expect(cli.stderr.trim()).toBe('--metrics: the scenario has no pipeline.runtime (metrics come from the parallel runtime)');
  }, 60_000);
});
