// R4.21: suppress(untilWindowCloses): the latest value per (key, window), emitted once the window's end is at or
// below ost − Gs, in (end, key) order; tombstones are dropped.
import { inMs, type Recorder } from '../trace/recorder.ts';
import type { PaneValue } from '../types.ts';
import type { KafkaWindow } from './kafkaWindows.ts';

interface Entry { w: KafkaWindow; value: PaneValue; ts: number; keyRank: number }

export class SuppressBuffer {
  private readonly entries = new Map<number, Entry>();

  constructor(private readonly recorder: Recorder, private readonly keyRank: Int32Array, private readonly suppressGrace: number) {}

  put(w: KafkaWindow, value: PaneValue, ts: number): void {
    if (value === null) this.entries.delete(w.id);
    else this.entries.set(w.id, { w, value, ts, keyRank: this.keyRank[w.keyId] });
  }

  flush(ost: number): void {
    const limit = ost - this.suppressGrace;
    const due = [...this.entries.values()].filter((e) => e.w.end <= limit);
    due.sort((a, b) => a.w.end - b.w.end || a.keyRank - b.keyRank || a.w.start - b.w.start);
    for (const e of due) {
      this.entries.delete(e.w.id);
      this.recorder.pane({
        keyId: e.w.keyId, windowId: e.w.id, start: e.w.start, end: e.w.end, value: e.value, timing: 'ON_TIME',
        index: 0, isFirst: true, isLast: true, retract: false, ts: e.ts, purged: true,
        decision: {
          rule: 'R4.21', values: { end: e.w.end, streamTime: ost, suppressGrace: this.suppressGrace },
          reason: inMs(`final result: window end ${e.w.end} ≤ stream time ${ost} − ${this.suppressGrace}`),
        },
      });
    }
  }
}
