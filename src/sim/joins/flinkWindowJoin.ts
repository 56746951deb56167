// Flink's window join (JoinedStreams, spec R5.1): both inputs go through ONE keyed window operator — the core's
// EventTimeOperator, so assignment, firing, allowed lateness, session merging and cleanup are exactly the window
// rules (R2, R4.1–R4.7) — and each firing emits every left × right pair of the window (left in arrival order, then
// right). The operator's recorder is adapted: a pane's contents (record indices) become join results.
import { EventTimeOperator } from '../operators/eventTimeOperator.ts';
import { flinkRules } from '../profiles/eventTimeRules.ts';
import { Recorder, type DropInput, type PaneInput } from '../trace/recorder.ts';
import type { Pipeline, TraceEvent } from '../types.ts';
import type { JoinEngine, JoinEngineContext } from './engine.ts';
import type { JoinOutput, JoinRecord } from './joinOutput.ts';
import { TwoInputWatermarks, watermarkedJoin } from './twoInputWatermarks.ts';
import type { WindowJoinSpec } from './types.ts';

type EventInput = Parameters<Recorder['event']>[0];

/** Turns the window operator's panes, drops and window lifecycle into join results, drops and state spans. */
class WindowJoinRecorder extends Recorder {
  private readonly contents = new Map<number, JoinRecord[]>();
  private readonly holders = new Map<number, number>();
  private readonly bounds = new Map<number, [number, number]>();
  private readonly reaches = new Map<number, [number, number]>();

  constructor(private readonly out: JoinOutput, private readonly records: JoinRecord[], clock: { nowMs: number }, keys: string[]) {
    super(clock, 'flink', keys, 1, false);
  }

  override newWindow(keyId: number, start: number, end: number): number {
    const id = super.newWindow(keyId, start, end);
    this.bounds.set(id, [start, end]);
    return id;
  }

  override assign(record: number, windowId: number): void {
    const held = this.records[record];
    // The other side's records this one can meet: those of its window(s), [start, end − 1].
    const [start, end] = this.bounds.get(windowId)!;
    const [from, to] = this.reaches.get(record) ?? [Infinity, -Infinity];
    this.reaches.set(record, [Math.min(from, start), Math.max(to, end - 1)]);
    this.out.reach(held, Math.min(from, start), Math.max(to, end - 1));
    const list = this.contents.get(windowId);
    if (list) list.push(held);
    else this.contents.set(windowId, [held]);
    const n = this.holders.get(record) ?? 0;
    this.holders.set(record, n + 1);
    if (n === 0) this.out.store(held, { rule: 'R5.1', values: { windowId }, reason: 'held in the window state until the window is cleaned up' });
  }

  override pane(p: PaneInput): void {
    const indices = p.value as number[];
    const lefts = indices.map((i) => this.records[i]).filter((r) => r.side === 0);
    const rights = indices.map((i) => this.records[i]).filter((r) => r.side === 1);
    for (const left of lefts) {
      for (const right of rights) {
        this.out.result(left, right, p.ts, { rule: 'R5.1', values: { ...p.decision.values, start: p.start ?? NaN, end: p.end ?? NaN }, reason: `joined in window [${p.start}, ${p.end}): ${p.decision.reason}` });
      }
    }
  }

  override drop(d: DropInput): void {
    this.out.drop(this.records[d.record], d.decision);
  }

  override operatorWatermark(wm: number): void {
    this.out.operatorWatermark(wm);
  }

  override event(e: EventInput): void {
    const event = e as TraceEvent;
    if (event.kind === 'window-merged') {
      const merged = event.from.flatMap((id) => this.contents.get(id) ?? []);
      for (const id of event.from) this.contents.delete(id);
      // A record sits in one session at a time, so merging keeps every holder count at 1.
      if (merged.length > 0) this.contents.set(event.into, merged);
    }
    if (event.kind === 'window-closed') {
      for (const r of this.contents.get(event.windowId) ?? []) {
        const n = this.holders.get(r.r)! - 1;
        this.holders.set(r.r, n);
        if (n === 0) this.out.evict(r, { rule: event.rule, values: { windowId: event.windowId }, reason: event.reason });
      }
      this.contents.delete(event.windowId);
    }
  }
}

export function createFlinkWindowJoin(spec: WindowJoinSpec, { scenario, program, out, clock }: JoinEngineContext): JoinEngine {
  const records: JoinRecord[] = [];
  const pipeline: Pipeline = {
    ...scenario.pipeline, window: spec.window, aggregate: { type: 'list' }, allowedLateness: spec.allowedLateness,
    trigger: { type: 'default' }, accumulation: 'accumulating',
  };
  const recorder = new WindowJoinRecorder(out, records, clock, program.keys);
  const operator = new EventTimeOperator(flinkRules, pipeline, recorder, clock, program.keyRank);
  const watermarks = new TwoInputWatermarks(scenario, clock, out, spec.watermarks, (wm) => operator.advanceWatermark(wm));
  return watermarkedJoin({ scenario, program, out }, watermarks, (record) => {
    records[record.r] = record;
    // The pane value is the list of record indices (sorted = arrival order), read back by WindowJoinRecorder.pane.
    operator.processElement(record.r, record.keyId, record.t, record.r);
  });
}
