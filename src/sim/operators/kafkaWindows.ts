// Kafka Streams windowed aggregation (R2.4, R2.7, R3.14, R4.16, R4.18, R4.20, R4.21): no watermark; the processor's
// observed stream time `ost` (max timestamp seen, updated before the record is judged) closes windows after grace.
import { aggregatorFor, type Aggregator } from '../aggregates.ts';
import { inMs, type Recorder } from '../trace/recorder.ts';
import type { Decision, Pipeline, PaneValue, Value } from '../types.ts';
import { kafkaHoppingStarts } from '../windows/assign.ts';

export interface KafkaWindow {
  id: number;
  keyId: number;
  start: number;
  /** TimeWindows: exclusive end; sessions and sliding windows: inclusive end (R2.5, R2.7). */
  end: number;
  acc: unknown;
  /** R4.20: the emitted record's timestamp is the largest record timestamp in the window. */
  maxRecordTs: number;
  count: number;
}

export type SortAs = { start: number; end: number } | undefined;

/** Where updates go instead of straight downstream: the record cache, suppress, or the onWindowClose buffer. */
export interface UpdateBuffer {
  put(w: KafkaWindow, value: PaneValue, ts: number, sortAs: SortAs): void;
}

/** One update sent downstream (R4.20); `sortAs` keeps a tombstone right before the session that replaces it. */
export function forwardUpdate(recorder: Recorder, w: KafkaWindow, value: PaneValue, ts: number, decision: Decision, sortAs: SortAs): void {
  recorder.pane({
    sortAs, keyId: w.keyId, windowId: w.id, start: w.start, end: w.end, value, index: 0, isFirst: false, isLast: false,
    retract: false, ts, purged: false, decision,
  });
}

/** What every Kafka Streams window shape does with an accepted update: forward it, or hand it to a buffer. */
export class KafkaEmitter {
  readonly agg: Aggregator;
  constructor(readonly pipeline: Pipeline, readonly recorder: Recorder, readonly buffer: UpdateBuffer | undefined) {
    this.agg = aggregatorFor(pipeline.aggregate);
  }

  update(w: KafkaWindow, value: PaneValue, ts: number, reason: string, sortAs?: { start: number; end: number }): void {
    if (this.buffer) return this.buffer.put(w, value, ts, sortAs);
    forwardUpdate(this.recorder, w, value, ts, { rule: 'R4.20', values: { ts }, reason: inMs(reason) }, sortAs);
  }

  /** `fate` 2 when the record counts in no window at all. */
  late(record: number, keyId: number, ts: number, value: Value, start: number, end: number, rule: string, values: Record<string, number>, reason: string, fate: 1 | 2 = 2): void {
    this.recorder.drop({ record, keyId, ts, value, start, end, toSideOutput: this.pipeline.lateOutput, decision: { rule, values, reason: inMs(reason) } }, fate);
  }
}

/** R2.4, R4.16: TimeWindows (tumbling = advance equal to size, or hopping). */
export class KafkaTimeWindows {
  private readonly byKey: Map<number, KafkaWindow>[] = [];
  private readonly starts: number[] = [];

  constructor(private readonly out: KafkaEmitter, private readonly size: number, private readonly advance: number) {}

  process(record: number, keyId: number, t: number, value: Value, ost: number): boolean {
    const { grace } = this.out.pipeline;
    const closeTime = ost - grace;
    const n = kafkaHoppingStarts(t, this.size, this.advance, this.starts);
    let accepted = 0;
    // Starts ascend, so the record is late everywhere when even its last window has closed.
    const fate = this.starts[n - 1] + this.size <= closeTime ? 2 : 1;
    for (let i = 0; i < n; i++) {
      const start = this.starts[i];
      const end = start + this.size;
      // R4.16: a record updates window w iff w.e > ost − G; otherwise it is skipped for that window.
      if (end <= closeTime) {
        this.out.late(record, keyId, t, value, start, end, 'R4.16', { end, streamTime: ost, grace },
          `late: window [${start},${end}) end ${end} ≤ stream time ${ost} − grace ${grace} = ${closeTime}`, fate);
        continue;
      }
      const keyed = (this.byKey[keyId] ??= new Map());
      let w = keyed.get(start);
      if (!w) {
        w = { id: this.out.recorder.newWindow(keyId, start, end), keyId, start, end, acc: this.out.agg.init(), maxRecordTs: -Infinity, count: 0 };
        keyed.set(start, w);
      }
      w.acc = this.out.agg.add(w.acc, value, record);
      w.maxRecordTs = Math.max(w.maxRecordTs, t);
      w.count++;
      this.out.recorder.assign(record, w.id);
      this.out.update(w, this.out.agg.result(w.acc), w.maxRecordTs, `updated: window [${start},${end}) end ${end} > stream time ${ost} − grace ${grace}`);
      accepted++;
    }
    return accepted > 0;
  }
}

/** R2.7, R4.18: session windows [first, last], merged when within the gap (inclusive). */
export class KafkaSessionWindows {
  private readonly byKey: KafkaWindow[][] = [];

  constructor(private readonly out: KafkaEmitter, private readonly gap: number) {}

  process(record: number, keyId: number, t: number, value: Value, ost: number): boolean {
    const { grace } = this.out.pipeline;
    const sessions = (this.byKey[keyId] ??= []);
    const merging = sessions.filter((s) => s.end >= t - this.gap && s.start <= t + this.gap);
    const start = Math.min(t, ...merging.map((s) => s.start));
    const end = Math.max(t, ...merging.map((s) => s.end));
    // R4.18 (Kafka ≥ 3.0, KAFKA-12718): the merged session is accepted iff its end ≥ ost − G − g.
    const closeTime = ost - grace - this.gap;
    if (end < closeTime) {
      this.out.late(record, keyId, t, value, start, end, 'R4.18', { end, streamTime: ost, grace, gap: this.gap },
        `late: session [${start},${end}] end ${end} < stream time ${ost} − grace ${grace} − gap ${this.gap} = ${closeTime}`);
      return false;
    }
    const unchanged = merging.length === 1 && merging[0].start === start && merging[0].end === end ? merging[0] : undefined;
    const merged: KafkaWindow = unchanged ?? {
      id: this.out.recorder.newWindow(keyId, start, end), keyId, start, end, acc: this.out.agg.init(), maxRecordTs: end, count: 0,
    };
    // R2.7: Kafka compares the merged session with the record's own [t, t], not with the stored one, so a record
    // landing inside [s, e] still tombstones [s, e] before re-sending it (KStreamSessionWindowAggregate#process).
    const isOwnSession = start === t && end === t;
    const byEnd = [...merging].sort((a, b) => a.end - b.end);
    if (!isOwnSession) {
      for (const old of byEnd) this.out.update(old, null, old.end, `tombstone: session [${old.start},${old.end}] replaced by [${start},${end}] (R2.7)`, { start, end });
    }
    if (!unchanged) {
      for (const old of byEnd) {
        merged.acc = this.out.agg.merge(merged.acc, old.acc);
        merged.count += old.count;
        sessions.splice(sessions.indexOf(old), 1);
      }
      if (merging.length > 0) this.out.recorder.event({ kind: 'window-merged', keyId, from: merging.map((s) => s.id), into: merged.id, reason: inMs(`R2.7: records within gap ${this.gap} merge into [${start},${end}]`) });
      sessions.push(merged);
    }
    merged.acc = this.out.agg.add(merged.acc, value, record);
    merged.count++;
    merged.maxRecordTs = end;
    this.out.recorder.assign(record, merged.id);
    this.out.update(merged, this.out.agg.result(merged.acc), end, `updated: session [${start},${end}] end ${end} ≥ stream time ${ost} − grace ${grace} − gap ${this.gap}`);
    return true;
  }
}
