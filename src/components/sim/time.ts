// Readable times for axes, tables and screen readers. Simulator times are integer milliseconds; ±Infinity are the
// watermark sentinels (spec/semantics.md R1.1), which read as "−∞" / "+∞" rather than a number.
import type { ProfileId } from '../../sim/index.ts';

const trim = (value: number) => String(Number(value.toFixed(3)));

/** "250 ms", "1.5 s", "2 min 5 s", "−∞". */
export function formatMs(ms: number): string {
  if (ms === Infinity) return '+∞';
  if (ms === -Infinity) return '−∞';
  if (Number.isNaN(ms)) return '—';
  const sign = ms < 0 ? '−' : '';
  const abs = Math.abs(ms);
  if (abs < 1000) return `${sign}${trim(abs)} ms`;
  if (abs < 60_000) return `${sign}${trim(abs / 1000)} s`;
  const minutes = Math.floor(abs / 60_000);
  const seconds = Math.round((abs % 60_000) / 100) / 10;
  return seconds === 0 ? `${sign}${minutes} min` : `${sign}${minutes} min ${trim(seconds)} s`;
}

/** Which ends of a window hold records: "[)" start only (the usual), "(]" end only, "[]" both. */
export type WindowBounds = '[)' | '(]' | '[]';

/**
 * How an engine writes its windows: start inclusive, end exclusive, except a Storm windowed bolt, which holds the
 * tuples in (start, end] (WatermarkTimeEvictionPolicy expires a tuple exactly one length before the end and keeps
 * one stamped at the end), and Kafka Streams session and sliding windows, inclusive at both ends (R2.5, R2.7).
 */
export function windowBoundsOf(profile: ProfileId, windowType?: string): WindowBounds {
  if (profile === 'storm') return '(]';
  return profile === 'kafka-streams' && (windowType === 'session' || windowType === 'kafka-sliding') ? '[]' : '[)';
}

/** A window as its engine writes it ("[0 s, 10 s)", a storm run's "(0 s, 10 s]"). */
export function formatWindow(start: number | undefined, end: number | undefined, bounds: WindowBounds = '[)'): string {
  if (start === undefined || end === undefined) return 'the global window';
  const [open, close] = bounds;
  if (!Number.isFinite(start) || !Number.isFinite(end)) return `${open}${formatMs(start)}, ${formatMs(end)}${close}`;
  // Both bounds in one unit, so [0 s, 10 s) never reads as [0 ms, 10 s).
  const inSeconds = Math.max(Math.abs(start), Math.abs(end)) >= 1000;
  const show = (ms: number) => (inSeconds ? `${trim(ms / 1000)} s` : `${trim(ms)} ms`).replace('-', '−');
  return `${open}${show(start)}, ${show(end)}${close}`;
}

/** Axis tick label: the unit chosen once for the whole axis so ticks line up ("10", "20" … in s). */
export function axisUnit(spanMs: number): { unit: string; divisor: number } {
  if (spanMs >= 120_000) return { unit: 'min', divisor: 60_000 };
  if (spanMs >= 2_000) return { unit: 's', divisor: 1000 };
  return { unit: 'ms', divisor: 1 };
}
