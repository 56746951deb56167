import '../sim/jsdomLayout.ts';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import RuntimeSimulation from '../../../src/components/runtime/RuntimeSimulation.svelte';
import { stormTopology } from '../sim/scenarios.ts';

// spec R7.12–R7.13 (tests/vectors/runtime-at-least-once-sink-duplicates.json without its crash step): checkpoint 1
// at 100 ms holds window [10, 20) = {a@12}; [10, 20) fires at 150 ms. A crash at 160 ms restores checkpoint 1 and
// replays a@25, so an at-least-once sink writes [10, 20) = 1 twice.
const job = () => ({
  format: 'eventide.vector/1', name: 'tiny job', profile: 'flink',
  pipeline: {
    window: { type: 'tumbling', size: 10 }, aggregate: 'count', watermark: { type: 'bounded', delay: 0, emit: 'per-record' }, partitions: 1,
    runtime: { parallelism: 1, checkpoint: { interval: 100, mode: 'exactly-once' }, sink: 'at-least-once', restartDelay: 10 },
  },
  steps: [
    { record: { key: 'a', ts: 1, partition: 0 } }, { record: { key: 'a', ts: 2, partition: 0 } }, { advance: 50 },
    { record: { key: 'a', ts: 12, partition: 0 } }, { advance: 100 }, { record: { key: 'a', ts: 25, partition: 0 } },
    { advance: 10 }, { end: true },
  ],
});

const sinkRows = () => within(screen.getByRole('region', { name: 'Sink writes' })).getAllByRole('listitem').map((li) => li.textContent ?? '');

describe('runtime simulation embed', () => {
  afterEach(cleanup);

  it('crashing a task from the dataflow view re-runs the job with the crash, and the replay writes a duplicate', { timeout: 20_000 }, async () => {
    render(RuntimeSimulation, { scenario: job(), views: ['dataflow', 'checkpoints'], title: 'Tiny job' });
    await fireEvent.input(screen.getByRole('slider', { name: 'Processing time' }), { target: { value: '160' } });
    await fireEvent.click(screen.getByRole('button', { name: /^window-0/ }));
    await fireEvent.click(screen.getByRole('button', { name: 'Crash this task at 160 ms' }));
    expect(screen.getByRole('button', { name: 'Remove crash of window-0 at 160 ms' })).toBeTruthy();

    await fireEvent.click(screen.getByRole('button', { name: 'Jump to end' }));
    expect(screen.getAllByRole('listitem').some((li) => /restored checkpoint 1/.test(li.textContent ?? ''))).toBe(true);
    expect(sinkRows().filter((row) => /a \[10 ms, 20 ms\) = 1/.test(row))).toEqual([
      expect.not.stringMatching(/duplicate/),
      expect.stringMatching(/duplicate/),
    ]);

    await fireEvent.click(screen.getByRole('button', { name: 'Remove crash of window-0 at 160 ms' }));
    expect(sinkRows().some((row) => /duplicate/.test(row))).toBe(false);
    expect(screen.getByText('No failure so far.')).toBeTruthy();
  });

  it('switching the sink to transactional shows what each reader sees: the aborted write only uncommitted', async () => {
    const scenario = job();
    scenario.pipeline.runtime = { ...scenario.pipeline.runtime, failures: [{ atMs: 160, kind: 'crash', operator: 'window', subtask: 0 }] } as typeof scenario.pipeline.runtime;
    render(RuntimeSimulation, { scenario, views: ['checkpoints'], controls: ['sink'] });
    await fireEvent.change(screen.getByLabelText('Sink'), { target: { value: 'transactional' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Jump to end' }));
    const committed = within(screen.getByRole('region', { name: 'read_committed reader' })).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(committed.filter((row) => /a \[10 ms, 20 ms\) = 1/.test(row))).toHaveLength(1);
    expect(within(screen.getByRole('region', { name: 'read_uncommitted reader' })).getByText(/aborted/)).toBeTruthy();
  });

  it('says why a scenario does not run and names unknown views', () => {
    render(RuntimeSimulation, { scenario: { ...job(), pipeline: { ...job().pipeline, runtime: { parallelism: 0 } } }, views: ['dataflow', 'radar'] });
    expect(screen.getByText(/pipeline\.runtime\.parallelism/)).toBeTruthy();
    expect(screen.getByText('Unknown view “radar”.')).toBeTruthy();
  });

  it('shows the output table of the job’s window results when a lesson asks for output beside a runtime view', async () => {
    render(RuntimeSimulation, { scenario: job(), views: ['dataflow', 'output'] });
    await fireEvent.click(screen.getByRole('button', { name: 'Jump to end' }));
    const rows = within(screen.getByRole('region', { name: 'Output' })).getAllByRole('row').slice(1).map((row) => row.textContent ?? '');
    expect(rows.some((row) => /\[10 ms, 20 ms\).*pane.*1/.test(row))).toBe(true);
    expect(screen.queryByText(/Unknown view/)).toBeNull();
  });

  it('shows a storm topology’s output as the store writes of its bolt tasks, one row per tuple', async () => {
    render(RuntimeSimulation, { scenario: stormTopology(), views: ['dataflow', 'output'] });
    await fireEvent.click(screen.getByRole('button', { name: 'Jump to end' }));
    const table = within(screen.getByRole('region', { name: 'Output' }));
    expect(table.getByText(/3 writes to the store/)).toBeTruthy();
    const annRows = table.getAllByRole('row').slice(1).map((row) => [...row.children].map((cell) => cell.textContent));
    // fields grouping: both of ann's tuples go to one task, whose running count reaches 2.
    const ann = annRows.filter((cells) => cells[2] === 'ann');
    expect(ann.map((cells) => cells[3])).toEqual(['1', '2']);
    expect(new Set(ann.map((cells) => cells[1])).size).toBe(1);
  });
});
