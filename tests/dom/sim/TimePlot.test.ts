import './jsdomLayout.ts';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import TimePlot from '../../../src/components/sim/TimePlot.svelte';
import { buildTraceIndex } from '../../../src/components/sim/traceIndex.ts';
import { lateRecordStateAt, lateRecordTrace } from './fixtures.ts';

function renderAt(procTimeMs: number) {
  const trace = lateRecordTrace();
  return render(TimePlot, { trace, index: buildTraceIndex(trace), now: lateRecordStateAt(procTimeMs) });
}

const marks = (container: Element, selector: string) => container.querySelectorAll(selector);

describe('time plot', () => {
  afterEach(cleanup);

  it('lists only the records that have arrived by t in its table view', async () => {
    const { container } = renderAt(12000);
    expect(marks(container, 'g.pane')).toHaveLength(0);
    await fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const table = screen.getByRole('region', { name: 'Records as a table' });
    expect(table.querySelectorAll('tbody tr')).toHaveLength(3);
    expect(table.querySelector('caption')?.textContent).toMatch(/^\s*3 records by 12 s/);
  });

  it('crosses out a late record only once its drop has happened', async () => {
    const before = renderAt(15500);
    await fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    expect(screen.queryByText('✕ dropped as late')).toBeNull();
    before.unmount();
    renderAt(16000);
    await fireEvent.keyDown(screen.getByRole('group', { name: 'Time plot' }), { key: 'ArrowDown' });
    // The walked-to record is drawn above the canvas with its shape: a hollow dot crossed out.
    const mark = document.querySelector('[data-mark="r5"]');
    expect(mark?.classList).toContain('late');
    expect(mark?.querySelector('path')?.getAttribute('d')).toBe('M-6,-6L6,6M-6,6L6,-6');
    await fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    expect(screen.getAllByText('✕ dropped as late')).toHaveLength(1);
  });

  it('draws a pane when it fires, with its value and an on-time glyph', () => {
    const { container } = renderAt(15000);
    const panes = marks(container, 'g.pane');
    expect(panes).toHaveLength(1);
    expect(panes[0].classList).toContain('on_time');
    expect(panes[0].querySelector('circle.glyph')).not.toBeNull();
    expect(panes[0].textContent).toContain('3');
  });

  it('shades each window open at t and none after they fired', () => {
    const open = renderAt(13000);
    expect(marks(open.container, '.bands rect')).toHaveLength(2);
    open.unmount();
    const done = renderAt(20000);
    expect(marks(done.container, '.bands rect')).toHaveLength(0);
  });

  it('draws the watermark as a step curve up to t', () => {
    const { container } = renderAt(13000);
    const d = container.querySelector('path.watermark')?.getAttribute('d') ?? '';
    // Three watermark rows by 13 s: a start and two jumps, each a vertical then a horizontal move.
    expect(d.match(/H/g)).toHaveLength(2);
  });

  it('walks marks with the arrow keys and explains a dropped record with the rule and its values', async () => {
    renderAt(16000);
    const plot = screen.getByRole('group', { name: 'Time plot' });
    await fireEvent.keyDown(plot, { key: 'ArrowDown' });
    expect(screen.getByText(/event time 9 s, arrived at 16 s/)).toBeTruthy();
    await fireEvent.keyDown(plot, { key: 'Enter' });
    expect(screen.getByRole('heading', { name: 'Why?' })).toBeTruthy();
    expect(screen.getByText('dropped: window [0,10) ended at 10, watermark 9999 ≥ 9999 + allowed lateness 0')).toBeTruthy();
    expect(screen.getByText('R4.3')).toBeTruthy();
    expect(screen.getByText('allowedLateness').nextElementSibling?.textContent).toBe('0 ms');
  });

  it('explains a pane with the rule that fired it', async () => {
    renderAt(15000);
    const plot = screen.getByRole('group', { name: 'Time plot' });
    await fireEvent.keyDown(plot, { key: 'ArrowDown' });
    expect(screen.getByText('window [0 s, 10 s) of key k fired on time: value 3')).toBeTruthy();
    await fireEvent.keyDown(plot, { key: 'Enter' });
    expect(screen.getByText(/fired: watermark 9999/)).toBeTruthy();
  });
});
