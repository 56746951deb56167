import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import AttemptView from '../../../src/components/exercises/AttemptView.svelte';
import InputRecords from '../../../src/components/exercises/InputRecords.svelte';
import type { ExerciseProgress } from '../../../src/exercises/attempt.svelte.ts';
import { runScenario, variantJson } from '../../../src/exercises/runExercise.ts';
import { fixture } from '../../unit/exercises/helpers.ts';

const memoryProgress = (): ExerciseProgress => {
  const records = new Map<string, never>();
  return { exercise: (id) => records.get(id), setExercise: (id, record) => void records.set(id, record as never) };
};

/** The table's body as text rows: [record, …cells]. */
function bodyRows(): string[][] {
  const table = screen.getByRole('table');
  const [, ...rows] = within(table).getAllByRole('row');
  return rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim()));
}

afterEach(cleanup);

describe('the input records of the variant being attempted', () => {
  it('lists every record of the scenario as written with its event time and arrival in seconds', async () => {
    const exercise = await fixture('which-dropped', 'select');
    render(AttemptView, { exercise, progress: memoryProgress() });
    expect(screen.getByText(/Input: 8 records/)).toBeTruthy();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent!.trim())).toEqual(['record', 'value', 'event time (s)', 'arrival (s)']);
    // The scenario's fourth event happened at 3 s and arrived at 14 s; nothing says whether it was dropped.
    expect(bodyRows()[3]).toEqual(['e4', '1', '3', '14']);
    expect(bodyRows()).toHaveLength(8);
    expect(within(screen.getByRole('table')).queryByText(/dropped|kept/)).toBeNull();
  });

  it('shows the new input after "New variant", the rows matching that variant\'s events in arrival order', async () => {
    const exercise = await fixture('which-dropped', 'select');
    render(AttemptView, { exercise, progress: memoryProgress() });
    const before = bodyRows();
    await fireEvent.click(screen.getByRole('checkbox', { name: /^e1 / }));
    await fireEvent.click(screen.getByRole('button', { name: 'New variant' }));
    const summary = await waitFor(() => screen.getByText(/Input of variant \d+: 8 records/));
    const seed = Number(/variant (\d+)/.exec(summary.textContent!)![1]);
    const events = (variantJson(exercise, seed).events as { ts: number; arrivalMs: number }[]);
    const expected = events.map((e, i) => [`e${i + 1}`, '1', String(e.ts / 1000), String(e.arrivalMs / 1000)]);
    expect(bodyRows()).toEqual(expected);
    expect(bodyRows()).not.toEqual(before);
  });

  it('adds key and partition columns only when the scenario has keys and several partitions', () => {
    const view = runScenario({
      format: 'eventide.scenario/1', name: 'two partitions', profile: 'flink', seed: 1,
      pipeline: { window: { type: 'tumbling', size: 10_000 }, aggregate: 'sum', partitions: 2, watermark: { type: 'bounded', delay: 0 } },
      events: [
        { key: 'a', value: 5, ts: 1500, arrivalMs: 2000, partition: 0 },
        { key: 'b', value: 7, ts: 2250, arrivalMs: 3000, partition: 1 },
      ],
      steps: [],
    });
    render(InputRecords, { view, seed: 1 });
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent!.trim())).toEqual(['record', 'key', 'value', 'event time (s)', 'arrival (s)', 'partition']);
    expect(bodyRows()).toEqual([['e1', 'a', '5', '1.5', '2', '0'], ['e2', 'b', '7', '2.25', '3', '1']]);
  });
});
