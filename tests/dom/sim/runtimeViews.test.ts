import './jsdomLayout.ts';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import Simulation from '../../../src/components/sim/Simulation.svelte';
import { crashingJob, lateRecordScenario } from './scenarios.ts';

const views = ['dataflow', 'checkpoints', 'metrics'];

describe('runtime views', () => {
  afterEach(cleanup);

  it('draw one card per parallel task, grouped by operator', () => {
    render(Simulation, { scenario: crashingJob(), views });
    const dataflow = screen.getByRole('region', { name: 'Dataflow' });
    for (const name of ['source-0', 'window-0', 'window-1', 'sink-0']) expect(within(dataflow).getByText(name)).toBeTruthy();
    expect(within(dataflow).getAllByText(/key groups \d+–\d+/)).toHaveLength(2);
  });

  it('show the crash, the restore from the last checkpoint and the rewind once they have happened', async () => {
    render(Simulation, { scenario: crashingJob(), views });
    const recovery = () => screen.getByRole('region', { name: 'Checkpoints and recovery' });
    expect(within(recovery()).getByText('No failure so far.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Jump to end' }));
    expect(within(recovery()).getByText(/window-0 failed/)).toBeTruthy();
    expect(within(recovery()).getByText(/restored checkpoint 2/)).toBeTruthy();
    expect(within(recovery()).getAllByText(/rewound from offset \d+ to \d+/).length).toBeGreaterThan(0);
    expect(within(recovery()).getAllByText(/checkpoint \d+ at .*: completed/, { selector: 'li' }).length).toBeGreaterThan(1);
  });

  it('chart every metric with its latest value in words', async () => {
    render(Simulation, { scenario: crashingJob(), views });
    await fireEvent.click(screen.getByRole('button', { name: 'Jump to end' }));
    const metrics = screen.getByRole('region', { name: 'Metrics' });
    for (const title of ['Throughput at the sink', 'Latency', 'Watermark lag', 'Consumer lag', 'Checkpoint duration', 'State size']) {
      expect(within(metrics).getByRole('img', { name: new RegExp(`^${title} over processing time`) })).toBeTruthy();
    }
  });

  it('are left out for a scenario without a runtime', () => {
    render(Simulation, { scenario: lateRecordScenario(), views: ['output', ...views] });
    expect(screen.queryByRole('region', { name: 'Dataflow' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Output' })).toBeTruthy();
  });
});
