import './jsdomLayout.ts';
import { readFileSync } from 'node:fs';
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import EventLog from '../../../src/components/sim/EventLog.svelte';
import { runScenario } from '../../../src/components/sim/runScenario.ts';
import { traceAt } from '../../../src/sim/index.ts';

// The vector's notes work it by hand: at 1000 ms partition 1 (watermark 14) stops, [0,10) fires, partition 0 stops
// too; at 2000 ms both read again and [10,20) fires; the end fires [20,30).
const vector = JSON.parse(readFileSync('tests/vectors/core-alignment-window-fires-later.json', 'utf8'));

function logAt(procTimeMs: number): string[] {
  const outcome = runScenario(vector);
  if (!outcome.ok) throw new Error(outcome.error);
  render(EventLog, { trace: outcome.trace, now: traceAt(outcome.trace, procTimeMs) });
  return [...screen.getByRole('region', { name: 'Event log' }).querySelectorAll('li')].map((li) => `${li.className.split(' ')[0]}: ${li.textContent}`);
}

describe('the event log under watermark alignment', () => {
  afterEach(cleanup);

  it('tells when a partition stops reading, with the values that decided it, among the panes in the order they happened', () => {
    const lines = logAt(1500);
    expect(lines.filter((line) => line.startsWith('paused')).map((line) => line.match(/partition \d/)?.[0])).toEqual(['partition 1', 'partition 0']);
    expect(lines[0]).toMatch(/^paused: .*partition 1 stops reading: its watermark 14 > group minimum 0 \+ max drift 10 = 10/);
    expect(lines.some((line) => line.startsWith('resumed'))).toBe(false);
  });

  it('tells when both read again, before the window their waiting records let fire', () => {
    const lines = logAt(2000);
    const resumed = lines.findIndex((line) => line.startsWith('resumed'));
    const laterPane = lines.findIndex((line) => /\[10 ms, 20 ms\)/.test(line));
    expect(resumed).toBeGreaterThan(0);
    expect(laterPane).toBeGreaterThan(resumed);
  });
});
