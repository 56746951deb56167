// The time plot's records are canvas pixels, so their shapes, sharpness and theme colours are checked in Chromium.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'vitest-browser-svelte';
import TimePlot from '../../../src/components/sim/TimePlot.svelte';
import { paintRecords, type RecordGlyphs } from '../../../src/components/sim/recordCanvas.ts';
import { buildTraceIndex } from '../../../src/components/sim/traceIndex.ts';
import { lateRecordStateAt, lateRecordTrace } from '../../dom/sim/fixtures.ts';

afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute('style');
  delete document.documentElement.dataset.theme;
});

type Rgba = [number, number, number, number];
const ink = { accent: 'rgb(0, 0, 255)', danger: 'rgb(255, 0, 0)', surface: 'rgb(255, 255, 255)' };
const [BLUE, RED, WHITE, NOTHING]: Rgba[] = [[0, 0, 255, 255], [255, 0, 0, 255], [255, 255, 255, 255], [0, 0, 0, 0]];

function pixelAt(canvas: HTMLCanvasElement, x: number, y: number, ratio: number): Rgba {
  const data = canvas.getContext('2d')!.getImageData(Math.floor(x * ratio), Math.floor(y * ratio), 1, 1).data;
  return [...data] as Rgba;
}

/** Pixels of the canvas that are (nearly) this colour. */
function countColour(canvas: HTMLCanvasElement, [r, g, b]: number[]): number {
  const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  let count = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 250 && Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 12) count++;
  return count;
}

describe('records on the canvas', () => {
  it('draws an accepted record filled, a dropped one hollow and crossed, a partly late one hollow and slashed, at the device pixel ratio', () => {
    const canvas = document.createElement('canvas');
    // Base coordinates: processing time grows upwards, so y is negative; the offset brings them into view.
    const glyphs: RecordGlyphs = { from: 0, x: Float64Array.of(20, 60, 100), y: Float64Array.of(-20, -20, -20), fate: Uint8Array.of(0, 2, 1) };
    paintRecords(canvas, glyphs, { x: 0, y: 40 }, { width: 120, height: 40, pixelRatio: 2 }, ink);
    expect([canvas.width, canvas.height]).toEqual([240, 80]);
    const at = (x: number, y: number) => pixelAt(canvas, x, y, 2);
    expect(at(20, 20)).toEqual(BLUE);
    expect(at(62.5, 20)).toEqual(WHITE); // hollow inside, off the cross
    expect(at(62, 22)).toEqual(RED); // on the cross's falling stroke
    expect(at(102, 18)).toEqual(RED); // on the slash
    expect(at(102, 22)).toEqual(WHITE); // a slash, not a cross
    expect(at(40, 5)).toEqual(NOTHING);
  });

  it('takes its colours from the theme and redraws them when the learner switches to dark', async () => {
    const root = document.documentElement.style;
    root.setProperty('--accent', 'light-dark(rgb(0, 0, 255), rgb(255, 255, 0))');
    root.setProperty('--danger', 'light-dark(rgb(255, 0, 0), rgb(0, 255, 255))');
    root.setProperty('--surface', 'light-dark(rgb(255, 255, 255), rgb(0, 0, 0))');
    root.colorScheme = 'light';
    const trace = lateRecordTrace();
    const screen = await render(TimePlot, { trace, index: buildTraceIndex(trace), now: lateRecordStateAt(16000) });
    const canvas = screen.container.querySelector('canvas')!;
    expect(countColour(canvas, [0, 0, 255])).toBeGreaterThan(5 * 40); // five accepted dots
    expect(countColour(canvas, [255, 0, 0])).toBeGreaterThan(20); // the dropped record's cross

    root.colorScheme = 'dark';
    document.documentElement.dataset.theme = 'dark';
    await expect.poll(() => countColour(canvas, [255, 255, 0])).toBeGreaterThan(5 * 40);
    expect(countColour(canvas, [0, 0, 255])).toBe(0);
    expect(countColour(canvas, [0, 255, 255])).toBeGreaterThan(20);
  });
});
