// R3.13, R4.15: Beam's watermark holds and pane timestamps, as apache/beam runners/core WatermarkHold and
// ReduceFnRunner do them. The grouping stage's output watermark is min(input watermark, every hold), never falling.
// - Each (element, window) adds an element hold at TimestampCombiner.assign: maxTs(w) for END_OF_WINDOW, the
//   element's own time for EARLIEST / LATEST, combined per window by min / max (addElementHold). It is only added if
//   it is not before the output watermark and the window's maxTs is not before the input watermark; otherwise the
//   window gets a garbage-collection hold at maxTs + allowed lateness, unless that is before the input watermark.
// - A firing (extractAndRelease) stamps the pane with the smaller of the two holds, clipped to maxTs when there is
//   none or it is past the window (a GC hold): so a LATE pane is stamped maxTs, whatever the combiner. Then both holds
//   are released; with ClosingBehavior FIRE_IF_NON_EMPTY (R4.13) no new GC hold is set for the empty pane.
// - Merging windows combine their element holds (END_OF_WINDOW: re-added at the merged maxTs) and always add the
//   merged window's GC hold (onMerge). Closing a window clears its holds.
import { Heap } from '../heap.ts';
import type { Recorder } from '../trace/recorder.ts';
import type { TimestampCombiner } from '../types.ts';
import type { Win } from './window.ts';

interface HoldEntry { ts: number; win: Win }

/** The hold a window places on the output watermark now: the smaller of its element and GC holds (NaN: none). */
const holdOf = (win: Win): number =>
  Number.isNaN(win.holdTs) ? win.gcHoldTs : Number.isNaN(win.gcHoldTs) ? win.holdTs : Math.min(win.holdTs, win.gcHoldTs);

export class WatermarkHolds {
  /** Output watermark of the grouping stage. */
  outputWm = -Infinity;
  // Lazy min-heap: an entry is stale once its window's hold moved or went; stale entries are dropped when seen.
  private readonly heap = new Heap<HoldEntry>((a, b) => a.ts < b.ts);

  constructor(
    private readonly combiner: TimestampCombiner,
    private readonly allowedLateness: number,
    private readonly recorder: Recorder,
  ) {}

  /** WatermarkHold#addHolds for one element of `win`, given the stage's input watermark. */
  onElement(win: Win, eventTs: number, inputWm: number): void {
    const before = holdOf(win);
    const elementHold = this.combiner === 'end-of-window' ? win.maxTs : eventTs;
    if (elementHold >= this.outputWm && win.maxTs >= inputWm) {
      win.holdTs = Number.isNaN(win.holdTs) ? elementHold
        : this.combiner === 'latest' ? Math.max(win.holdTs, elementHold) : Math.min(win.holdTs, elementHold);
    } else {
      this.addGcHold(win, inputWm);
    }
    if (holdOf(win) !== before) this.track(win);
  }

  /** WatermarkHold#onMerge: `merged` takes the holds of `from`, plus its own GC hold. */
  onMerge(merged: Win, from: readonly Win[], inputWm: number): void {
    if (this.combiner === 'end-of-window') {
      if (from.some((w) => !Number.isNaN(w.holdTs)) && merged.maxTs >= this.outputWm && merged.maxTs >= inputWm) merged.holdTs = merged.maxTs;
    } else {
      for (const w of from) {
        if (Number.isNaN(w.holdTs)) continue;
        merged.holdTs = Number.isNaN(merged.holdTs) ? w.holdTs
          : this.combiner === 'latest' ? Math.max(merged.holdTs, w.holdTs) : Math.min(merged.holdTs, w.holdTs);
      }
    }
    for (const w of from) this.clear(w);
    this.addGcHold(merged, inputWm);
    this.track(merged);
  }

  /** WatermarkHold#extractAndRelease: the pane's timestamp; the window holds nothing afterwards. */
  release(win: Win): number {
    const held = holdOf(win);
    this.clear(win);
    return Number.isNaN(held) || held > win.maxTs ? win.maxTs : held;
  }

  clear(win: Win): void {
    win.holdTs = NaN;
    win.gcHoldTs = NaN;
  }

  /** Recomputes min(input watermark, holds); records the output watermark when it advances. */
  update(inputWm: number): void {
    let min = inputWm;
    for (let top = this.heap.peek(); top !== undefined; top = this.heap.peek()) {
      if (!top.win.isClosed && holdOf(top.win) === top.ts) {
        if (top.ts < min) min = top.ts;
        break;
      }
      this.heap.pop();
    }
    if (min <= this.outputWm) return;
    this.outputWm = min;
    this.recorder.outputWatermark(min);
  }

  private addGcHold(win: Win, inputWm: number): void {
    const gc = win.maxTs + this.allowedLateness;
    if (gc < inputWm) return;
    win.gcHoldTs = Number.isNaN(win.gcHoldTs) ? gc : Math.min(win.gcHoldTs, gc);
  }

  private track(win: Win): void {
    const held = holdOf(win);
    if (!Number.isNaN(held)) this.heap.push({ ts: held, win });
  }
}
