// The ORDER and DRAG widgets driven from the keyboard in real Chromium: real focus order, real key events, real
// layout (the drag strip measures its own width, which jsdom cannot).
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { cleanup, render } from 'vitest-browser-svelte';
import DragWidget from '../../../src/components/exercises/DragWidget.svelte';
import OrderWidget from '../../../src/components/exercises/OrderWidget.svelte';
import { gradingRun } from '../../../src/exercises/grade.ts';
import type { Exercise } from '../../../src/exercises/types.ts';
import { fixture } from './fixtures.ts';
import WidgetHarness from './WidgetHarness.svelte';

afterEach(cleanup);

const focusedLabel = () => document.activeElement?.getAttribute('aria-label');
const answerShown = (screen: { getByTestId: (id: string) => { element: () => Element } }) =>
  JSON.parse(screen.getByTestId('answer').element().textContent!);

async function mount(widget: unknown, exercise: Exercise, initial: unknown, disabled = false) {
  const screen = await render(WidgetHarness, { widget: widget as never, exercise, run: gradingRun(exercise, 1), initial, disabled });
  return { screen, answer: () => answerShown(screen) };
}

describe('ORDER from the keyboard', () => {
  const [A, B, C, D] = ['[0,10) = 3 (ON_TIME)', '[0,10) = 4 (LATE)', '[10,20) = 3 (ON_TIME)', '[20,30) = 1 (ON_TIME)'];

  it('Tab lands on the first enabled button, and Alt + ↓ moves the item while focus stays with it', async () => {
    const { screen, answer } = await mount(OrderWidget, await fixture('output-order', 'order'), [A, B, C, D]);
    await userEvent.tab();
    // "Move A up" is disabled at the top of the list, so focus skips to its "down" button.
    expect(focusedLabel()).toBe(`Move ${A} down`);
    await userEvent.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(answer()).toEqual([B, A, C, D]);
    expect(focusedLabel()).toBe(`Move ${A} down`);
    await expect.element(screen.getByText(`${A} moved to position 2 of 4`)).toBeInTheDocument();
  });

  it('at the bottom the focus moves to the item\'s "up" button, and Alt + ↑ brings it back up', async () => {
    const { answer } = await mount(OrderWidget, await fixture('output-order', 'order'), [A, B, C, D]);
    await userEvent.tab();
    for (let i = 0; i < 3; i++) await userEvent.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(answer()).toEqual([B, C, D, A]);
    expect(focusedLabel()).toBe(`Move ${A} up`);
    await userEvent.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(answer()).toEqual([B, C, A, D]);
    expect(focusedLabel()).toBe(`Move ${A} up`);
  });

  it('Enter and Space press the focused button like a click; arrows without Alt leave the order alone', async () => {
    const { answer } = await mount(OrderWidget, await fixture('output-order', 'order'), [A, B, C, D]);
    await userEvent.tab();
    await userEvent.keyboard('{ArrowDown}');
    expect(answer()).toEqual([A, B, C, D]);
    await userEvent.keyboard('{Enter}');
    expect(answer()).toEqual([B, A, C, D]);
    await userEvent.keyboard(' ');
    expect(answer()).toEqual([B, C, A, D]);
  });

  it('a finished attempt takes no keyboard focus and changes nothing', async () => {
    const { answer } = await mount(OrderWidget, await fixture('output-order', 'order'), [A, B, C, D], true);
    await userEvent.tab();
    expect(focusedLabel() ?? '').not.toMatch(/^Move /);
    expect(answer()).toEqual([A, B, C, D]);
  });
});

describe('DRAG from the keyboard', () => {
  // place-watermark: an axis from 0 to 30 s in steps of 0.5 s.
  const handleLine = () => document.querySelector('.handle-line') as SVGLineElement | null;

  it('Tab focuses the handle; arrows move it one step, Page keys ten, Home and End to either end, each announced', async () => {
    const { screen, answer } = await mount(DragWidget, await fixture('place-watermark', 'drag'), undefined);
    const handle = screen.getByRole('slider', { name: 'Watermark' });
    await expect.element(handle).toHaveAttribute('aria-valuetext', 'not placed yet');
    await userEvent.tab();
    expect(document.activeElement).toBe(handle.element());
    await userEvent.keyboard('{ArrowRight}');
    expect(answer()).toBe(500);
    await userEvent.keyboard('{PageUp}');
    expect(answer()).toBe(5500);
    await userEvent.keyboard('{ArrowLeft}{ArrowDown}');
    expect(answer()).toBe(4500);
    await expect.element(handle).toHaveAttribute('aria-valuetext', 'Watermark at 4.5 s');
    await userEvent.keyboard('{End}');
    expect(answer()).toBe(30_000);
    await userEvent.keyboard('{PageUp}');
    expect(answer()).toBe(30_000);
    await userEvent.keyboard('{Home}{ArrowLeft}');
    expect(answer()).toBe(0);
  });

  it('the dashed line follows the handle across the measured width of the strip', async () => {
    await mount(DragWidget, await fixture('place-watermark', 'drag'), 15_000);
    const svg = document.querySelector('svg')!;
    const width = svg.getBoundingClientRect().width;
    // 16 px margins on both sides; 15 s is the middle of 0–30 s.
    expect(Number(handleLine()!.getAttribute('x1'))).toBeCloseTo(16 + (width - 32) / 2, 0);
    (document.querySelector('[role="slider"]') as HTMLElement).focus();
    await userEvent.keyboard('{End}');
    expect(Number(handleLine()!.getAttribute('x1'))).toBeCloseTo(width - 16, 0);
  });

  it('a click on the strip places the handle at the nearest step', async () => {
    const { answer } = await mount(DragWidget, await fixture('place-watermark', 'drag'), undefined);
    const svg = document.querySelector('svg')!;
    const width = svg.getBoundingClientRect().width;
    // A quarter of the way along the axis is 7.5 s.
    await userEvent.click(svg, { position: { x: 16 + (width - 32) / 4, y: 50 } });
    expect(answer()).toBe(7500);
  });

  it('a finished attempt cannot be focused or moved', async () => {
    const { screen, answer } = await mount(DragWidget, await fixture('place-watermark', 'drag'), 10_000, true);
    await userEvent.tab();
    expect(document.activeElement).not.toBe(screen.getByRole('slider').element());
    (screen.getByRole('slider').element() as HTMLElement).focus();
    await userEvent.keyboard('{ArrowRight}{End}');
    expect(answer()).toBe(10_000);
  });
});
