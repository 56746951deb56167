// jsdom has no layout engine and no ResizeObserver, which `bind:clientWidth` needs; a stand-in that never reports
// a size leaves views at their default width, which is all these tests need.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

// Nor matchMedia (the app's reduced-motion setting reads it): nothing matches.
window.matchMedia ??= ((query: string) => ({
  matches: false, media: query, onchange: null,
  addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, dispatchEvent: () => false,
})) as unknown as typeof window.matchMedia;

// Nor a 2D canvas (it would need the canvas package): the plot skips drawing its records; tests/browser/sim looks
// at the pixels in Chromium.
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
