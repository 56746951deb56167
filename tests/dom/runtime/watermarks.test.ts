import '../sim/jsdomLayout.ts';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import DataflowView from '../../../src/components/runtime/DataflowView.svelte';
import { runtimeAt } from '../../../src/components/runtime/runtimeAt.ts';
import { seriesAt } from '../../../src/sim/index.ts';
import type { RuntimeTrace, StepSeries } from '../../../src/sim/runtime/types.ts';
import { handmadeTrace } from './handmade.ts';

afterEach(cleanup);

const series = (...rows: [number, number][]): StepSeries => ({ procTimeMs: Float64Array.from(rows, (r) => r[0]), value: Float64Array.from(rows, (r) => r[1]) });

/**
 * Partition 1 (read by source-1) goes idle at 1000 ms with its watermark at 300 ms; partition 0 reaches 900 ms.
 * The window's valve holds 900 from source-0 and 300 from the idle source-1, so it forwards 900 (the min over
 * active inputs, R3.6); the sink holds what the window sent.
 */
function idlePartitionTrace(): RuntimeTrace {
  const runtime = handmadeTrace();
  const w = runtime.watermarks;
  w.partitions[0] = series([200, 100], [1000, 900]);
  w.partitions[1] = series([200, 300]);
  w.partitionIdle[1] = series([1000, 1]);
  w.tasks[0] = series([200, 100], [1000, 900]);
  w.tasks[1] = series([200, 300]);
  w.taskIdle[1] = series([1000, 1]);
  w.channels[0] = series([200, 100], [1000, 900]);
  w.channels[1] = series([200, 300]);
  w.channelIdle[1] = series([1000, 1]);
  w.tasks[2] = series([200, 100], [1000, 900]);
  w.channels[2] = series([200, 100], [1000, 900]);
  w.tasks[3] = series([200, 100], [1000, 900]);
  return runtime;
}

describe('dataflow watermarks', () => {
  it('read a step series as its last entry at or before t, the later of two at one ms', () => {
    const s = series([100, 1], [200, 2], [200, 3]);
    expect([seriesAt(s, 99, -Infinity), seriesAt(s, 100, -Infinity), seriesAt(s, 199, -Infinity), seriesAt(s, 200, -Infinity), seriesAt(s, 5000, -Infinity)]).toEqual([-Infinity, 1, 1, 3, 3]);
  });

  it('show each task’s forwarded watermark and mark an idle source by shape and word', () => {
    const runtime = idlePartitionTrace();
    render(DataflowView, { runtime, now: runtimeAt(runtime, 1200), keys: [] });
    expect(screen.getByRole('button', { name: /^window-0: .*, watermark 900 ms$/ })).toBeTruthy();
    const idleSource = screen.getByRole('button', { name: /^source-1: .*, idle, watermark 300 ms$/ });
    expect(idleSource.textContent).toContain('◌ idle · W 300 ms');
    expect(idleSource.classList).toContain('wm-idle');
    expect(screen.getByRole('button', { name: /^source-0: / }).classList).not.toContain('wm-idle');
  });

  it('label each channel with the watermark it delivered, dashing the idle one', () => {
    const runtime = idlePartitionTrace();
    const { container } = render(DataflowView, { runtime, now: runtimeAt(runtime, 1200), keys: [] });
    const labels = [...container.querySelectorAll('.wire-wm')].map((label) => label.textContent?.trim());
    expect(labels).toEqual(['W 900 ms', 'idle · W 300 ms', 'W 900 ms']);
    expect([...container.querySelectorAll('line.wire')].map((wire) => wire.classList.contains('idle'))).toEqual([false, true, false]);
  });

  it('list the source partitions, the idle one in words, before and after it goes idle', () => {
    const runtime = idlePartitionTrace();
    const before = render(DataflowView, { runtime, now: runtimeAt(runtime, 500), keys: [] });
    expect(within(screen.getByRole('list', { name: 'Source partitions' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['partition 0: watermark 100 ms', 'partition 1: watermark 300 ms']);
    before.unmount();
    render(DataflowView, { runtime, now: runtimeAt(runtime, 1200), keys: [] });
    expect(within(screen.getByRole('list', { name: 'Source partitions' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['partition 0: watermark 900 ms', '◌ partition 1: idle, watermark 300 ms']);
  });

  it('a picked task lists what each input channel delivered and the minimum it forwards', async () => {
    const runtime = idlePartitionTrace();
    render(DataflowView, { runtime, now: runtimeAt(runtime, 1200), keys: [] });
    await fireEvent.click(screen.getByRole('button', { name: /^window-0: / }));
    const details = screen.getByRole('region', { name: 'window-0' });
    expect(details.textContent).toContain('Forwardswatermark 900 ms');
    expect(details.textContent).toContain('Input channelsfrom source-0: watermark 900 ms; from source-1: idle, watermark 300 ms');
  });

  it('the table view lists every channel with what it delivered, the idle one in words', async () => {
    const runtime = idlePartitionTrace();
    render(DataflowView, { runtime, now: runtimeAt(runtime, 1200), keys: [] });
    await fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const rows = within(screen.getByRole('region', { name: 'Channels of the job now' })).getAllByRole('row').slice(1).map((row) => row.textContent);
    expect(rows).toEqual(['source-0 → window-04 / 4watermark 900 ms', 'source-1 → window-02 / 4◌ idle, watermark 300 ms', 'window-0 → sink-00 / 4watermark 900 ms']);
  });
});
