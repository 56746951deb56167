import './jsdomLayout.ts';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import Simulation from '../../../src/components/sim/Simulation.svelte';
import { lateRecordScenario } from './scenarios.ts';

const outputRows = () => within(screen.getByRole('region', { name: 'Output' })).getAllByRole('row').slice(1);

describe('simulation embed', () => {
  afterEach(cleanup);

  it('runs the scenario and steps through it with the arrow keys', async () => {
    render(Simulation, { scenario: lateRecordScenario(), views: ['timeplot', 'output'], title: 'Late data' });
    const section = screen.getByRole('region', { name: 'Late data' });
    expect(screen.getByText('Nothing emitted or dropped yet.')).toBeTruthy();
    const plot = screen.getByRole('group', { name: 'Time plot' });
    await fireEvent.keyDown(plot, { key: 'End' });
    expect(outputRows().map((row) => row.textContent)).toEqual([
      expect.stringMatching(/pane, on time.*3/),
      expect.stringMatching(/dropped/),
      expect.stringMatching(/pane, on time.*2/),
    ]);
    await fireEvent.keyDown(section, { key: 'Home' });
    for (let i = 0; i < 5; i++) await fireEvent.keyDown(plot, { key: 'ArrowRight' });
    // Five moments in: records at 1, 4, 12, 13 and 15 s; the window [0 s, 10 s) fired at 15 s.
    expect(screen.getByRole('slider', { name: 'Processing time' }).getAttribute('aria-valuetext')).toBe('processing time 15 s of 16 s');
    expect(outputRows()).toHaveLength(1);
  });

  it('re-runs when a control changes: a longer allowed lateness keeps the late record', async () => {
    render(Simulation, { scenario: lateRecordScenario(), views: ['output'], controls: ['delay', 'lateness'] });
    await fireEvent.click(screen.getByRole('button', { name: 'Jump to end' }));
    expect(outputRows().some((row) => /dropped/.test(row.textContent ?? ''))).toBe(true);
    const lateness = screen.getByLabelText(/Allowed lateness/);
    await fireEvent.change(lateness, { target: { value: '2000' } });
    expect(outputRows().some((row) => /dropped/.test(row.textContent ?? ''))).toBe(false);
    expect(outputRows().some((row) => /pane, late/.test(row.textContent ?? ''))).toBe(true);
  });

  it('caps an absurd value and says so', async () => {
    render(Simulation, { scenario: lateRecordScenario(), views: ['output'], controls: ['delay'] });
    await fireEvent.change(screen.getByLabelText(/Watermark delay/), { target: { value: '1e15' } });
    expect(screen.getByText('Watermark delay is capped at 3,600,000 ms.')).toBeTruthy();
  });

  it('shows why a configuration does not run and names unknown views', () => {
    const broken = { ...lateRecordScenario(), pipeline: { ...lateRecordScenario().pipeline, window: { type: 'tumbling', size: -5 } } };
    render(Simulation, { scenario: broken, views: ['output', 'radar'] });
    expect(screen.getByText(/pipeline\.window\.size/)).toBeTruthy();
    expect(screen.getByText('Unknown view “radar”.')).toBeTruthy();
  });

  it('ignores playback keys typed into a field', async () => {
    render(Simulation, { scenario: lateRecordScenario(), views: ['output'], controls: ['delay'] });
    await fireEvent.keyDown(screen.getByLabelText(/Watermark delay/), { key: 'End' });
    expect(screen.getByText('Nothing emitted or dropped yet.')).toBeTruthy();
  });
});
