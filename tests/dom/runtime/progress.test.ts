import '../sim/jsdomLayout.ts';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import CheckpointView from '../../../src/components/runtime/CheckpointView.svelte';
import { runtimeAt } from '../../../src/components/runtime/runtimeAt.ts';
import type { RuntimeRan } from '../../../src/components/runtime/runtimeRun.ts';
import { kafkaStreamsJob, sparkRerun, stormTopology } from '../sim/scenarios.ts';
import { ran } from './runs.ts';

afterEach(cleanup);

function renderAt(run: RuntimeRan, t: number) {
  const runtime = run.runtime;
  render(CheckpointView, { runtime, now: runtimeAt(runtime, t), mode: run.scenario.pipeline.runtime!.checkpoint.mode, sink: run.scenario.pipeline.runtime!.sink, profile: run.trace.profile });
  return screen.getAllByRole('listitem').map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}

describe('checkpoint view of a Spark query', () => {
  it('shows batch 0 planned and written but not committed just before the crash, never "no checkpoint started"', () => {
    const items = renderAt(ran(sparkRerun()), 132);
    expect(screen.queryByText(/No checkpoint has started/)).toBeNull();
    expect(items).toContain('Batch 0: offsets/0 written at 100 ms, up to offset 2, 2 rows — sink written at 130 ms, not committed yet');
  });

  it('shows the re-run of batch 0 with the same offsets after the restart, and its commit', () => {
    const items = renderAt(ran(sparkRerun()), 300);
    expect(items).toContain('Batch 0 (run again, attempt 2): offsets/0 written at 155 ms, up to offset 2, 2 rows — sink written at 185 ms, commits/0 written at 195 ms');
    expect(screen.getByText(/2 batch runs so far, 1 committed\./)).toBeTruthy();
    // No checkpoint exists in Spark: the restart reads the logs, and the timeline says so rather than "checkpoint −1".
    expect(items.some((item) => /query restarted from its offset and commit logs at offsets 2 \(.*commits\/0 is missing/.test(item))).toBe(true);
    expect(items.some((item) => /restored checkpoint/.test(item))).toBe(false);
    // The file sink keeps batch 0 once (R7.15): the re-run's write is skipped, not shown as a duplicate.
    const kept = within(screen.getByRole('region', { name: 'Sink writes' })).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(kept).toHaveLength(1);
    expect(kept[0].trim()).toMatch(/^a \[0 ms, 10 ms\) = 2 *130 ms · batch 0$/);
    expect(screen.getByText(/1 kept so far, 1 re-run write of a batch already written skipped\./)).toBeTruthy();
  });
});

describe('checkpoint view of a Kafka Streams application', () => {
  it('lists each thread’s commits with the offsets it committed, instead of checkpoints', () => {
    const items = renderAt(ran(kafkaStreamsJob()), 2500);
    expect(screen.queryByText(/No checkpoint has started/)).toBeNull();
    expect(items.filter((item) => / committed at /.test(item))).toEqual([expect.stringMatching(/^instance 1 thread 1 committed at 2 s: .*offsets partition 0 → 1$/)]);
  });
});

describe('checkpoint view of a storm topology', () => {
  it('explains acking instead of checkpoints and counts the tuple trees completed by t', () => {
    renderAt(ran(stormTopology()), 550);
    expect(screen.queryByText(/No checkpoint has started/)).toBeNull();
    expect(screen.getByText(/Storm does not checkpoint/).textContent).toMatch(/2 tuple trees emitted, 1 completed, 0 timed out\./);
  });
});
