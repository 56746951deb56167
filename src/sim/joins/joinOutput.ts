// Everything a join run shows goes through here: the CLI result (join entries, late entries with their stream,
// watermarks) and, when tracing, the join tables views read — each record's side and reach, every result with
// its reason, and the time each record spent in join state. Records, watermarks and drops reuse the core Recorder.
import type { Program } from '../compile.ts';
import type { Scheduler } from '../scheduler.ts';
import { f64, u8 } from '../trace/columns.ts';
import { Recorder } from '../trace/recorder.ts';
import type { Decision, Scenario, Value } from '../types.ts';
import { SIDE_NAMES, type JoinEntry, type JoinLateEntry, type JoinResultEvent, type JoinRun, type JoinSpec, type Side, type StateSpan } from './types.ts';

/** A record as join operators hold it. */
export interface JoinRecord {
  /** Index in arrival order (the trace's record index). */
  r: number;
  side: Side;
  keyId: number;
  t: number;
  value: Value;
  /** Matched at least once (outer joins emit nulls only for records that never matched). */
  isMatched: boolean;
}

export class JoinOutput {
  readonly recorder: Recorder;
  private readonly entries: JoinEntry[] = [];
  private readonly late: JoinLateEntry[] = [];
  private readonly results: JoinResultEvent[] = [];
  private readonly state: StateSpan[] = [];
  private readonly spanOf = new Map<number, number>();
  private readonly side = u8();
  private readonly reachFrom = f64();
  private readonly reachTo = f64();
  private seq = 0;

  constructor(private readonly clock: Scheduler, private readonly scenario: Scenario, private readonly program: Program, private readonly spec: JoinSpec, isTracing: boolean) {
    // Watermark scopes: −1 the join operator, 0 the left input, 1 the right input.
    this.recorder = new Recorder(clock, scenario.profile, program.keys, 2, isTracing);
  }

  get isTracing(): boolean { return this.recorder.isTracing; }
  get keyRank(): Int32Array { return this.program.keyRank; }

  /** The record at program position `op` arrives now. */
  arrive(op: number): JoinRecord {
    const p = this.program;
    const side = p.stream[op] === 1 ? 1 : 0;
    const r = this.recorder.arrive(p.ts[op], p.keyId[op], p.partition[op], p.value[op]);
    if (this.isTracing) {
      this.side.set(r, side);
      this.reachFrom.set(r, NaN);
      this.reachTo.set(r, NaN);
    }
    return { r, side, keyId: p.keyId[op], t: p.ts[op], value: p.value[op], isMatched: false };
  }

  /** The event-time range of the other side this record can match (inclusive). */
  reach(record: JoinRecord, from: number, to: number): void {
    if (!this.isTracing) return;
    this.reachFrom.set(record.r, from);
    this.reachTo.set(record.r, to);
  }

  /** The record enters its side's join state now. */
  store(record: JoinRecord, decision: Decision): void {
    if (!this.isTracing) return;
    this.spanOf.set(record.r, this.state.length);
    this.state.push({ record: record.r, fromMs: this.clock.nowMs, toMs: Infinity, ...decision });
  }

  /** The record leaves join state now (cleanup, eviction, or joined and done). */
  evict(record: JoinRecord, decision: Decision): void {
    if (!this.isTracing) return;
    const span = this.spanOf.get(record.r);
    if (span === undefined) return;
    this.spanOf.delete(record.r);
    this.state[span] = { ...this.state[span], toMs: this.clock.nowMs, rule: decision.rule, values: decision.values, reason: decision.reason };
  }

  /** One join result; `null` stands for the missing side of an outer result. */
  result(left: JoinRecord | null, right: JoinRecord | null, ts: number | undefined, decision: Decision): void {
    const keyId = (left ?? right)!.keyId;
    const entry: JoinEntry = { step: this.recorder.step, key: this.program.keys[keyId], left: left?.value ?? null, right: right?.value ?? null };
    if (ts !== undefined) entry.ts = ts;
    this.entries.push(entry);
    if (left && right) left.isMatched = right.isMatched = true;
    if (!this.isTracing) return;
    this.results.push({ seq: this.seq++, procTimeMs: this.clock.nowMs, step: this.recorder.step, keyId, left: left?.r ?? -1, right: right?.r ?? -1, ...(ts !== undefined ? { ts } : {}), ...decision });
  }

  /** The record is late for the join: side output (reported in `late` when asked) or dropped. */
  drop(record: JoinRecord, decision: Decision): void {
    const toSideOutput = this.scenario.pipeline.lateOutput;
    if (toSideOutput) this.late.push({ step: this.recorder.step, key: this.program.keys[record.keyId], stream: SIDE_NAMES[record.side], ts: record.t, value: record.value });
    this.recorder.drop({ record: record.r, keyId: record.keyId, ts: record.t, value: record.value, toSideOutput, decision }, 2);
  }

  /** A trace line about something the engine did that is neither a result nor a drop. */
  note(text: string): void {
    this.recorder.event({ kind: 'note', text });
  }

  inputWatermark(side: Side, wm: number): void {
    this.recorder.partitionWatermark(side, wm);
  }

  operatorWatermark(wm: number): void {
    this.recorder.operatorWatermark(wm);
  }

  finish(finalWatermark: number): JoinRun {
    const base = this.recorder.finish(finalWatermark);
    const result = { emitted: this.entries, late: this.late, watermarks: base.result.watermarks };
    const summary = { ...base.summary, emitted: this.entries.length, late: this.late.length };
    if (!base.trace) return { result, summary };
    const n = base.trace.records.length;
    return {
      result, summary,
      trace: {
        base: base.trace, spec: this.spec, side: this.side.trimmed(n), reachFrom: this.reachFrom.trimmed(n), reachTo: this.reachTo.trimmed(n),
        results: this.results, state: this.state,
      },
    };
  }
}
