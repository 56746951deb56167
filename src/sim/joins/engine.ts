// The contract between the join run loop and a join operator, and the helpers every operator shares.
import type { Program } from '../compile.ts';
import type { Scheduler } from '../scheduler.ts';
import type { Scenario } from '../types.ts';
import type { JoinOutput, JoinRecord } from './joinOutput.ts';

export interface JoinEngine {
  /** The record at program position `op` arrives now. */
  record(op: number): void;
  /** An explicit watermark step; side and partition −1 = every input / partition. */
  watermark(wm: number, partition: number, side: number): void;
  end(): void;
  readonly operatorWm: number;
}

export interface JoinEngineContext {
  scenario: Scenario;
  program: Program;
  out: JoinOutput;
  clock: Scheduler;
}

/** Inserts keeping (event time, arrival) order: the order Sim iterates a side's buffer in (R5.3, R5.7). */
export function insertByTime(list: JoinRecord[], record: JoinRecord): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].t <= record.t) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, record);
}

export function removeRecord(list: JoinRecord[], record: JoinRecord): void {
  const i = list.indexOf(record);
  if (i >= 0) list.splice(i, 1);
}

/** A result pair in (left, right) order whichever side arrived. */
export const pair = (a: JoinRecord, b: JoinRecord): [JoinRecord, JoinRecord] => (a.side === 0 ? [a, b] : [b, a]);

export const sideName = (side: number): string => (side === 0 ? 'left' : 'right');
