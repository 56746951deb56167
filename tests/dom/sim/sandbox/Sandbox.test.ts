import '../jsdomLayout.ts';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import Sandbox from '../../../../src/components/sandbox/Sandbox.svelte';
import { encodeState } from '../../../../src/components/sandbox/shareLink.ts';
import { lateRecordScenario } from '../scenarios.ts';
import { leftJoin, loginThenBuy } from '../../joins/scenarios.ts';

const rowsOf = (name: string) => within(screen.getByRole('region', { name })).getAllByRole('row').slice(1);

describe('sandbox', () => {
  afterEach(cleanup);

  it('opens the default sandbox and says why when a link is bad', async () => {
    render(Sandbox, { query: 's=bm90IGpzb24' });
    expect((await screen.findByRole('alert')).textContent).toBe('This sandbox link could not be opened: the link’s data is not valid JSON. The default sandbox is shown instead.');
    expect(screen.getByRole('group', { name: 'Time plot' })).toBeTruthy();
  });

  it('restores a shared link at its time', async () => {
    render(Sandbox, { query: await encodeState({ scenario: lateRecordScenario(), atMs: 16000 }) });
    expect((await screen.findByRole('slider', { name: 'Processing time' })).getAttribute('aria-valuetext')).toBe('processing time 16 s of 16 s');
    expect(rowsOf('Output').some((row) => /dropped/.test(row.textContent ?? ''))).toBe(true);
  });

  it('compares two configurations over the same records and marks what differs', async () => {
    const scenario = lateRecordScenario();
    const compare = { profile: 'flink', pipeline: { ...scenario.pipeline, allowedLateness: 5000 } };
    render(Sandbox, { query: await encodeState({ scenario, compare, atMs: 16000 }) });
    const onlyA = within(await screen.findByRole('region', { name: 'A: Output' })).getAllByText(/only in this configuration/);
    const onlyB = within(screen.getByRole('region', { name: 'B: Output' })).getAllByText(/only in this configuration/);
    expect(onlyA.map((cell) => cell.closest('tr')?.textContent)).toEqual([expect.stringMatching(/dropped/)]);
    expect(onlyB.map((cell) => cell.closest('tr')?.textContent)).toEqual([expect.stringMatching(/pane, late/)]);
  });

  it('a record nudged later with the keyboard becomes late and the output changes', async () => {
    const scenario = { ...lateRecordScenario(), events: lateRecordScenario().events.slice(0, 5) };
    render(Sandbox, { query: await encodeState({ scenario, atMs: 0 }) });
    const plot = await screen.findByRole('group', { name: 'Time plot' });
    await fireEvent.keyDown(plot, { key: 'End' });
    expect(rowsOf('Output').some((row) => /dropped/.test(row.textContent ?? ''))).toBe(false);
    // Walk back past the two panes and the record at 15 s to the one at event time 3 s (arrived 13 s), then push
    // its arrival past the 15 s firing of [0 s, 10 s).
    await fireEvent.keyDown(plot, { key: 'ArrowDown' });
    await fireEvent.keyDown(plot, { key: 'ArrowDown' });
    await fireEvent.keyDown(plot, { key: 'ArrowDown' });
    await fireEvent.keyDown(plot, { key: 'ArrowDown' });
    expect(screen.getByText(/event time 3 s, arrived at 13 s/)).toBeTruthy();
    for (let i = 0; i < 25; i++) await fireEvent.keyDown(plot, { key: 'ArrowUp', shiftKey: true });
    await fireEvent.keyDown(plot, { key: 'End' });
    expect(rowsOf('Output').some((row) => /dropped/.test(row.textContent ?? ''))).toBe(true);
  });

  it('opens a join scenario in the join view at the link’s time, without the windowed controls or A/B compare', async () => {
    render(Sandbox, { query: await encodeState({ scenario: leftJoin(), atMs: 200 }) });
    // The join view is loaded on first use; a busy machine can take a few seconds.
    const view = await screen.findByRole('region', { name: 'Join state and results' }, { timeout: 10_000 });
    expect(within(view).getByRole('region', { name: 'Join results' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Orders and payments' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Configuration A' })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: 'Compare A/B' })).toBeNull();
    // The link's time is where the join's own playback starts.
    expect(screen.getByRole('slider', { name: 'Processing time' }).getAttribute('aria-valuetext')).toMatch(/^processing time 200 ms of /);
  });

  it('opens a CEP scenario in the pattern view', async () => {
    render(Sandbox, { query: await encodeState({ scenario: loginThenBuy(), atMs: 0 }) });
    expect(await screen.findByRole('region', { name: 'Pattern matching state' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Login then buy' })).toBeTruthy();
  });
});
