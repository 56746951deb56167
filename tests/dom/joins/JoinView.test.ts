import '../sim/jsdomLayout.ts';
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import JoinView from '../../../src/components/joins/JoinView.svelte';
import { parseScenario, runJoin } from '../../../src/sim/index.ts';

function trace() {
  const parsed = parseScenario({
    format: 'eventide.scenario/1', name: 'view', profile: 'kafka-streams',
    pipeline: { join: { type: 'interval', kind: 'left', lower: -5, upper: 5 } },
    events: [
      { key: 'a', value: 'A', ts: 10, stream: 'left', arrivalMs: 0 },
      { key: 'a', value: 'x', ts: 12, stream: 'right', arrivalMs: 100 },
      { key: 'b', value: 'B', ts: 20, stream: 'left', arrivalMs: 200 },
      { key: 'c', value: 'C', ts: 40, stream: 'left', arrivalMs: 300 },
    ],
    steps: [],
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return runJoin(parsed.scenario, { trace: true }).trace!;
}

describe('JoinView', () => {
  it('lists only the results emitted by time t, with a null result marked and explained', async () => {
    const { rerender } = render(JoinView, { trace: trace(), t: 150 });
    expect(screen.getAllByRole('row').map((r) => r.textContent)).toContain('aAx12joined: 10 − 5 ≤ 12 ≤ 10 + 5, emitted by the right record that arrived second');
    expect(screen.queryByText(/null result/)).toBeNull();
    await rerender({ trace: trace(), t: 300 });
    expect(screen.getByText(/null result: no match before the window closed/)).toBeTruthy();
  });

  it('tells a screen reader how many records each side holds, after retention expired the oldest', () => {
    // At t = 250 the left store has seen 20, so A at 10 ≤ 20 − (5 + 5 + 0) has expired; B and x remain.
    render(JoinView, { trace: trace(), t: 250 });
    expect(screen.getByText(/Held in state: left 1, right 1\. Results: 1\./)).toBeTruthy();
  });
});
