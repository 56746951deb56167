// Playback over a trace's processing time: play/pause, step to the next or previous moment, jump to the ends, seek,
// speed. Frame time × speed becomes procTimeMs here and nowhere else; views read `procTimeMs` and ask traceAt.
import { bisectLeft, bisectRight } from 'd3';
import { animationFrames, type FrameClock } from './frameClock.ts';

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
/** At 1× a whole run plays in this much wall time, whatever its length. */
const RUN_WALL_MS = 20_000;
/** With reduced motion, time jumps from moment to moment at this wall-time rhythm instead of gliding. */
export const REDUCED_STEP_WALL_MS = 700;

export interface Timeline {
  /** Ascending distinct processing times where something happens. */
  momentsMs: ArrayLike<number>;
  startMs: number;
  endMs: number;
}

export interface PlaybackOptions {
  clock?: FrameClock;
  /** Read on every frame so a settings change applies mid-play. */
  isMotionReduced?: () => boolean;
  speed?: number;
}

export class Playback {
  procTimeMs = $state(0);
  playing = $state(false);
  speed = $state(1);
  /** Timestamp of the last frame played (for throttling announcements without another clock). */
  lastFrameMs = $state(0);
  #timeline = $state.raw<Timeline>({ momentsMs: [], startMs: 0, endMs: 0 });
  readonly #clock: FrameClock;
  readonly #isMotionReduced: () => boolean;
  #handle: number | undefined;
  #previousFrameMs: number | undefined;
  #sinceStepMs = 0;

  constructor(timeline: Timeline, options: PlaybackOptions = {}) {
    this.#clock = options.clock ?? animationFrames;
    this.#isMotionReduced = options.isMotionReduced ?? (() => false);
    this.speed = nearestSpeed(options.speed ?? 1);
    this.setTimeline(timeline);
    this.procTimeMs = timeline.startMs;
  }

  get startMs(): number { return this.#timeline.startMs; }
  get endMs(): number { return this.#timeline.endMs; }
  get atStart(): boolean { return this.procTimeMs <= this.startMs; }
  get atEnd(): boolean { return this.procTimeMs >= this.endMs; }

  /** A re-run keeps the current time (clamped) so a changed control shows its effect at the same moment. */
  setTimeline(timeline: Timeline): void {
    this.#timeline = timeline;
    this.procTimeMs = clamp(this.procTimeMs, timeline.startMs, timeline.endMs);
    if (this.atEnd) this.pause();
  }

  seek(procTimeMs: number): void {
    this.procTimeMs = clamp(procTimeMs, this.startMs, this.endMs);
  }

  play(): void {
    if (this.playing) return;
    if (this.atEnd) this.procTimeMs = this.startMs;
    this.playing = true;
    this.#previousFrameMs = undefined;
    this.#sinceStepMs = 0;
    this.#handle = this.#clock.request(this.#frame);
  }

  pause(): void {
    this.playing = false;
    if (this.#handle !== undefined) this.#clock.cancel(this.#handle);
    this.#handle = undefined;
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  stepForward(): void {
    this.pause();
    const moments = this.#timeline.momentsMs;
    const next = bisectRight(moments, this.procTimeMs);
    this.seek(next < moments.length ? moments[next] : this.endMs);
  }

  stepBack(): void {
    this.pause();
    const moments = this.#timeline.momentsMs;
    const previous = bisectLeft(moments, this.procTimeMs) - 1;
    this.seek(previous >= 0 ? moments[previous] : this.startMs);
  }

  toStart(): void { this.pause(); this.seek(this.startMs); }
  toEnd(): void { this.pause(); this.seek(this.endMs); }

  faster(): void { this.speed = SPEEDS[Math.min(SPEEDS.indexOf(this.speed as never) + 1, SPEEDS.length - 1)]; }
  slower(): void { this.speed = SPEEDS[Math.max(SPEEDS.indexOf(this.speed as never) - 1, 0)]; }

  /** Stops the frame loop (the owning component is going away). */
  destroy(): void { this.pause(); }

  #frame = (frameTimeMs: number): void => {
    if (!this.playing) return;
    const elapsed = this.#previousFrameMs === undefined ? 0 : Math.max(0, frameTimeMs - this.#previousFrameMs);
    this.#previousFrameMs = frameTimeMs;
    this.lastFrameMs = frameTimeMs;
    const pace = Math.max(1, this.endMs - this.startMs) / RUN_WALL_MS;
    if (this.#isMotionReduced()) {
      // No gliding: hold still, then jump to the first moment at or past where smooth play would be.
      this.#sinceStepMs += elapsed;
      if (this.#sinceStepMs >= REDUCED_STEP_WALL_MS) {
        const target = this.procTimeMs + this.#sinceStepMs * pace * this.speed;
        const moments = this.#timeline.momentsMs;
        const next = bisectLeft(moments, target);
        this.seek(Math.max(target, next < moments.length ? moments[next] : this.endMs));
        this.#sinceStepMs = 0;
      }
    } else {
      this.seek(this.procTimeMs + elapsed * pace * this.speed);
    }
    if (this.atEnd) this.pause();
    else this.#handle = this.#clock.request(this.#frame);
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

function nearestSpeed(speed: number): number {
  return SPEEDS.reduce((best, s) => (Math.abs(s - speed) < Math.abs(best - speed) ? s : best), 1);
}
