import '../sim/jsdomLayout.ts';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import JoinView from '../../../src/components/joins/JoinView.svelte';
import { parseScenario, runJoin } from '../../../src/sim/index.ts';
import { leftJoin } from './scenarios.ts';

function trace() {
  const parsed = parseScenario(leftJoin());
  if (!parsed.ok) throw new Error(parsed.error);
  return runJoin(parsed.scenario, { trace: true }).trace!;
}

const resultRows = () => within(screen.getByRole('region', { name: 'Join results' })).getAllByRole('row').slice(1).map((row) => row.textContent);

describe('JoinView', () => {
  afterEach(cleanup);

  it('lists only the results emitted by time t, and marks a null result with why it came out', async () => {
    const { rerender } = render(JoinView, { trace: trace(), t: 150 });
    expect(resultRows()).toEqual(['a"A""x"12 msjoined: 10 − 5 ≤ 12 ≤ 10 + 5, emitted by the right record that arrived second']);
    await rerender({ trace: trace(), t: 300 });
    expect(resultRows()).toHaveLength(2);
    expect(resultRows()[1]).toMatch(/^b"B"null.*◇ null result: no match before the window closed/);
  });

  it('says how many records each side holds, after retention expired the oldest', () => {
    render(JoinView, { trace: trace(), t: 250 });
    expect(screen.getByText('At 250 ms: left holds 1, right holds 1; 1 result.')).toBeTruthy();
  });

  it('explains the newest record by default and a picked one after ↑, with the range it can match', async () => {
    render(JoinView, { trace: trace(), t: 250 });
    expect(screen.getByText(/left b = "B" at 20 ms can match right records in \[15 ms, 25 ms\]; held in left state since 200 ms/)).toBeTruthy();
    const lanes = screen.getByRole('group', { name: /Join inputs/ });
    await fireEvent.keyDown(lanes, { key: 'ArrowDown' });
    await fireEvent.keyDown(lanes, { key: 'ArrowDown' });
    expect(screen.getByText(/Picked:/).parentElement?.textContent?.replace(/\s+/g, ' ')).toMatch(/left a = "A" at 10 ms .*removed from state at 200 ms/);
  });

  it('shows the same records as a table, with where each is and why', async () => {
    render(JoinView, { trace: trace(), t: 250 });
    await fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const table = screen.getByRole('table', { name: /3 records by 250 ms/ });
    const rows = within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(rows.map((cells) => [cells[1], cells[3], cells[5], cells[6]])).toEqual([
      ['left', '"A"', '[5 ms, 15 ms]', '○ removed'],
      ['right', '"x"', '[7 ms, 17 ms]', '● held'],
      ['left', '"B"', '[15 ms, 25 ms]', '● held'],
    ]);
    expect(screen.getByRole('button', { name: 'Show as plot', pressed: true })).toBeTruthy();
  });
});
