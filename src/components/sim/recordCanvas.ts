// The time plot's records on a canvas (RecordMarks.svelte). While playing a big run, dozens of marks enter, leave
// and move every frame, and Chromium paints SVG elements one by one (~10 ms a frame at 10,000 records); a canvas
// draws them as a few batched paths. Same shapes as the SVG legend: a filled dot, a hollow dot crossed out
// (dropped as late), a hollow dot slashed (late for some windows). The marks with focus stay SVG (RecordMark).
import { createSubscriber } from 'svelte/reactivity';
import { RecordFate, type Trace } from '../../sim/index.ts';
import { recordFateAt } from './marks.ts';
import { baseX, baseY, type PlotGeometry } from './plotModel.ts';
import type { TraceIndex } from './traceIndex.ts';

export const MARK_RADIUS = 5;
/** How far from a mark's centre a pointer still takes it: the circle plus its cross's reach. */
const REACH = MARK_RADIUS + 1;

/** Records [from, from + length) in base coordinates with their fate at t. */
export interface RecordGlyphs { from: number; x: Float64Array; y: Float64Array; fate: Uint8Array }

/** Where records go and how they look; depends on rows and drops, not on t, so it changes only when they do. */
export function recordGlyphs(trace: Trace, index: TraceIndex, geometry: PlotGeometry, from: number, to: number, dropsSoFar: number): RecordGlyphs {
  const length = Math.max(0, to - from);
  const glyphs = { from, x: new Float64Array(length), y: new Float64Array(length), fate: new Uint8Array(length) };
  for (let i = 0; i < length; i++) {
    glyphs.x[i] = baseX(geometry, trace.records.ts[from + i]);
    glyphs.y[i] = baseY(geometry, trace.records.procTimeMs[from + i]);
    glyphs.fate[i] = recordFateAt(trace, index, from + i, dropsSoFar);
  }
  return glyphs;
}

/** The record whose mark covers a point (base coordinates): the nearest in reach, the newest on a tie. */
export function recordNear(glyphs: RecordGlyphs, x: number, y: number): number | undefined {
  let best: number | undefined;
  let bestDistance = REACH * REACH;
  for (let i = 0; i < glyphs.x.length; i++) {
    const distance = (glyphs.x[i] - x) ** 2 + (glyphs.y[i] - y) ** 2;
    if (distance <= bestDistance) [best, bestDistance] = [glyphs.from + i, distance];
  }
  return best;
}

/** Resolved colours: the theme's custom properties hold `light-dark()`, which a canvas cannot read. */
export interface Ink { accent: string; danger: string; surface: string }

/** Reads the colours the canvas's CSS resolves for it (see RecordMarks.svelte). */
export function readInk(canvas: Element): Ink {
  const style = getComputedStyle(canvas);
  return { accent: style.color, danger: style.borderTopColor, surface: style.borderBottomColor };
}

/** Call inside an effect to re-run it when the colours may change: the system scheme or the chosen theme. */
export const trackColourScheme = createSubscriber((update) => {
  const scheme = matchMedia('(prefers-color-scheme: dark)');
  scheme.addEventListener('change', update);
  const theme = new MutationObserver(update);
  theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => {
    scheme.removeEventListener('change', update);
    theme.disconnect();
  };
});

export interface Surface { width: number; height: number; pixelRatio: number }

/** Draws the glyphs shifted by `offset` (base coordinates → the canvas), sharp at any device pixel ratio. */
export function paintRecords(canvas: HTMLCanvasElement, glyphs: RecordGlyphs, offset: { x: number; y: number }, surface: Surface, ink: Ink): void {
  const width = Math.round(surface.width * surface.pixelRatio);
  const height = Math.round(surface.height * surface.pixelRatio);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return;
  context.setTransform(surface.pixelRatio, 0, 0, surface.pixelRatio, 0, 0);
  context.clearRect(0, 0, surface.width, surface.height);
  context.translate(offset.x, offset.y);
  const visible = (i: number) => {
    const x = glyphs.x[i] + offset.x;
    const y = glyphs.y[i] + offset.y;
    return x > -REACH && x < surface.width + REACH && y > -REACH && y < surface.height + REACH;
  };
  const dots = (accepted: boolean) => {
    context.beginPath();
    for (let i = 0; i < glyphs.x.length; i++) {
      if ((glyphs.fate[i] === RecordFate.Accepted) !== accepted || !visible(i)) continue;
      context.moveTo(glyphs.x[i] + MARK_RADIUS, glyphs.y[i]);
      context.arc(glyphs.x[i], glyphs.y[i], MARK_RADIUS, 0, 2 * Math.PI);
    }
  };
  // Accepted records: filled, rimmed in the surface colour so neighbours stay apart.
  dots(true);
  context.fillStyle = ink.accent;
  context.fill();
  context.lineWidth = 1;
  context.strokeStyle = ink.surface;
  context.stroke();
  // Late ones on top, so a drop is never hidden under accepted dots: hollow, then crossed or slashed.
  dots(false);
  context.fillStyle = ink.surface;
  context.fill();
  context.lineWidth = 1.5;
  context.strokeStyle = ink.danger;
  context.stroke();
  context.beginPath();
  for (let i = 0; i < glyphs.x.length; i++) {
    if (glyphs.fate[i] === RecordFate.Accepted || !visible(i)) continue;
    const [x, y] = [glyphs.x[i], glyphs.y[i]];
    context.moveTo(x - 6, y + 6);
    context.lineTo(x + 6, y - 6);
    if (glyphs.fate[i] === RecordFate.Late) {
      context.moveTo(x - 6, y - 6);
      context.lineTo(x + 6, y + 6);
    }
  }
  context.lineWidth = 2.2;
  context.lineCap = 'round';
  context.stroke();
}
