import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import RunStatus from '../../../src/components/sim/RunStatus.svelte';
import type { SimulationRun } from '../../../src/components/sim/simulationRun.svelte.ts';

const running = (progress: number | undefined) => ({ status: 'running', progress, size: 250_000, cancel: vi.fn() }) as unknown as SimulationRun;

describe('run status', () => {
  afterEach(cleanup);

  it('shows a background run’s share done as a whole percentage, in the bar and in words', () => {
    render(RunStatus, { run: running(0.4271) });
    expect(screen.getByRole('progressbar', { name: 'Simulating' }).getAttribute('aria-valuenow')).toBe('42');
    expect(screen.getByText('Running… 42 %')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Simulating 250,000 records in the background.');
  });

  it('cancels the run it shows', async () => {
    const run = running(0.1);
    render(RunStatus, { run });
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(run.cancel).toHaveBeenCalledOnce();
  });

  it('shows a run that reports no progress as under way, not stuck at 0 %', () => {
    render(RunStatus, { run: running(undefined) });
    expect(screen.getByRole('progressbar', { name: 'Simulating' }).hasAttribute('value')).toBe(false);
    expect(screen.getByText('Running…')).toBeTruthy();
    expect(screen.queryByText(/%/)).toBeNull();
  });
});
