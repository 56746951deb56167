// Direct manipulation of a scenario's events from the time plot, as callbacks: the plot proposes, the owner edits
// the scenario and re-runs (STYLE §1: a learner action becomes a new scenario, never a change to the run).

/** `step` is the record's input position (trace.records.step): for scenario events, its index in `events`. */
export interface PlotEdits {
  move(step: number, to: { ts: number; arrivalMs: number }): void;
  remove(step: number): void;
  add(at: { ts: number; arrivalMs: number }): void;
  /** A drag ended (the owner may record one undo step or update the link). */
  settle?(): void;
}

/** A round step for nudges and snapping: about 1% of the visible span, at 1, 2 or 5 × a power of ten. */
export function snapStepMs(spanMs: number): number {
  const raw = Math.max(1, spanMs / 100);
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = [1, 2, 5, 10].find((m) => m * power >= raw) ?? 10;
  return unit * power;
}

export const snapTo = (ms: number, step: number) => Math.round(ms / step) * step;
