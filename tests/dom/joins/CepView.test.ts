import '../sim/jsdomLayout.ts';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import CepView from '../../../src/components/cep/CepView.svelte';
import { parseScenario, runCep } from '../../../src/sim/index.ts';
import { loginThenBuy } from './scenarios.ts';

function trace() {
  const parsed = parseScenario(loginThenBuy());
  if (!parsed.ok) throw new Error(parsed.error);
  return runCep(parsed.scenario, { trace: true }).trace!;
}

const cells = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));

describe('CepView', () => {
  afterEach(cleanup);

  it('draws the pattern with the partial match waiting at its first stage', () => {
    render(CepView, { trace: trace(), t: 5 });
    expect(screen.getByRole('img', { name: 'Pattern login then buy; partial matches waiting: 1 at login, 0 at buy; 0 matches' })).toBeTruthy();
    expect(screen.getByText('key u: took 0 ms; times out at 10 ms')).toBeTruthy();
  });

  it('gives the partial matches as a table with the share of within left', async () => {
    render(CepView, { trace: trace(), t: 5 });
    await fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    expect(cells(screen.getByRole('table', { name: /1 partial matches at 5 ms/ }))).toEqual([['u', 'login', '0 ms', '10 ms', '50 %']]);
  });

  it('moves the first login to the ended runs as timed out and lists the second as a match', () => {
    render(CepView, { trace: trace(), t: 30 });
    expect(cells(screen.getByRole('table', { name: '1 partial matches ended without a match' }))).toEqual([
      ['u', '0 ms', '⏱ timed out', expect.stringMatching(/^timed out: 20 − 0 ≥ within 10/)],
    ]);
    expect(cells(screen.getByRole('table', { name: '1 matches so far' }))).toEqual([['u', '✓ 20 ms, 25 ms']]);
    expect(screen.getByText('At 30 ms: 0 partial matches, 1 matches, 1 ended without one.')).toBeTruthy();
  });
});
