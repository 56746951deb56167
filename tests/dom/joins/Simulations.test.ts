import '../sim/jsdomLayout.ts';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import CepSimulation from '../../../src/components/cep/CepSimulation.svelte';
import JoinSimulation from '../../../src/components/joins/JoinSimulation.svelte';
import { leftJoin, loginThenBuy } from './scenarios.ts';

const clock = () => screen.getByRole('slider', { name: 'Processing time' }).getAttribute('aria-valuetext');

describe('join and CEP simulation embeds', () => {
  afterEach(cleanup);

  it('steps a join through its moments with the arrow keys, state and results growing as time moves', async () => {
    render(JoinSimulation, { scenario: leftJoin(), title: 'Orders and payments' });
    const section = screen.getByRole('region', { name: 'Orders and payments' });
    expect(screen.getByText('At 0 ms: left holds 1, right holds 0; 0 results.')).toBeTruthy();
    await fireEvent.keyDown(section, { key: 'ArrowRight' });
    expect(clock()).toBe('processing time 100 ms of 300 ms');
    expect(screen.getByText('At 100 ms: left holds 1, right holds 1; 1 result.')).toBeTruthy();
    await fireEvent.keyDown(section, { key: 'End' });
    expect(screen.getByText('At 300 ms: left holds 1, right holds 1; 2 results.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Jump to start' }));
    expect(screen.getByText(/0 results\./)).toBeTruthy();
  });

  it('plays a pattern from JSON text and steps back with the keyboard', async () => {
    render(CepSimulation, { scenario: JSON.stringify(loginThenBuy()), title: 'Login then buy' });
    const section = screen.getByRole('region', { name: 'Login then buy' });
    await fireEvent.keyDown(section, { key: 'End' });
    expect(screen.getByText(/1 matches, 1 ended without one/)).toBeTruthy();
    await fireEvent.keyDown(section, { key: 'ArrowLeft' });
    expect(clock()).toBe('processing time 20 ms of 25 ms');
    expect(screen.getByText('At 20 ms: 1 partial matches, 0 matches, 1 ended without one.')).toBeTruthy();
  });

  it('says why a scenario does not run instead of showing an empty view, and names controls it lacks', () => {
    render(CepSimulation, { scenario: leftJoin(), controls: ['delay'], title: 'Wrong pipeline' });
    expect(screen.getByText(/has no pipeline\.cep/)).toBeTruthy();
    expect(screen.getByText('A pattern simulation has no control “delay”.')).toBeTruthy();
    expect(screen.queryByRole('toolbar', { name: 'Playback' })).toBeNull();
  });

  it('reports a join the simulator rejects, naming the field', () => {
    const broken = { ...leftJoin(), pipeline: { join: { type: 'interval', kind: 'sideways', lower: -5, upper: 5 } } };
    render(JoinSimulation, { scenario: broken });
    expect(screen.getByRole('alert').textContent).toMatch(/kind/);
  });
});
