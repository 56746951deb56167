import '../sim/jsdomLayout.ts';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CheckpointView from '../../../src/components/runtime/CheckpointView.svelte';
import DataflowView from '../../../src/components/runtime/DataflowView.svelte';
import MetricsCharts from '../../../src/components/runtime/MetricsCharts.svelte';
import { runtimeAt } from '../../../src/components/runtime/runtimeAt.ts';
import { handmadeTrace } from './handmade.ts';

afterEach(cleanup);

describe('dataflow view', () => {
  it('names each task’s state, back-pressure status and queued input', () => {
    const runtime = handmadeTrace();
    render(DataflowView, { runtime, now: runtimeAt(runtime, 1200), keys: ['a', 'b'] });
    expect(screen.getByRole('button', { name: 'source-0: back-pressured, back-pressure HIGH, watermark −∞' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'window-0: busy, back-pressure OK, 6 of 8 queued, watermark −∞' })).toBeTruthy();
    expect(screen.getByText('6 records in flight between tasks')).toBeTruthy();
  });

  it('a crashed task reads as down', () => {
    const runtime = handmadeTrace();
    render(DataflowView, { runtime, now: runtimeAt(runtime, 1600), keys: [] });
    expect(screen.getByRole('button', { name: /^window-0: down/ })).toBeTruthy();
  });

  it('picking a task offers a crash and a GC pause at the current time, handed out as data', async () => {
    const runtime = handmadeTrace();
    const onintervene = vi.fn();
    render(DataflowView, { runtime, now: runtimeAt(runtime, 1200), keys: ['a'], onintervene });
    const task = screen.getByRole('button', { name: /^window-0/ });
    await fireEvent.click(task);
    expect(task.getAttribute('aria-expanded')).toBe('true');
    const details = screen.getByRole('region', { name: 'window-0' });
    expect(within(details).getByText('0–127')).toBeTruthy();
    await fireEvent.click(within(details).getByRole('button', { name: 'Crash this task at 1.2 s' }));
    expect(onintervene).toHaveBeenLastCalledWith({ atMs: 1200, kind: 'crash', operator: 'window', subtask: 0 });
    await fireEvent.click(within(details).getByRole('button', { name: 'GC pause of 2 s at 1.2 s' }));
    expect(onintervene).toHaveBeenLastCalledWith({ atMs: 1200, kind: 'gc-pause', operator: 'window', subtask: 0, durationMs: 2000 });
    await fireEvent.keyDown(within(details).getByRole('button', { name: 'Close' }), { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'window-0' })).toBeNull();
  });

  it('as a table, lists every task with its ratios and watermark lag', async () => {
    const runtime = handmadeTrace();
    render(DataflowView, { runtime, now: runtimeAt(runtime, 1200), keys: [] });
    await fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const rows = within(screen.getByRole('region', { name: 'Tasks of the job now' })).getAllByRole('row').slice(1).map((row) => row.textContent ?? '');
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatch(/source-0.*back-pressured.*HIGH.*0 \/ 600 \/ 400/);
    expect(rows[2]).toMatch(/window-0.*6 \/ 8.*0–127.*250 ms/);
  });
});

describe('checkpoint and recovery view', () => {
  it('shows the barrier reaching one of two inputs as alignment in progress', () => {
    const runtime = handmadeTrace();
    render(CheckpointView, { runtime, now: runtimeAt(runtime, 1010), mode: 'exactly-once', sink: 'at-least-once' });
    expect(screen.getByText(/in flight/)).toBeTruthy();
    expect(screen.getByText(/window-0:\s+barrier on 1 of 2 inputs, aligning/)).toBeTruthy();
    expect(screen.getByText(/sink-0:\s+waiting for barrier 1/)).toBeTruthy();
  });

  it('tells the crash, the restore and the rewind in order, and marks the duplicate write', () => {
    const runtime = handmadeTrace();
    render(CheckpointView, { runtime, now: runtimeAt(runtime, 2500), mode: 'exactly-once', sink: 'at-least-once' });
    const timeline = screen.getAllByRole('listitem').map((li) => li.textContent ?? '').filter((t) => /crash|restart|rewound|restored/.test(t));
    expect(timeline).toEqual([
      expect.stringMatching(/1\.5 s crash of window-0/),
      expect.stringMatching(/restart 1 scheduled at 2 s/),
      expect.stringMatching(/partition 0 rewound from offset 16 to 10: 6 records read again/),
      expect.stringMatching(/restored checkpoint 1/),
    ]);
    const writes = within(screen.getByRole('region', { name: 'Sink writes' })).getAllByRole('listitem');
    expect(writes.map((w) => w.textContent)).toEqual([
      expect.not.stringMatching(/duplicate/),
      expect.stringMatching(/duplicate.*replayed/),
      expect.not.stringMatching(/duplicate/),
    ]);
  });

  it('a transactional sink shows both readers: the aborted write only for read_uncommitted', () => {
    const runtime = handmadeTrace({ transactional: true });
    render(CheckpointView, { runtime, now: runtimeAt(runtime, 3000), mode: 'exactly-once', sink: 'transactional' });
    const uncommitted = within(screen.getByRole('region', { name: 'read_uncommitted reader' })).getAllByRole('listitem');
    expect(uncommitted.map((w) => w.textContent)).toEqual([
      expect.stringMatching(/a \[0 s, 1 s\) = 3.*txn 2 aborted/),
      expect.stringMatching(/txn 3 committed 3 s/),
      expect.stringMatching(/b \[0 s, 1 s\) = 1/),
    ]);
    expect(within(screen.getByRole('region', { name: 'read_committed reader' })).getAllByRole('listitem')).toHaveLength(2);
  });
});

describe('metrics charts', () => {
  it('labels every chart and, as tables, lists only the seconds that have ended', async () => {
    const runtime = handmadeTrace();
    render(MetricsCharts, { runtime, t: 1500 });
    expect(screen.getByRole('img', { name: 'End-to-end latency in ms over processing time, up to 1.5 s' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const latency = screen.getByRole('table', { name: 'End-to-end latency (ms)' });
    expect(within(latency).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['1 s5912']);
  });
});
