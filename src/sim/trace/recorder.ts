// Everything observable goes through the recorder: it builds the CLI result always, and the trace when asked.
// Record-level rows are columns; firings, drops and lifecycle events are objects (there are far fewer of them).
import { wmForJson } from '../result.ts';
import type {
  Decision, DropEvent, EmittedEntry, Keyframe, LateEntry, PaneEvent, ProfileId, Run, TimeDomain, TimerCounts,
  Trace, TraceEvent, Value, WatermarkEntry,
} from '../types.ts';
import { f64, i32, u8 } from './columns.ts';

/** What the recorder adds to a firing or a drop: where and when it happened, the key's name, the decision's fields. */
type Recorded = keyof Decision | 'seq' | 'procTimeMs' | 'step' | 'key';

export type PaneInput = Omit<PaneEvent, Recorded> & {
  decision: Decision;
  /** Sort the result entry as if it were this window (a tombstone goes right before its replacement). */
  sortAs?: { start: number; end: number };
};

export type DropInput = Omit<DropEvent, Recorded> & { decision: Decision };

/** Reasons quote times as the engines count them, in milliseconds (views show seconds): say so once per reason. */
export const inMs = (reason: string): string => `${reason} (times in ms)`;

export type TimerKind = 'timer-set' | 'timer-fired' | 'timer-deleted';

type EventInput = TraceEvent extends infer E ? (E extends TraceEvent ? Omit<E, 'seq' | 'procTimeMs' | 'step'> : never) : never;

export class Recorder {
  /** The step that results are reported under; set by the run loop. */
  step = 0;
  readonly emitted: EmittedEntry[] = [];
  private readonly emittedSortAs: ({ start: number; end: number } | undefined)[] = [];
  readonly late: LateEntry[] = [];
  readonly watermarkEntries: WatermarkEntry[] = [];
  operatorWm = -Infinity;
  recordCount = 0;
  windowCount = 0;
  private seq = 0;
  // Trace tables (filled only when tracing).
  private readonly rec = { seq: i32(), step: i32(), procTimeMs: f64(), ts: f64(), keyId: i32(), partition: i32(), fate: u8() };
  private readonly recValues: Value[] = [];
  private readonly asg = { seq: i32(), procTimeMs: f64(), record: i32(), windowId: i32() };
  private assignmentCount = 0;
  private readonly win = { keyId: i32(), start: f64(), end: f64() };
  private readonly wm = { seq: i32(), procTimeMs: f64(), step: i32(), scope: i32(), value: f64() };
  private watermarkCount = 0;
  private readonly outWm = { seq: i32(), procTimeMs: f64(), step: i32(), value: f64() };
  private outputCount = 0;
  private outputWm = -Infinity;
  private readonly panes: PaneEvent[] = [];
  private readonly drops: DropEvent[] = [];
  private readonly events: TraceEvent[] = [];
  private readonly keyframes: Keyframe[] = [];
  /** Live copy of what traceAt reconstructs, kept only for keyframes. */
  private readonly open = new Map<number, number[]>();
  private readonly partitionWm: Float64Array;
  private readonly partitionIdle: Uint8Array;
  private readonly partitionPaused: Uint8Array;
  private readonly timers: TimerCounts = { set: 0, fired: 0, deleted: 0 };
  private rowsSinceKeyframe = 0;

  constructor(
    private readonly clock: { readonly nowMs: number },
    private readonly profile: ProfileId,
    readonly keys: string[],
    private readonly partitions: number,
    readonly isTracing: boolean,
    private readonly keyframeEvery = 32_768,
  ) {
    this.partitionWm = new Float64Array(partitions).fill(-Infinity);
    this.partitionIdle = new Uint8Array(partitions);
    this.partitionPaused = new Uint8Array(partitions);
  }

  /** A record arrived; returns its index (arrival order), used by traces and order-keeping aggregates. */
  arrive(ts: number, keyId: number, partition: number, value: Value): number {
    const r = this.recordCount++;
    if (!this.isTracing) return r;
    const c = this.rec;
    c.seq.set(r, this.seq++);
    c.step.set(r, this.step);
    c.procTimeMs.set(r, this.clock.nowMs);
    c.ts.set(r, ts);
    c.keyId.set(r, keyId);
    c.partition.set(r, partition);
    c.fate.set(r, 0);
    this.recValues.push(value);
    this.tick();
    return r;
  }

  /** A new window (per key); bounds as the profile reports them. */
  newWindow(keyId: number, start: number, end: number): number {
    const id = this.windowCount++;
    if (this.isTracing) {
      this.win.keyId.set(id, keyId);
      this.win.start.set(id, start);
      this.win.end.set(id, end);
    }
    return id;
  }

  assign(record: number, windowId: number): void {
    if (!this.isTracing) return;
    const a = this.assignmentCount++;
    this.asg.seq.set(a, this.seq++);
    this.asg.procTimeMs.set(a, this.clock.nowMs);
    this.asg.record.set(a, record);
    this.asg.windowId.set(a, windowId);
    const held = this.open.get(windowId);
    if (held) held.push(record);
    else this.open.set(windowId, [record]);
    this.tick();
  }

  pane(p: PaneInput): void {
    // Field order is the JSON order (vectors.md "Result"); absent fields are left out, not null.
    let entry: EmittedEntry;
    if (p.start !== undefined && p.timing !== undefined && p.ts !== undefined && !p.retract) {
      entry = { step: this.step, key: this.keys[p.keyId], start: p.start, end: p.end, value: p.value, timing: p.timing, ts: p.ts };
    } else {
      entry = { step: this.step, key: this.keys[p.keyId] } as EmittedEntry;
      if (p.start !== undefined) entry.start = p.start;
      if (p.end !== undefined) entry.end = p.end;
      entry.value = p.value;
      if (p.timing !== undefined) entry.timing = p.timing;
      if (p.ts !== undefined) entry.ts = p.ts;
      if (p.retract) entry.retract = true;
    }
    this.emitted.push(entry);
    this.emittedSortAs.push(p.sortAs);
    if (!this.isTracing) return;
    const { decision, sortAs: _sortAs, ...rest } = p;
    this.panes.push({ seq: this.seq++, procTimeMs: this.clock.nowMs, step: this.step, key: this.keys[p.keyId], ...rest, ...decision });
    if (p.purged) this.open.delete(p.windowId);
    this.tick();
  }

  /** `fate` 1: the record missed this window but may count elsewhere; 2: it counts nowhere. */
  drop(d: DropInput, fate: 1 | 2): void {
    if (d.toSideOutput) {
      const entry: LateEntry = { step: this.step, key: this.keys[d.keyId], ts: d.ts, value: d.value };
      if (d.start !== undefined) entry.start = d.start;
      if (d.end !== undefined) entry.end = d.end;
      this.late.push(entry);
    }
    if (!this.isTracing) return;
    const { decision, ...rest } = d;
    this.drops.push({ seq: this.seq++, procTimeMs: this.clock.nowMs, step: this.step, key: this.keys[d.keyId], ...rest, ...decision });
    if (this.rec.fate.data[d.record] < fate) this.rec.fate.data[d.record] = fate;
    this.tick();
  }

  /** The operator's watermark (Kafka Streams: stream time) moved forward. */
  operatorWatermark(wm: number): void {
    this.operatorWm = wm;
    this.watermarkEntries.push({ step: this.step, wm: wmForJson(wm) });
    this.watermarkRow(-1, wm);
  }

  /** R3.13: the grouping stage's output watermark moved forward (Beam: held back by watermark holds). */
  outputWatermark(wm: number): void {
    this.outputWm = wm;
    if (!this.isTracing) return;
    const o = this.outputCount++;
    this.outWm.seq.set(o, this.seq++);
    this.outWm.procTimeMs.set(o, this.clock.nowMs);
    this.outWm.step.set(o, this.step);
    this.outWm.value.set(o, wm);
    this.tick();
  }

  partitionWatermark(partition: number, wm: number): void {
    this.partitionWm[partition] = wm;
    this.watermarkRow(partition, wm);
  }

  private watermarkRow(scope: number, value: number): void {
    if (!this.isTracing) return;
    const w = this.watermarkCount++;
    this.wm.seq.set(w, this.seq++);
    this.wm.procTimeMs.set(w, this.clock.nowMs);
    this.wm.step.set(w, this.step);
    this.wm.scope.set(w, scope);
    this.wm.value.set(w, value);
    this.tick();
  }

  event(e: EventInput): void {
    if (!this.isTracing) return;
    const full = { seq: this.seq++, procTimeMs: this.clock.nowMs, step: this.step, ...e } as TraceEvent;
    this.events.push(full);
    if (full.kind === 'idle') this.partitionIdle[full.partition] = full.isIdle ? 1 : 0;
    else if (full.kind === 'alignment-paused' || full.kind === 'alignment-resumed') this.partitionPaused[full.partition] = full.kind === 'alignment-paused' ? 1 : 0;
    else if (full.kind === 'timer-set') this.timers.set++;
    else if (full.kind === 'timer-fired') this.timers.fired++;
    else if (full.kind === 'timer-deleted') this.timers.deleted++;
    if (full.kind === 'window-closed') this.open.delete(full.windowId);
    if (full.kind === 'window-merged') {
      const merged = full.from.flatMap((id) => this.open.get(id) ?? []).sort((a, b) => a - b);
      for (const id of full.from) this.open.delete(id);
      if (merged.length > 0) this.open.set(full.into, merged);
    }
    this.tick();
  }

  /** A timer was set, fired or deleted (callers check isTracing first: the untraced run builds no purpose strings). */
  timer(kind: TimerKind, keyId: number, windowId: number, timerMs: number, domain: TimeDomain, purpose: string): void {
    this.event({ kind, keyId, windowId, timerMs, domain, purpose });
  }

  private tick(): void {
    if (++this.rowsSinceKeyframe < this.keyframeEvery) return;
    this.rowsSinceKeyframe = 0;
    this.keyframes.push({
      seq: this.seq, procTimeMs: this.clock.nowMs, records: this.recordCount, assignments: this.assignmentCount,
      watermarks: this.watermarkCount, outputWatermarks: this.outputCount, outputWm: this.outputWm, panes: this.panes.length, drops: this.drops.length, events: this.events.length,
      operatorWm: this.operatorWm, timers: { ...this.timers }, partitionWm: this.partitionWm.slice(), partitionIdle: this.partitionIdle.slice(),
      partitionPaused: this.partitionPaused.slice(),
      open: new Map([...this.open].map(([id, records]) => [id, records.slice()])),
    });
  }

  finish(finalWatermark: number): Run {
    const result = { emitted: this.sortedEmitted(), late: this.late, watermarks: this.watermarkEntries };
    const summary = {
      profile: this.profile, records: this.recordCount, emitted: result.emitted.length, late: this.late.length,
      finalWatermark, endProcTimeMs: this.clock.nowMs,
    };
    return this.isTracing ? { result, summary, trace: this.buildTrace() } : { result, summary };
  }

  /** vectors.md: inside one step, by end, then key, then start; a retraction or tombstone stays before its value. */
  private sortedEmitted(): EmittedEntry[] {
    const all = this.emitted;
    const endOf = (i: number) => this.emittedSortAs[i]?.end ?? all[i].end ?? Infinity;
    const startOf = (i: number) => this.emittedSortAs[i]?.start ?? all[i].start ?? -Infinity;
    const before = (i: number, j: number): number =>
      all[i].step - all[j].step || endOf(i) - endOf(j) || (all[i].key < all[j].key ? -1 : all[i].key > all[j].key ? 1 : 0) || startOf(i) - startOf(j) || i - j;
    let isSorted = true;
    for (let i = 1; i < all.length && isSorted; i++) isSorted = before(i - 1, i) < 0;
    if (isSorted) return all;
    return all.map((_, i) => i).sort(before).map((i) => all[i]);
  }

  private buildTrace(): Trace {
    const n = this.recordCount;
    const a = this.assignmentCount;
    const w = this.windowCount;
    const m = this.watermarkCount;
    return {
      profile: this.profile, keys: this.keys, partitions: this.partitions, endProcTimeMs: this.clock.nowMs,
      records: {
        length: n, seq: this.rec.seq.trimmed(n), step: this.rec.step.trimmed(n), procTimeMs: this.rec.procTimeMs.trimmed(n),
        ts: this.rec.ts.trimmed(n), keyId: this.rec.keyId.trimmed(n), partition: this.rec.partition.trimmed(n),
        value: this.recValues, fate: this.rec.fate.trimmed(n),
      },
      assignments: { length: a, seq: this.asg.seq.trimmed(a), procTimeMs: this.asg.procTimeMs.trimmed(a), record: this.asg.record.trimmed(a), windowId: this.asg.windowId.trimmed(a) },
      windows: { length: w, keyId: this.win.keyId.trimmed(w), start: this.win.start.trimmed(w), end: this.win.end.trimmed(w) },
      watermarks: { length: m, seq: this.wm.seq.trimmed(m), procTimeMs: this.wm.procTimeMs.trimmed(m), step: this.wm.step.trimmed(m), scope: this.wm.scope.trimmed(m), value: this.wm.value.trimmed(m) },
      outputWatermarks: { length: this.outputCount, seq: this.outWm.seq.trimmed(this.outputCount), procTimeMs: this.outWm.procTimeMs.trimmed(this.outputCount), step: this.outWm.step.trimmed(this.outputCount), value: this.outWm.value.trimmed(this.outputCount) },
      panes: this.panes, drops: this.drops, events: this.events, keyframes: this.keyframes,
    };
  }
}
