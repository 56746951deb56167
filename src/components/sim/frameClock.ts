// The one place wall-clock time enters Eventide (STYLE §2): animation frames and their timestamps. Playback takes a
// FrameClock so tests drive frames by hand and the bench reads the same timestamps the page uses.

export interface FrameClock {
  request(callback: (frameTimeMs: number) => void): number;
  cancel(handle: number): void;
}

export const animationFrames: FrameClock = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};
