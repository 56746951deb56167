import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capNumber, controlById, type NumberControl } from '../../../src/components/sim/controls.ts';
import { MAX_MARKS, plotGeometry, viewportAt } from '../../../src/components/sim/plotModel.ts';
import { snapStepMs } from '../../../src/components/sim/plotEdits.ts';
import { recordNear, type RecordGlyphs } from '../../../src/components/sim/recordCanvas.ts';
import { formatMs, formatWindow } from '../../../src/components/sim/time.ts';
import type { TraceIndex } from '../../../src/components/sim/traceIndex.ts';

const indexOf = (procEnd: number): TraceIndex => ({
  momentsMs: new Float64Array(), wmProcTimeMs: new Float64Array(), wmValue: new Float64Array(),
  outWmProcTimeMs: new Float64Array(), outWmValue: new Float64Array(),
  eventExtent: [0, procEnd], procExtent: [0, procEnd], dropsByRecord: new Map(), windowsByRecord: new Map(),
});

describe('the plot viewport', () => {
  it('shows the whole run while it holds few records', () => {
    const geometry = plotGeometry(indexOf(20_000), 10, 640, 380);
    expect(geometry.isFollowing).toBe(false);
    expect(viewportAt(geometry, indexOf(20_000), 5000).procFromMs).toBe(0);
  });

  it('with many records, follows t and never scrolls before the start of the run', () => {
    fc.assert(fc.property(fc.integer({ min: MAX_MARKS + 1, max: 1_000_000 }), fc.integer({ min: 1000, max: 1e7 }), fc.double({ min: 0, max: 1, noNaN: true }), (records, runMs, at) => {
      const index = indexOf(runMs);
      const geometry = plotGeometry(index, records, 640, 380);
      const t = at * runMs;
      const view = viewportAt(geometry, index, t);
      expect(geometry.isFollowing).toBe(true);
      expect(view.procFromMs).toBeGreaterThanOrEqual(0);
      expect(view.procFromMs).toBeLessThanOrEqual(t);
      expect(view.procToMs).toBeGreaterThanOrEqual(t);
    }));
  });
});

describe('pointing at a record drawn on the canvas', () => {
  // Records 10, 11 and 12 (base coordinates): two overlapping, one apart.
  const glyphs: RecordGlyphs = { from: 10, x: Float64Array.of(20, 24, 80), y: Float64Array.of(-20, -20, -50), fate: Uint8Array.of(0, 0, 2) };

  it('takes the record whose mark is under the pointer, the nearest where marks overlap', () => {
    expect(recordNear(glyphs, 19, -21)).toBe(10);
    expect(recordNear(glyphs, 25, -19)).toBe(11);
    expect(recordNear(glyphs, 22, -20)).toBe(11); // equally near: the newer one, drawn on top
    expect(recordNear(glyphs, 84, -54)).toBe(12); // out along a cross's arm
  });

  it('takes nothing beside the marks', () => {
    expect(recordNear(glyphs, 50, -20)).toBeUndefined();
    expect(recordNear(glyphs, 20, -28)).toBeUndefined();
  });
});

describe('readable numbers', () => {
  it('times read in the largest fitting unit, with the watermark sentinels as infinities', () => {
    expect([formatMs(250), formatMs(1500), formatMs(125_000), formatMs(-Infinity), formatMs(Infinity)]).toEqual(['250 ms', '1.5 s', '2 min 5 s', '−∞', '+∞']);
    expect(formatWindow(0, 10_000)).toBe('[0 s, 10 s)');
    expect(formatWindow(undefined, undefined)).toBe('the global window');
  });

  it('nudges move by a round step of about 1% of the span', () => {
    expect([snapStepMs(20_000), snapStepMs(1000), snapStepMs(7)]).toEqual([200, 10, 1]);
  });

  it('absurd control values are capped with a message', () => {
    const size = controlById('window') as NumberControl;
    expect(capNumber(size, 0)).toEqual({ value: 1, message: 'Window size cannot be below 1 ms; using 1.' });
    expect(capNumber(size, 1e12).message).toBe('Window size is capped at 3,600,000 ms.');
    expect(capNumber(size, Number.NaN).value).toBe(1);
    expect(capNumber(size, 2500.4)).toEqual({ value: 2500 });
  });
});
