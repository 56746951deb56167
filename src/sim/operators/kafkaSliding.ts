// R2.5, R4.17: Kafka Streams SlidingWindows: inclusive windows [s, s + d] that exist only where a record enters or
// leaves. Computed from the accepted records of the key, so the set of windows is exactly the rule's definition.
import type { Value } from '../types.ts';
import type { KafkaEmitter, KafkaWindow } from './kafkaWindows.ts';

interface Held { t: number; value: Value; record: number }

export class KafkaSlidingWindows {
  private readonly records: Held[][] = [];
  private readonly windows: Map<number, KafkaWindow>[] = [];

  constructor(private readonly out: KafkaEmitter, private readonly d: number) {}

  /** Window starts defined by a set of record times (R2.5): left windows (or [0, d]), and right windows with a successor. */
  private starts(times: number[]): Set<number> {
    const starts = new Set<number>();
    for (const r of times) {
      starts.add(r < this.d ? 0 : r - this.d);
      if (times.some((o) => o > r && o <= r + this.d)) starts.add(r + 1);
    }
    return starts;
  }

  process(record: number, keyId: number, t: number, value: Value, ost: number): boolean {
    const { grace } = this.out.pipeline;
    const closeTime = ost - grace;
    const held = (this.records[keyId] ??= []);
    const windows = (this.windows[keyId] ??= new Map());
    // R4.17: a record is skipped entirely when t + d < ost − G.
    if (t + this.d < closeTime) {
      const start = Math.max(0, t - this.d);
      this.out.late(record, keyId, t, value, start, start + this.d, 'R4.17', { ts: t, size: this.d, streamTime: ost, grace },
        `late: record ${t} + ${this.d} < stream time ${ost} − grace ${grace} = ${closeTime}`);
      return false;
    }
    const before = this.starts(held.map((h) => h.t));
    held.push({ t, value, record });
    const after = [...this.starts(held.map((h) => h.t))].filter((s) => s <= t && t <= s + this.d);
    // R2.5 emission order: updated windows by descending start, then new ones (previous right, own left, own right).
    const updated = after.filter((s) => before.has(s)).sort((a, b) => b - a);
    const created = after.filter((s) => !before.has(s)).sort((a, b) => a - b);
    let accepted = 0;
    for (const start of [...updated, ...created]) {
      const end = start + this.d;
      // R4.17: a window accepts iff its end ≥ ost − G.
      if (end < closeTime) {
        this.out.late(record, keyId, t, value, start, end, 'R4.17', { end, streamTime: ost, grace },
          `late: window [${start},${end}] end ${end} < stream time ${ost} − grace ${grace} = ${closeTime}`, 1);
        continue;
      }
      let w = windows.get(start);
      if (!w) {
        w = { id: this.out.recorder.newWindow(keyId, start, end), keyId, start, end, acc: this.out.agg.init(), maxRecordTs: -Infinity, count: 0 };
        windows.set(start, w);
      }
      let acc = this.out.agg.init();
      let maxTs = -Infinity;
      for (const h of held) {
        if (h.t >= start && h.t <= end) {
          acc = this.out.agg.add(acc, h.value, h.record);
          maxTs = Math.max(maxTs, h.t);
        }
      }
      w.acc = acc;
      w.maxRecordTs = maxTs;
      this.out.recorder.assign(record, w.id);
      this.out.update(w, this.out.agg.result(acc), maxTs, `updated: window [${start},${end}] end ${end} ≥ stream time ${ost} − grace ${grace}`);
      accepted++;
    }
    // Records that no accepting window can hold any more are forgotten (their windows end before ost − G).
    const horizon = closeTime - this.d;
    if (held.length > 64 && held[0].t < horizon) this.records[keyId] = held.filter((h) => h.t >= horizon);
    return accepted > 0;
  }
}
