// Kafka Streams stream-stream join with JoinWindows (KStreamKStreamJoin, spec R5.6–R5.10). Per side: a window
// store that keeps records while t > its stream time − (before + after + grace); a join processor that, for each
// arriving record, fetches the other store in [t − before, t + after] and emits every match (ts = max). Left and
// outer joins (≥ 3.1) hold unmatched records in a shared store and emit them with null once the shared stream time
// passes t + after + grace (right records: t + before + grace) — checked only when a record arrives with the new
// stream time. The deprecated JoinWindows.of semantics (R5.9) emit the null result at once instead.
import type { JoinEngine, JoinEngineContext } from './engine.ts';
import { insertByTime, pair, sideName } from './engine.ts';
import type { JoinRecord } from './joinOutput.ts';
import type { IntervalJoinSpec, Side } from './types.ts';

export function createKafkaStreamJoin(spec: IntervalJoinSpec, { program, out }: JoinEngineContext): JoinEngine {
  const before = -spec.lower;
  const after = spec.upper;
  const grace = spec.grace;
  const retention = before + after + grace;
  // Per side: how far back (joinBefore) and ahead (joinAfter) its records look into the other store.
  const joinBefore = [before, after];
  const joinAfter = [after, before];
  const isOuter = [spec.kind === 'left' || spec.kind === 'outer', spec.kind === 'outer'];
  const hasOuterStore = !spec.isEager && (isOuter[0] || isOuter[1]);
  const stores: [JoinRecord[][], JoinRecord[][]] = [[], []];
  const storeTime = [-Infinity, -Infinity];
  let streamTime = -Infinity;
  let minTime = Infinity;
  // Held records in the store's iteration order: time, then right before left, then key, then arrival.
  let held: JoinRecord[] = [];
  const heldOrder = (a: JoinRecord, b: JoinRecord) =>
    a.t - b.t || b.side - a.side || program.keyRank[a.keyId] - program.keyRank[b.keyId] || a.r - b.r;

  /** The join-window store of one side (KStreamJoinWindow + InMemoryWindowStore.put), before the join runs. */
  const put = (record: JoinRecord) => {
    const side = record.side;
    storeTime[side] = Math.max(storeTime[side], record.t);
    const horizon = storeTime[side] - retention;
    for (const list of stores[side]) {
      while (list && list.length > 0 && list[0].t <= horizon) {
        out.evict(list.shift()!, { rule: 'R5.6', values: { streamTime: storeTime[side], retention }, reason: `expired: time ≤ ${sideName(side)} stream time ${storeTime[side]} − retention ${retention} (before + after + grace)` });
      }
    }
    if (record.t <= horizon) {
      out.note(`R5.6: record ${record.r} not stored: time ${record.t} ≤ ${sideName(side)} stream time ${storeTime[side]} − retention ${retention}; it still joins what the other side retains (R5.10)`);
      return;
    }
    insertByTime((stores[side][record.keyId] ??= []), record);
    out.store(record, { rule: 'R5.6', values: { retention }, reason: `kept while its time > ${sideName(side)} stream time − ${retention}` });
  };

  const emitNull = (record: JoinRecord, ts: number, rule: string, reason: string) => {
    const [left, right] = record.side === 0 ? [record, null] : [null, record];
    out.result(left, right, ts, { rule, values: { ts: record.t, streamTime, after, before, grace }, reason });
  };

  /** R5.8: emit held records whose window has closed, in store order (emitNonJoinedOuterRecords). */
  const emitNonJoined = (side: Side) => {
    // The shortcut check uses this processor's own look-ahead, so an asymmetric window can postpone emissions (U9).
    if (minTime + joinAfter[side] + grace >= streamTime) return;
    minTime = Infinity;
    const isOpen = [false, false];
    const kept: JoinRecord[] = [];
    for (let i = 0; i < held.length; i++) {
      const record = held[i];
      minTime = record.t;
      if (isOpen[0] && isOpen[1]) {
        kept.push(...held.slice(i));
        break;
      }
      const lookBack = record.side === 0 ? after : before;
      if (record.t + lookBack + grace >= streamTime) {
        isOpen[record.side] = true;
        kept.push(record);
        continue;
      }
      emitNull(record, record.t, 'R5.8', `no match before the window closed: stream time ${streamTime} > ${record.t} + ${record.side === 0 ? 'after' : 'before'} ${lookBack} + grace ${grace}`);
    }
    held = kept;
  };

  const join = (record: JoinRecord) => {
    const side = record.side;
    const other = (1 - side) as Side;
    if (record.t > streamTime) {
      streamTime = record.t;
      out.operatorWatermark(streamTime);
    }
    if (hasOuterStore && record.t === streamTime) emitNonJoined(side);
    const from = Math.max(0, record.t - joinBefore[side]);
    const to = Math.max(0, record.t + joinAfter[side]);
    out.reach(record, from, to);
    const horizon = storeTime[other] - retention;
    const matches = (stores[other][record.keyId] ?? []).filter((o) => o.t >= from && o.t <= to && o.t > horizon);
    for (const match of matches) {
      if (hasOuterStore) held = held.filter((h) => !(h.side === other && h.keyId === match.keyId && h.t === match.t));
      const [left, right] = pair(record, match);
      const ts = Math.max(left.t, right.t);
      out.result(left, right, ts, { rule: 'R5.7', values: { before, after, leftTs: left.t, rightTs: right.t }, reason: `joined: ${left.t} − ${before} ≤ ${right.t} ≤ ${left.t} + ${after}, emitted by the ${sideName(side)} record that arrived second` });
    }
    if (!isOuter[side] || matches.length > 0) return;
    if (!hasOuterStore) {
      emitNull(record, record.t, 'R5.9', 'no match yet: the deprecated JoinWindows.of semantics emit the null result at once (a later match adds an inner result too)');
    } else if (to < streamTime) {
      emitNull(record, record.t, 'R5.10', `no match, and its window already closed: ${record.t} + ${joinAfter[side]} < stream time ${streamTime}, so the null result goes out at once`);
    } else {
      minTime = Math.min(minTime, record.t);
      held.push(record);
      held.sort(heldOrder);
    }
  };

  return {
    record(op) {
      const record = out.arrive(op);
      put(record);
      join(record);
    },
    watermark() {
      throw new RangeError('kafka-streams has no watermarks');
    },
    // R3.16: time moves only with records; held records stay held.
    end() {},
    get operatorWm() {
      return streamTime;
    },
  };
}
