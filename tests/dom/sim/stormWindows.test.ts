import './jsdomLayout.ts';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import EventLog from '../../../src/components/sim/EventLog.svelte';
import OutputTable from '../../../src/components/sim/OutputTable.svelte';
import { announcement } from '../../../src/components/sim/announcer.ts';
import { runScenario } from '../../../src/components/sim/runScenario.ts';
import { formatWindow, windowBoundsOf } from '../../../src/components/sim/time.ts';
import { traceAt, type Trace } from '../../../src/sim/index.ts';
import { kafkaSessions, lateRecordScenario, stormBoltScenario } from './scenarios.ts';

function traced(input: unknown): Trace {
  const outcome = runScenario(input);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.trace;
}

describe('window bounds follow the run’s profile', () => {
  afterEach(cleanup);

  it('writes a storm window as (start, end], the tuples a windowed bolt holds, and every other profile’s as [start, end)', () => {
    expect(formatWindow(0, 10000, windowBoundsOf('storm', 'sliding'))).toBe('(0 s, 10 s]');
    expect(formatWindow(0, 10000, windowBoundsOf('flink', 'tumbling'))).toBe('[0 s, 10 s)');
    expect(formatWindow(0, 10000)).toBe('[0 s, 10 s)');
    expect(formatWindow(undefined, undefined, windowBoundsOf('storm'))).toBe('the global window');
  });

  it('labels every window of a storm run in the output table as (s, e], none as [s, e)', () => {
    const trace = traced(stormBoltScenario());
    render(OutputTable, { trace, now: traceAt(trace, trace.endProcTimeMs) });
    const cells = within(screen.getByRole('table')).getAllByRole('row').slice(1).map((row) => row.children[2].textContent);
    expect(cells).toContain('(0 s, 10 s]');
    expect(cells.every((cell) => /^\(.*\]$/.test(cell ?? '') || cell === 'all its windows')).toBe(true);
  });

  it('says (s, e] in the event log and its spoken sentences for a storm run', () => {
    const trace = traced(stormBoltScenario());
    const now = traceAt(trace, trace.endProcTimeMs);
    render(EventLog, { trace, now, aggregate: 'count' });
    const lines = within(screen.getByRole('list')).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(lines.some((line) => line.includes('window (0 s, 10 s] of key clicks fired'))).toBe(true);
    expect(lines.some((line) => /\[\d/.test(line))).toBe(false);
    const firstPane = traceAt(trace, trace.panes[0].procTimeMs);
    expect(announcement(trace, { panes: 0, drops: 0 }, firstPane, 'count')).toMatch(/^Window \(−?\d+ s, \d+ s\] of key clicks fired/);
  });

  it('keeps [s, e) for a flink run of the same kind', () => {
    const trace = traced(lateRecordScenario());
    render(OutputTable, { trace, now: traceAt(trace, trace.endProcTimeMs) });
    expect(within(screen.getByRole('table')).getAllByText('[0 s, 10 s)').length).toBeGreaterThan(0);
  });

  it('writes Kafka Streams session and sliding windows inclusive at both ends, its tumbling ones [s, e)', () => {
    expect(windowBoundsOf('kafka-streams', 'session')).toBe('[]');
    expect(windowBoundsOf('kafka-streams', 'kafka-sliding')).toBe('[]');
    expect(windowBoundsOf('kafka-streams', 'tumbling')).toBe('[)');
    // Records at 1 s and 3 s, gap 5 s: one session [1 s, 3 s], from the first record to the last (R2.7).
    const trace = traced(kafkaSessions());
    render(OutputTable, { trace, now: traceAt(trace, trace.endProcTimeMs), bounds: windowBoundsOf('kafka-streams', 'session') });
    expect(within(screen.getByRole('table')).getAllByText('[1 s, 3 s]').length).toBeGreaterThan(0);
  });
});
