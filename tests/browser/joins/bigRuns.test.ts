// Both views playing 5,000-event runs in Chromium: state, results and partial matches change while playing. Two
// figures are printed for the report, never used as pass/fail thresholds: the time between animation frames while
// playing, and the time one frame's work takes (seek, Svelte update, layout) over 100 seeks across the run.
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import CepSimulation from '../../../src/components/cep/CepSimulation.svelte';
import JoinSimulation from '../../../src/components/joins/JoinSimulation.svelte';
import { bigJoin, bigPattern } from './bigRuns.ts';

/** Gaps between animation frames over `ms` of wall time. */
function frameGaps(ms: number): Promise<number[]> {
  return new Promise((resolve) => {
    const stamps: number[] = [];
    const frame = (t: number) => {
      stamps.push(t);
      if (t - stamps[0] < ms) requestAnimationFrame(frame);
      else resolve(stamps.slice(1).map((s, i) => s - stamps[i]));
    };
    requestAnimationFrame(frame);
  });
}

/** Seeks the playback slider across the run and times each update up to a finished layout. */
function updateTimes(slider: HTMLInputElement, count = 100): number[] {
  const [min, max] = [Number(slider.min), Number(slider.max)];
  return Array.from({ length: count }, (_, i) => {
    const start = performance.now();
    slider.value = String(min + ((max - min) * (i + 1)) / count);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    void document.body.offsetHeight;
    return performance.now() - start;
  });
}

function report(what: string, gaps: number[]): void {
  const sorted = [...gaps].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
  console.log(`${what}: ${gaps.length} frames, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`);
}

describe('the join and CEP views with 5,000 events', () => {
  it('play a 5,000-event join: results grow and state is held and evicted as time moves', { timeout: 60_000 }, async () => {
    const screen = await render(JoinSimulation, { scenario: bigJoin(), title: 'Big join' });
    const summary = screen.getByText(/^At .*: left holds/);
    await expect.element(summary).toHaveTextContent('At 0 ms: left holds 1, right holds 0; 0 results.');
    await screen.getByRole('button', { name: 'Faster' }).click();
    await screen.getByRole('button', { name: 'Faster' }).click();
    await screen.getByRole('button', { name: 'Play' }).click();
    report('join view, 5,000 events, playing at 4×, frame gaps', await frameGaps(3000));
    await screen.getByRole('button', { name: 'Pause' }).click();
    await expect.element(screen.getByRole('button', { name: 'Play' })).toBeVisible();
    const [, held, results] = summary.element().textContent!.match(/left holds (\d+), right holds \d+; (\d+) results/)!;
    expect(Number(results)).toBeGreaterThan(0);
    // Cleanup keeps state bounded: ±1 s of a 50-second run is held, never all of it.
    expect(Number(held)).toBeGreaterThan(0);
    expect(Number(held)).toBeLessThan(1000);
    report('join view, 5,000 events, one frame of work', updateTimes(screen.getByRole('slider').element() as HTMLInputElement));
    await expect.element(summary).toHaveTextContent('; 4950 results.');
  });

  it('play a 5,000-event pattern: partial matches come and go and matches are emitted', { timeout: 60_000 }, async () => {
    const screen = await render(CepSimulation, { scenario: bigPattern(), title: 'Big pattern' });
    await screen.getByRole('button', { name: 'Faster' }).click();
    await screen.getByRole('button', { name: 'Faster' }).click();
    await screen.getByRole('button', { name: 'Play' }).click();
    report('CEP view, 5,000 events, playing at 4×, frame gaps', await frameGaps(3000));
    await screen.getByRole('button', { name: 'Pause' }).click();
    await expect.element(screen.getByRole('button', { name: 'Play' })).toBeVisible();
    const text = screen.getByText(/^At .*partial matches/).element().textContent!;
    const [, matches, ended] = text.match(/(\d+) matches, (\d+) ended/)!;
    expect(Number(matches)).toBeGreaterThan(0);
    expect(Number(ended)).toBeGreaterThan(0);
    report('CEP view, 5,000 events, one frame of work', updateTimes(screen.getByRole('slider').element() as HTMLInputElement));
    await expect.element(screen.getByText(/^At .*partial matches/)).toHaveTextContent(/649 matches/);
  });
});
