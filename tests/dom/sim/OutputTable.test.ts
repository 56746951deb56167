import './jsdomLayout.ts';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import OutputTable from '../../../src/components/sim/OutputTable.svelte';
import EventLog from '../../../src/components/sim/EventLog.svelte';
import { announcement } from '../../../src/components/sim/announcer.ts';
import { missingFrom, outputRows } from '../../../src/components/sim/outputRows.ts';
import { lateRecordStateAt, lateRecordTrace } from './fixtures.ts';

describe('output table', () => {
  afterEach(cleanup);

  it('lists every pane and drop that has happened by t, in order', () => {
    render(OutputTable, { trace: lateRecordTrace(), now: lateRecordStateAt(20000) });
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^15 s.*\[0 s, 10 s\).*pane, on time.*3/),
      expect.stringMatching(/^16 s.*\[0 s, 10 s\).*dropped → late output.*dropped: window \[0,10\) ended at 10/),
      expect.stringMatching(/^20 s.*\[10 s, 20 s\).*pane, on time.*2/),
    ]);
    expect(screen.getByText(/Output: 3 rows by 20 s/)).toBeTruthy();
  });

  it('says so when nothing has happened yet', () => {
    render(OutputTable, { trace: lateRecordTrace(), now: lateRecordStateAt(14000) });
    expect(screen.getByText('Nothing emitted or dropped yet.')).toBeTruthy();
  });

  it('marks rows named as differing with a sign and words, not colour alone', () => {
    render(OutputTable, { trace: lateRecordTrace(), now: lateRecordStateAt(20000), differing: new Set(['d0']) });
    const marked = screen.getByText(/only in this configuration/);
    expect(marked.closest('tr')?.textContent).toContain('dropped');
  });
});

describe('A/B differences', () => {
  it('are the rows one run has that the other lacks, counted as a multiset', () => {
    const trace = lateRecordTrace();
    const all = outputRows(trace, lateRecordStateAt(20000)).rows;
    const withoutDrop = all.filter((row) => row.kind === 'pane');
    expect(missingFrom(all, withoutDrop)).toEqual(new Set(['d0']));
    expect(missingFrom(withoutDrop, all)).toEqual(new Set());
    expect(missingFrom([all[0], all[0]], [all[0]]).size).toBe(1);
  });
});

describe('event log', () => {
  afterEach(cleanup);

  it('announces one sentence per pane or drop when stepping', () => {
    const trace = lateRecordTrace();
    expect(announcement(trace, { panes: 0, drops: 0 }, lateRecordStateAt(15000), 'count')).toBe(
      'Window [0 s, 10 s) of key k fired on time: count 3.',
    );
    expect(announcement(trace, { panes: 1, drops: 0 }, lateRecordStateAt(16000))).toBe(
      'Record of key k at event time 9 s dropped as late from window [0 s, 10 s) (sent to the late output).',
    );
    expect(announcement(trace, { panes: 1, drops: 1 }, lateRecordStateAt(16500))).toBeUndefined();
  });

  it('says it rewound when time goes back', () => {
    expect(announcement(lateRecordTrace(), { panes: 2, drops: 1 }, lateRecordStateAt(1000))).toBe('Rewound to 1 s.');
  });

  it('speaks into a polite live region as time moves', async () => {
    const trace = lateRecordTrace();
    const view = render(EventLog, { trace, now: lateRecordStateAt(14000), aggregate: 'count' });
    await view.rerender({ trace, now: lateRecordStateAt(15000), aggregate: 'count' });
    const live = document.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toBe('Window [0 s, 10 s) of key k fired on time: count 3.');
    expect(within(screen.getByRole('list')).getAllByRole('listitem')).toHaveLength(1);
  });

  it('while playing, holds announcements back until enough wall time has passed', async () => {
    const trace = lateRecordTrace();
    const view = render(EventLog, { trace, now: lateRecordStateAt(14000), playing: true, frameMs: 10_000 });
    await view.rerender({ trace, now: lateRecordStateAt(15000), playing: true, frameMs: 10_000 });
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toMatch(/fired on time/);
    await view.rerender({ trace, now: lateRecordStateAt(16000), playing: true, frameMs: 10_500 });
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toMatch(/fired on time/);
    await view.rerender({ trace, now: lateRecordStateAt(16000), playing: true, frameMs: 12_500 });
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toMatch(/dropped as late/);
  });
});
