import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, expect, it } from 'vitest';
import AttemptView from '../../../src/components/exercises/AttemptView.svelte';
import type { ExerciseProgress } from '../../../src/exercises/attempt.svelte.ts';
import { fixture } from '../../unit/exercises/helpers.ts';

afterEach(cleanup);

const memoryProgress = (): ExerciseProgress => {
  const records = new Map<string, never>();
  return { exercise: (id) => records.get(id), setExercise: (id, record) => void records.set(id, record as never) };
};

it('a compare-runs exercise offers its dashboards by name and grades a choice against both runs', async () => {
  render(AttemptView, { exercise: await fixture('replay-dashboards', 'select'), progress: memoryProgress() });
  const names = screen.getAllByRole('checkbox').map((box) => box.closest('label')!.textContent!.trim());
  expect(names).toEqual([
    'Taps per 10 s of arrival (processing time)', 'Taps per 10 s of event time',
    'Taps per minute of arrival (processing time)', 'Taps per minute of event time',
  ]);
  for (const box of screen.getAllByRole('checkbox')) await fireEvent.click(box);
  await fireEvent.click(screen.getByRole('button', { name: 'Check' }));
  await waitFor(() => expect(screen.getByText(/A common trap \(M2\)/)).toBeTruthy());
  expect(screen.getAllByText(/Taps per minute of event time stays the same: both show \[0,60\) = 10/)).not.toHaveLength(0);
});
