import './jsdomLayout.ts';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import Simulation from '../../../src/components/sim/Simulation.svelte';
import { crashingJob, lateRecordScenario } from './scenarios.ts';

// The runtime views themselves are src/components/runtime's (and tested there); these check that the shared
// simulation shows them for runtime scenarios, at the playback's time, beside the time plot and output.
const views = ['dataflow', 'checkpoints', 'metrics', 'output'];

describe('runtime views in a simulation', () => {
  afterEach(cleanup);

  it('show the job’s parallel tasks beside the output', () => {
    render(Simulation, { scenario: crashingJob(), views });
    const dataflow = screen.getByRole('region', { name: 'Dataflow' });
    for (const name of ['window-0', 'window-1']) expect(within(dataflow).getAllByText(new RegExp(name)).length).toBeGreaterThan(0);
    expect(screen.getByRole('region', { name: 'Output' })).toBeTruthy();
  });

  it('follow playback: the crash appears in the recovery list only once it has happened', async () => {
    render(Simulation, { scenario: crashingJob(), views });
    const checkpoints = () => screen.getByRole('region', { name: 'Checkpoints' });
    expect(within(checkpoints()).getByText('No failure so far.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Jump to end' }));
    const recovery = within(checkpoints()).getByRole('list', { name: 'Failures and recovery so far' });
    expect(within(recovery).getAllByText(/window-0/).length).toBeGreaterThan(0);
    expect(within(screen.getByRole('region', { name: 'Metrics' })).getAllByRole('img').length).toBeGreaterThan(3);
  });

  it('are left out for a scenario without a runtime', () => {
    render(Simulation, { scenario: lateRecordScenario(), views });
    expect(screen.queryByRole('region', { name: 'Dataflow' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Output' })).toBeTruthy();
  });
});
