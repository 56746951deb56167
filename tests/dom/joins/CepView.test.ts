import '../sim/jsdomLayout.ts';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import CepView from '../../../src/components/cep/CepView.svelte';
import { parseScenario, runCep } from '../../../src/sim/index.ts';

function trace() {
  const parsed = parseScenario({
    format: 'eventide.scenario/1', name: 'cep view', profile: 'flink',
    pipeline: { cep: { pattern: [{ name: 'login', where: { value: 'L' } }, { name: 'buy', contiguity: 'followedBy', where: { value: 'B' } }], within: 10, time: 'processing' } },
    events: [
      { key: 'u', value: 'L', ts: 0, arrivalMs: 0 },
      { key: 'u', value: 'L', ts: 20, arrivalMs: 20 },
      { key: 'u', value: 'B', ts: 25, arrivalMs: 25 },
    ],
    steps: [],
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return runCep(parsed.scenario, { trace: true }).trace!;
}

describe('CepView', () => {
  afterEach(cleanup);

  it('shows a partial match waiting at its stage with the time within expires it', () => {
    render(CepView, { trace: trace(), t: 5 });
    const waiting = screen.getByRole('list', { name: 'Partial matches at login' });
    expect(within(waiting).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['key u: [0] · expires at 10']);
  });

  it('moves a timed-out run to the ended table and lists the match when the second login is bought', () => {
    render(CepView, { trace: trace(), t: 30 });
    expect(screen.getByRole('row', { name: /u 0 timed-out/ })).toBeTruthy();
    const matches = screen.getByRole('table', { name: 'Matches up to now' });
    expect(within(matches).getByText('20, 25')).toBeTruthy();
  });
});
