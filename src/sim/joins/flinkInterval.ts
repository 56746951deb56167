// Flink's interval join (IntervalJoinOperator, spec R5.2–R5.4): each side buffers its elements by key; an
// element joins the other side's buffered elements whose time lies in its interval, at once; a watermark
// cleans up elements that can no longer match. Elements behind the watermark are late (R5.3: t < W, strict).
import { Heap } from '../heap.ts';
import type { JoinEngine, JoinEngineContext } from './engine.ts';
import { insertByTime, pair, removeRecord, sideName } from './engine.ts';
import type { JoinRecord } from './joinOutput.ts';
import { TwoInputWatermarks, watermarkedJoin } from './twoInputWatermarks.ts';
import type { IntervalJoinSpec } from './types.ts';

interface Cleanup { atTs: number; record: JoinRecord; keyRank: number }

export function createFlinkIntervalJoin(spec: IntervalJoinSpec, { scenario, program, out, clock }: JoinEngineContext): JoinEngine {
  const { lower, upper } = spec;
  const buffers: [JoinRecord[][], JoinRecord[][]] = [[], []];
  // R8.2: cleanup timers of one watermark advance run by time, then key, then arrival.
  const timers = new Heap<Cleanup>((a, b) => a.atTs < b.atTs || (a.atTs === b.atTs && (a.keyRank < b.keyRank || (a.keyRank === b.keyRank && a.record.r < b.record.r))));
  const watermarks = new TwoInputWatermarks(scenario, clock, out, spec.watermarks, (wm) => {
    out.operatorWatermark(wm);
    // R3.8: timers due at the new watermark run before it is forwarded.
    for (let timer = timers.peek(); timer && timer.atTs <= wm; timer = timers.peek()) {
      timers.pop();
      const { record } = timer;
      removeRecord(buffers[record.side][record.keyId], record);
      out.evict(record, { rule: 'R5.4', values: { watermark: wm, cleanupTime: timer.atTs }, reason: `cleaned up: watermark ${wm} ≥ cleanup time ${timer.atTs}, so no ${sideName(1 - record.side)} element can still match it` });
    }
  });

  const process = (record: JoinRecord) => {
    const { side, t } = record;
    const W = watermarks.wm;
    if (t < W) {
      out.drop(record, { rule: 'R5.3', values: { ts: t, watermark: W }, reason: `late: timestamp ${t} < watermark ${W} (an interval join judges the element itself, strictly)` });
      return;
    }
    // The other side's times this element can match: left tL + lower ≤ tR ≤ tL + upper; right the mirror image.
    const [from, to] = side === 0 ? [t + lower, t + upper] : [t - upper, t - lower];
    out.reach(record, from, to);
    insertByTime((buffers[side][record.keyId] ??= []), record);
    // R5.4: a left element can match right ones up to tL + upper; a right one left ones up to tR − lower.
    const relativeUpper = side === 0 ? upper : -lower;
    const cleanupTs = relativeUpper > 0 ? t + relativeUpper : t;
    out.store(record, { rule: 'R5.4', values: { cleanupTime: cleanupTs }, reason: `buffered until the watermark reaches ${cleanupTs}` });
    timers.push({ atTs: cleanupTs, record, keyRank: program.keyRank[record.keyId] });
    for (const other of buffers[1 - side][record.keyId] ?? []) {
      if (other.t < from || other.t > to) continue;
      const [left, right] = pair(record, other);
      const ts = Math.max(left.t, right.t);
      out.result(left, right, ts, { rule: 'R5.2', values: { lower, upper, leftTs: left.t, rightTs: right.t }, reason: `joined: ${left.t} + ${lower} ≤ ${right.t} ≤ ${left.t} + ${upper}; result time max(${left.t}, ${right.t}) = ${ts}` });
    }
  };

  return watermarkedJoin({ scenario, program, out }, watermarks, process);
}
