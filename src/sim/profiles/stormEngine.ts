// Storm windowed bolts with tuple timestamps (BaseWindowedBolt.withTimestampField + withLag + withWatermarkInterval;
// apache/storm docs/Windowing.md "Watermarks", WindowedBoltExecutor, WaterMarkEventGenerator,
// WatermarkTimeTriggerPolicy, WatermarkTimeEvictionPolicy). Storm's spec section covers acking only, so these
// rules are cited from those sources:
// - every watermark interval (default 1 s) the watermark is (max tuple timestamp) − lag, emitted if it grew;
// - a tuple with timestamp < the last watermark is late (late tuple stream, or logged and acked);
// - on a watermark, windows (end − length, end] are evaluated for ends aligned to the sliding interval, up to the
//   watermark; empty windows are skipped by jumping to the next aligned end after the earliest queued tuple;
// - the queue is scanned in arrival order: tuples more than `lag` ahead of the window end stop the scan.
// The bolt sees all keys of its task together; the Sim reports the window's aggregate per key.
import { aggregatorFor } from '../aggregates.ts';
import type { Engine, EngineContext } from '../engine.ts';
import { periodic } from '../engine.ts';
import { inMs } from '../trace/recorder.ts';
import type { Value } from '../types.ts';

interface Queued { record: number; keyId: number; t: number; value: Value }

export function createStormEngine({ scenario, program, recorder, clock }: EngineContext): Engine {
  const { pipeline } = scenario;
  const windowSpec = pipeline.window as { type: 'tumbling' | 'sliding'; size: number; slide?: number };
  const length = windowSpec.size;
  const slide = windowSpec.slide ?? windowSpec.size;
  const spec = pipeline.watermark as { type: 'bounded' | 'monotonous'; delay?: number; interval: number };
  const lag = spec.delay ?? 0;
  const agg = aggregatorFor(pipeline.aggregate);
  const queue: Queued[] = [];
  let maxTs = -Infinity;
  // WaterMarkEventGenerator.lastWaterMarkTs is a long starting at 0, so negative timestamps are late from the start.
  let lastWm = 0;
  let nextWindowEndTs = 0;

  /** WindowManager.onTrigger with the eviction context at `endTs`; true when the window had tuples. */
  function evaluate(endTs: number): boolean {
    const inWindow: Queued[] = [];
    for (let i = 0; i < queue.length; i++) {
      const diff = endTs - queue[i].t;
      if (diff < -lag) break; // STOP: the rest of the queue is not looked at
      if (diff < 0) continue; // KEEP for a later window
      if (diff >= length) queue.splice(i--, 1); // EXPIRE
      else inWindow.push(queue[i]); // PROCESS
    }
    if (inWindow.length === 0) return false;
    const byKey = new Map<number, Queued[]>();
    for (const q of inWindow) byKey.set(q.keyId, [...(byKey.get(q.keyId) ?? []), q]);
    const keys = [...byKey.keys()].sort((a, b) => program.keyRank[a] - program.keyRank[b]);
    for (const k of keys) {
      const id = recorder.newWindow(k, endTs - length, endTs);
      let acc = agg.init();
      for (const q of byKey.get(k)!) {
        acc = agg.add(acc, q.value, q.record);
        recorder.assign(q.record, id);
      }
      recorder.pane({
        keyId: k, windowId: id, start: endTs - length, end: endTs, value: agg.result(acc), index: 0, isFirst: true,
        isLast: true, retract: false, purged: true,
        decision: { rule: 'storm:WatermarkTimeTriggerPolicy', values: { windowEnd: endTs, watermark: lastWm }, reason: inMs(`fired: watermark ${lastWm} ≥ window end ${endTs}; the window holds tuples in (${endTs - length}, ${endTs}]`) },
      });
    }
    return true;
  }

  /** getNextAlignedWindowTs: the earliest queued timestamp in (from, to], rounded up to the sliding interval. */
  function nextAlignedEnd(from: number, to: number): number {
    let earliest = Infinity;
    for (const q of queue) if (q.t > from && q.t <= to && q.t < earliest) earliest = q.t;
    if (earliest === Infinity || earliest % slide === 0) return earliest;
    return earliest + (slide - (earliest % slide));
  }

  function onWatermark(wm: number): void {
    let endTs = nextWindowEndTs;
    while (endTs <= wm) {
      if (evaluate(endTs)) endTs += slide;
      else {
        const next = nextAlignedEnd(endTs, wm);
        if (next === Infinity) break;
        endTs = next;
      }
    }
    nextWindowEndTs = endTs;
  }

  const wake = periodic(clock, spec.interval, () => {
    // Before any tuple the generator computes 0 − lag, which never beats the initial 0.
    const wm = (maxTs === -Infinity ? 0 : maxTs) - lag;
    if (wm > lastWm) {
      lastWm = wm;
      recorder.operatorWatermark(wm);
      onWatermark(wm);
    }
    return true;
  });

  const { ts, keyId, partition, value } = program;
  return {
    record(op) {
      wake();
      const t = ts[op];
      const r = recorder.arrive(t, keyId[op], partition[op], value[op]);
      if (t > maxTs) maxTs = t;
      if (t < lastWm) {
        recorder.drop({
          record: r, keyId: keyId[op], ts: t, value: value[op], toSideOutput: pipeline.lateOutput,
          decision: { rule: 'storm:WaterMarkEventGenerator.track', values: { ts: t, watermark: lastWm }, reason: inMs(`late: tuple timestamp ${t} < last watermark ${lastWm}`) },
        }, 2);
        return;
      }
      queue.push({ record: r, keyId: keyId[op], t, value: value[op] });
    },
    watermark() {
      throw new RangeError('storm has no watermark steps');
    },
    // Storm has no end-of-stream watermark: open windows stay open.
    end() {},
    get operatorWm() {
      return lastWm;
    },
  };
}
