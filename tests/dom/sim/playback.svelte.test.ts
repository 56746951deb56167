import { describe, expect, it } from 'vitest';
import { Playback, REDUCED_STEP_WALL_MS } from '../../../src/components/sim/playback.svelte.ts';
import type { FrameClock } from '../../../src/components/sim/frameClock.ts';

/** Frames run only when the test says so, at the frame times it gives. */
function manualClock() {
  let pending: ((t: number) => void) | undefined;
  const clock: FrameClock = {
    request: (callback) => { pending = callback; return 1; },
    cancel: () => { pending = undefined; },
  };
  return { clock, frame: (t: number) => { const run = pending; pending = undefined; run?.(t); }, get isWaiting() { return pending !== undefined; } };
}

const timeline = { momentsMs: [1000, 4000, 12000, 15000, 20000], startMs: 0, endMs: 20000 };

describe('playback', () => {
  it('starts at the beginning, paused', () => {
    const playback = new Playback(timeline, { clock: manualClock().clock });
    expect(playback.procTimeMs).toBe(0);
    expect(playback.playing).toBe(false);
  });

  it('turns frame time into processing time so a whole run plays in 20 s at 1×', () => {
    const { clock, frame } = manualClock();
    const playback = new Playback(timeline, { clock });
    playback.play();
    frame(100);
    frame(1100); // one wall second = 1/20 of the 20 s run
    expect(playback.procTimeMs).toBe(1000);
    playback.faster();
    frame(2100);
    expect(playback.procTimeMs).toBe(3000);
  });

  it('stops at the end of the run and replays from the start when played again', () => {
    const { clock, frame } = manualClock();
    const playback = new Playback(timeline, { clock });
    playback.play();
    frame(0);
    frame(60_000);
    expect(playback.procTimeMs).toBe(20000);
    expect(playback.playing).toBe(false);
    playback.play();
    expect(playback.procTimeMs).toBe(0);
  });

  it('steps forward and back one moment at a time and pauses while stepping', () => {
    const playback = new Playback(timeline, { clock: manualClock().clock });
    playback.stepForward();
    expect(playback.procTimeMs).toBe(1000);
    playback.stepForward();
    playback.stepForward();
    expect(playback.procTimeMs).toBe(12000);
    playback.seek(13000);
    playback.stepBack();
    expect(playback.procTimeMs).toBe(12000);
    playback.toStart();
    playback.stepBack();
    expect(playback.procTimeMs).toBe(0);
    playback.toEnd();
    playback.stepForward();
    expect(playback.procTimeMs).toBe(20000);
  });

  it('keeps seeks inside the run', () => {
    const playback = new Playback(timeline, { clock: manualClock().clock });
    playback.seek(-5);
    expect(playback.procTimeMs).toBe(0);
    playback.seek(1e12);
    expect(playback.procTimeMs).toBe(20000);
  });

  it('changes speed through the fixed steps and stops at either end', () => {
    const playback = new Playback(timeline, { clock: manualClock().clock, speed: 4 });
    playback.faster();
    expect(playback.speed).toBe(4);
    for (let i = 0; i < 10; i++) playback.slower();
    expect(playback.speed).toBe(0.25);
  });

  it('with reduced motion, holds still and then jumps to a moment instead of gliding', () => {
    const { clock, frame } = manualClock();
    const playback = new Playback(timeline, { clock, isMotionReduced: () => true });
    playback.play();
    frame(0);
    frame(REDUCED_STEP_WALL_MS / 2);
    expect(playback.procTimeMs).toBe(0);
    frame(REDUCED_STEP_WALL_MS);
    // 0.7 s of wall time is 700 ms of run time; the first moment at or after it is 1 s.
    expect(playback.procTimeMs).toBe(1000);
  });

  it('pausing stops asking for frames', () => {
    const manual = manualClock();
    const playback = new Playback(timeline, { clock: manual.clock });
    playback.play();
    expect(manual.isWaiting).toBe(true);
    playback.pause();
    expect(manual.isWaiting).toBe(false);
  });

  it('a new timeline keeps the current time when it still exists', () => {
    const playback = new Playback(timeline, { clock: manualClock().clock });
    playback.seek(12000);
    playback.setTimeline({ momentsMs: [500], startMs: 0, endMs: 30000 });
    expect(playback.procTimeMs).toBe(12000);
    playback.setTimeline({ momentsMs: [500], startMs: 0, endMs: 5000 });
    expect(playback.procTimeMs).toBe(5000);
  });
});
