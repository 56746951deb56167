import '../sim/jsdomLayout.ts';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import MetricsCharts from '../../../src/components/runtime/MetricsCharts.svelte';
import type { RuntimeRan } from '../../../src/components/runtime/runtimeRun.ts';
import { kafkaStreamsJob, sparkRerun, stormTopology } from '../sim/scenarios.ts';
import { ran } from './runs.ts';

afterEach(cleanup);

async function tableRows(run: RuntimeRan, t: number, chart: string): Promise<string[]> {
  render(MetricsCharts, { runtime: run.runtime, t, profile: run.trace.profile });
  await fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
  return within(screen.getByRole('region', { name: `${chart} table` })).getAllByRole('row').slice(1).map((row) => row.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}

describe('metrics of a Spark query', () => {
  it('charts rows per batch and batch duration from the micro-batches, the re-run included', async () => {
    const run = ran(sparkRerun());
    expect(await tableRows(run, 300, 'Input rows per batch')).toEqual(['100 ms2', '155 ms2']);
    cleanup();
    // Attempt 1 of batch 0 never committed (the crash came first); attempt 2 ran from 155 ms to commits/0 at 195 ms.
    expect(await tableRows(run, 300, 'Batch duration (offsets/N to commits/N)')).toEqual(['195 ms40']);
  });

  it('says which Flink metrics a Spark run does not produce instead of leaving empty charts', () => {
    const run = ran(sparkRerun());
    render(MetricsCharts, { runtime: run.runtime, t: 300, profile: 'spark' });
    expect(screen.getByText(/reports progress once per micro-batch/)).toBeTruthy();
    expect(screen.queryByText(/^Watermark lag/)).toBeNull();
  });
});

describe('metrics of a storm topology', () => {
  it('charts each tuple tree’s complete latency: emit to the ack that completes it', async () => {
    expect(await tableRows(ran(stormTopology()), 700, 'Complete latency (emit to tree acked)')).toEqual(['100 ms100', '600 ms100']);
  });
});

describe('metrics of a Kafka Streams application', () => {
  it('charts consumer lag from committed offsets: each record counts until its thread commits on the 1 s grid', async () => {
    const run = ran(kafkaStreamsJob());
    const lag = await tableRows(run, 5000, 'Consumer lag (from committed offsets)');
    expect(lag).toEqual(['1.2 s1', '2 s0', '2.2 s1', '3 s0', '3.2 s1', '4 s0']);
    expect(screen.getByRole('region', { name: 'Outputs per commit table' })).toBeTruthy();
  });
});
