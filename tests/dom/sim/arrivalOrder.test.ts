import './jsdomLayout.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario, run, traceAt, type Trace } from '../../../src/sim/index.ts';
import TimePlot from '../../../src/components/sim/TimePlot.svelte';
import { inArrivalOrder, isFlat } from '../../../src/components/sim/arrivalOrder.ts';
import { buildTraceIndex } from '../../../src/components/sim/traceIndex.ts';
import { lateRecordTrace } from './fixtures.ts';

/** Beam, tumbling 10 ms, explicit watermarks: steps 0–2 are records at ts 1, 12, 3; step 3 moves the watermark to 10; step 4 is a late record. */
const vector = () => ({
  format: 'eventide.vector/1', name: 'steps only', profile: 'beam',
  pipeline: { window: { type: 'tumbling', size: 10 }, aggregate: 'count', watermark: { type: 'explicit' }, lateOutput: true },
  steps: [{ record: { key: 'k', ts: 1 } }, { record: { key: 'k', ts: 12 } }, { record: { key: 'k', ts: 3 } }, { watermark: 10 }, { record: { key: 'k', ts: 4 } }],
});

function traceOf(scenario: unknown): Trace {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new Error(parsed.error);
  return run(parsed.scenario, { trace: true }).trace!;
}

const isSorted = (values: ArrayLike<number>) => Array.from(values).every((value, i, all) => i === 0 || all[i - 1] <= value);

describe('arrival order for runs without arrival times', () => {
  afterEach(cleanup);

  it('applies only to runs whose records all arrived at one processing time', () => {
    const steps = traceOf(vector());
    expect(isFlat(steps, buildTraceIndex(steps))).toBe(true);
    expect(isFlat(lateRecordTrace(), buildTraceIndex(lateRecordTrace()))).toBe(false);
  });

  it('places every row of every vector at its input step (the first at 1), keeping each table sorted and the outcome unchanged', () => {
    const files = readdirSync('tests/vectors').filter((file) => file.endsWith('.json'));
    let flat = 0;
    for (const file of files) {
      const parsed = parseScenario(readFileSync(`tests/vectors/${file}`, 'utf8'));
      if (!parsed.ok || parsed.scenario.pipeline.join || parsed.scenario.pipeline.cep || parsed.scenario.pipeline.runtime) continue;
      const trace = run(parsed.scenario, { trace: true }).trace!;
      if (!isFlat(trace, buildTraceIndex(trace))) continue;
      flat++;
      const placed = inArrivalOrder(trace).trace;
      expect(Array.from(placed.records.procTimeMs), file).toEqual(Array.from(trace.records.step.subarray(0, trace.records.length), (step) => step + 1));
      for (const times of [placed.records.procTimeMs, placed.assignments.procTimeMs, placed.watermarks.procTimeMs, placed.panes.map((p) => p.procTimeMs), placed.drops.map((d) => d.procTimeMs), placed.events.map((e) => e.procTimeMs)]) expect(isSorted(times), file).toBe(true);
      const [real, shown] = [traceAt(trace, 0), traceAt(placed, placed.endProcTimeMs)];
      expect([shown.records, shown.panes, shown.drops, shown.operatorWm], file).toEqual([real.records, real.panes, real.drops, real.operatorWm]);
    }
    expect(flat).toBeGreaterThan(20);
  });

  it('draws the records up an arrival-order axis, each at its own step', async () => {
    const trace = traceOf(vector());
    const { container } = render(TimePlot, { trace, index: buildTraceIndex(trace), now: traceAt(trace, 0) });
    expect(container.querySelector('.axes')?.textContent).toContain('arrival order (input step, 1 = first)');
    expect(container.querySelector('.axes')?.textContent).not.toContain('processing time');
    expect(screen.getByText(/drawn in the order of the input’s steps/)).toBeTruthy();
    // Walk down from the newest mark; the records drawn above the canvas sit one step apart.
    const plot = screen.getByRole('group', { name: 'Time plot' });
    const heights: number[] = [];
    for (let i = 0; i < 5 && heights.length < 2; i++) {
      await fireEvent.keyDown(plot, { key: 'ArrowDown' });
      const record = container.querySelector('[data-mark^="r"]');
      const y = Number(/translate\([-\d.]+[ ,]+([-\d.]+)\)/.exec(record?.getAttribute('transform') ?? '')?.[1]);
      if (record && !heights.includes(y)) heights.push(y);
    }
    expect(heights).toHaveLength(2);
    expect(heights[0]).not.toBe(heights[1]);
  });
});
