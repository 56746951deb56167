import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import AttemptView from '../../../src/components/exercises/AttemptView.svelte';
import DragWidget from '../../../src/components/exercises/DragWidget.svelte';
import OrderWidget from '../../../src/components/exercises/OrderWidget.svelte';
import type { ExerciseProgress } from '../../../src/exercises/attempt.svelte.ts';
import { gradingRun } from '../../../src/exercises/grade.ts';
import { fixture } from '../../unit/exercises/helpers.ts';

function memoryProgress(): ExerciseProgress & { records: Map<string, unknown> } {
  const records = new Map<string, never>();
  return { records, exercise: (id) => records.get(id), setExercise: (id, record) => void records.set(id, record as never) };
}

describe('exercise widgets', () => {
  it('ORDER moves an item down with its button and announces the new position', async () => {
    const exercise = await fixture('output-order', 'order');
    const onchange = vi.fn();
    const answer = ['[0,10) = 3 (ON_TIME)', '[0,10) = 4 (LATE)', '[10,20) = 3 (ON_TIME)', '[20,30) = 1 (ON_TIME)'];
    render(OrderWidget, { exercise, run: gradingRun(exercise, 1), answer, disabled: false, onchange });
    await fireEvent.click(screen.getByRole('button', { name: 'Move [0,10) = 3 (ON_TIME) down' }));
    expect(onchange).toHaveBeenCalledWith([answer[1], answer[0], answer[2], answer[3]]);
    expect(screen.getByText('[0,10) = 3 (ON_TIME) moved to position 2 of 4')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Move [0,10) = 3 (ON_TIME) up' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('ORDER also moves an item with Alt + arrow keys on its buttons', async () => {
    const exercise = await fixture('output-order', 'order');
    const onchange = vi.fn();
    const answer = ['a', 'b'];
    render(OrderWidget, { exercise, run: gradingRun(exercise, 1), answer, disabled: false, onchange });
    await fireEvent.keyDown(screen.getByRole('button', { name: 'Move b up' }), { key: 'ArrowUp', altKey: true });
    expect(onchange).toHaveBeenCalledWith(['b', 'a']);
  });

  it('DRAG moves the watermark handle with the arrow keys and announces its value', async () => {
    // jsdom has no layout; the axis measures its width with bind:clientWidth, which needs ResizeObserver.
    vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
    const exercise = await fixture('place-watermark', 'drag');
    const onchange = vi.fn();
    render(DragWidget, { exercise, run: gradingRun(exercise, 1), answer: 10_000, disabled: false, onchange });
    const handle = screen.getByRole('slider', { name: 'Watermark' });
    expect(handle.getAttribute('aria-valuetext')).toBe('Watermark at 10 s');
    await fireEvent.keyDown(handle, { key: 'ArrowRight' });
    expect(onchange).toHaveBeenLastCalledWith(10_500);
    await fireEvent.keyDown(handle, { key: 'PageDown' });
    expect(onchange).toHaveBeenLastCalledWith(5_000);
    await fireEvent.keyDown(handle, { key: 'End' });
    expect(onchange).toHaveBeenLastCalledWith(30_000);
  });
});

describe('an attempt on a page', () => {
  it('a wrong choice gets the specific feedback, a hint appears on request, and progress records both', async () => {
    const exercise = await fixture('which-dropped', 'select');
    const progress = memoryProgress();
    render(AttemptView, { exercise, progress });
    await fireEvent.click(screen.getByRole('checkbox', { name: /^e8 / }));
    await fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(screen.getByText('Not yet')).toBeTruthy());
    expect(screen.getByText(/e8 does not belong: e8 was kept: it counted in \[10,20\)/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Hint (2 left)' }));
    expect(screen.getByRole('list', { name: 'Hints' }).textContent).toContain('Hint 1 of 2');
    expect(progress.records.get('late-drill/which-dropped')).toMatchObject({ status: 'attempted', attempts: 1, hintsUsed: 1, answer: ['e8'], seed: 1 });
  });

  it('a blank answer is recognised as a misconception and its targeted hint is shown', async () => {
    const exercise = await fixture('which-dropped', 'select');
    render(AttemptView, { exercise, progress: memoryProgress() });
    await fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(screen.getByText(/A common trap \(M3\)/)).toBeTruthy());
  });
});
