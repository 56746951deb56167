import './jsdomLayout.ts';
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import TimePlot from '../../../src/components/sim/TimePlot.svelte';
import { runScenario } from '../../../src/components/sim/runScenario.ts';
import { buildTraceIndex } from '../../../src/components/sim/traceIndex.ts';
import { traceAt } from '../../../src/sim/index.ts';

// One record at 2 s, then the input watermark jumps to 8 s: with EARLIEST the element hold keeps Beam's output
// watermark at 2 s until [0,10) fires (R3.13); with END_OF_WINDOW the hold is 9.999 s, never behind the input.
const beam = (timestampCombiner: string) => ({
  format: 'eventide.scenario/1', profile: 'beam',
  pipeline: { window: { type: 'tumbling', size: 10000 }, aggregate: 'count', watermark: { type: 'explicit' }, timestampCombiner },
  steps: [{ record: { key: 'k', ts: 2000, value: 1 } }, { watermark: 8000 }, { watermark: 20000 }, { end: true }],
});

function plotAt(input: object, procTimeMs?: number) {
  const outcome = runScenario(input);
  if (!outcome.ok) throw new Error(outcome.error);
  const trace = outcome.trace;
  return render(TimePlot, { trace, index: buildTraceIndex(trace), now: traceAt(trace, procTimeMs ?? trace.endProcTimeMs) });
}

describe('Beam’s held output watermark on the time plot', () => {
  afterEach(cleanup);

  it('draws the output watermark as its own dotted curve, with a key entry, while an EARLIEST hold keeps it behind', () => {
    const { container } = plotAt(beam('earliest'));
    expect(container.querySelector('path.output-watermark')).not.toBeNull();
    expect(screen.getByText(/output watermark \(held back/)).toBeTruthy();
  });

  it('adds nothing when no hold ever keeps the output behind the input watermark', () => {
    const { container } = plotAt(beam('end-of-window'));
    expect(container.querySelector('path.output-watermark')).toBeNull();
    expect(screen.queryByText(/output watermark/)).toBeNull();
  });
});

