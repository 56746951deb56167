// Final results per window in Kafka Streams: R4.21 suppress(untilWindowCloses) and R4.22 EmitStrategy.onWindowClose.
// Both keep the latest value per (key, window) and emit it once, in (end, key) order, when stream time has moved
// far enough; tombstones only remove the entry. They differ in the bound: suppress emits end ≤ ost − Gs, while
// onWindowClose emits end ≤ ost − G for TimeWindows but end < ost − G (sliding) and end < ost − G − g (sessions).
import { inMs, type Recorder } from '../trace/recorder.ts';
import type { PaneValue } from '../types.ts';
import type { KafkaWindow, UpdateBuffer } from './kafkaWindows.ts';

interface Entry { w: KafkaWindow; value: PaneValue; ts: number; keyRank: number }

export interface FinalBound {
  /** R4.21 or R4.22. */
  rule: string;
  /** Gs (suppress) or the close grace: G, or G + g for sessions. */
  grace: number;
  /** Emit only windows that end strictly before ost − grace (onWindowClose of sliding and session windows). */
  isStrict: boolean;
}

export class FinalResultBuffer implements UpdateBuffer {
  private readonly entries = new Map<number, Entry>();

  constructor(private readonly recorder: Recorder, private readonly keyRank: Int32Array, private readonly bound: FinalBound) {}

  put(w: KafkaWindow, value: PaneValue, ts: number): void {
    if (value === null) this.entries.delete(w.id);
    else this.entries.set(w.id, { w, value, ts, keyRank: this.keyRank[w.keyId] });
  }

  flush(ost: number): void {
    const { rule, grace, isStrict } = this.bound;
    const limit = ost - grace;
    const due = [...this.entries.values()].filter((e) => (isStrict ? e.w.end < limit : e.w.end <= limit));
    due.sort((a, b) => a.w.end - b.w.end || a.keyRank - b.keyRank || a.w.start - b.w.start);
    const sign = isStrict ? '<' : '≤';
    for (const e of due) {
      this.entries.delete(e.w.id);
      this.recorder.pane({
        keyId: e.w.keyId, windowId: e.w.id, start: e.w.start, end: e.w.end, value: e.value, timing: 'ON_TIME',
        index: 0, isFirst: true, isLast: true, retract: false, ts: e.ts, purged: true,
        decision: {
          rule, values: { end: e.w.end, streamTime: ost, [rule === 'R4.21' ? 'suppressGrace' : 'grace']: grace },
          reason: inMs(`final result${rule === 'R4.22' ? ' on window close' : ''}: window end ${e.w.end} ${sign} stream time ${ost} − ${grace}`),
        },
      });
    }
  }
}
