import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import AttemptView from '../../../src/components/exercises/AttemptView.svelte';
import type { ExerciseProgress } from '../../../src/exercises/attempt.svelte.ts';
import { variantJson } from '../../../src/exercises/runExercise.ts';
import type { Exercise } from '../../../src/exercises/types.ts';
import { fixture } from '../../unit/exercises/helpers.ts';

const memoryProgress = (): ExerciseProgress => {
  const records = new Map<string, never>();
  return { exercise: (id) => records.get(id), setExercise: (id, record) => void records.set(id, record as never) };
};

/** The settings list as "term: value" lines. */
const settingLines = (group: HTMLElement) =>
  within(group).getAllByRole('term').map((term) => `${term.textContent}: ${term.nextElementSibling!.textContent}`);

/** The fixture "which dropped?" exercise, now also drawing its watermark delay and showing it. */
async function withShownDelay(): Promise<Exercise> {
  const exercise = await fixture('which-dropped', 'select');
  return {
    ...exercise, show: ['window', 'watermark-delay'],
    vary: { ...exercise.vary, params: { 'pipeline.watermark.delay': { min: 1000, max: 8000, step: 1000 } } },
  };
}

afterEach(cleanup);

describe('the settings of the variant being attempted', () => {
  it('lists the settings the exercise names, as written for the first variant', async () => {
    render(AttemptView, { exercise: await withShownDelay(), progress: memoryProgress() });
    expect(settingLines(screen.getByRole('group', { name: 'Settings' }))).toEqual(['Window: tumbling, 10 s', 'Watermark delay: 5 s']);
  });

  it('shows the new variant\'s own values after "New variant", read from its scenario', async () => {
    const exercise = await withShownDelay();
    render(AttemptView, { exercise, progress: memoryProgress() });
    await fireEvent.click(screen.getByRole('checkbox', { name: /^e1 / }));
    await fireEvent.click(screen.getByRole('button', { name: 'New variant' }));
    const group = await waitFor(() => screen.getByRole('group', { name: /^Settings of variant \d+$/ }));
    const seed = Number(/variant (\d+)/.exec(group.textContent!)![1]);
    const delay = (variantJson(exercise, seed).pipeline as { watermark: { delay: number } }).watermark.delay;
    expect(settingLines(group)).toEqual(['Window: tumbling, 10 s', `Watermark delay: ${delay / 1000} s`]);
  });

  it('shows nothing for an exercise that names no settings', async () => {
    render(AttemptView, { exercise: await fixture('which-dropped', 'select'), progress: memoryProgress() });
    expect(screen.queryByRole('group', { name: /^Settings/ })).toBeNull();
  });
});
