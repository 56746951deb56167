// Flink SQL event-time temporal join (TemporalRowTimeJoinOperator, spec R5.5): left rows wait in state until the
// watermark reaches their time, then each joins — in arrival order — the right version with the largest time
// ≤ its own. Right versions are keyed by time (a second version at the same time replaces the first); versions
// older than the newest one at or below the watermark are removed. One event-time timer per key: the smallest
// pending time, re-armed at the oldest left row still waiting.
//
// Engine over spec: R5.5 says a left row at or behind the watermark on arrival is dropped (U6). The operator does
// not drop it: processElement1 buffers every left row and registers a timer at its time, and a timer at or below
// the watermark fires at the next watermark advance, so the row is joined then — against the versions that
// survived the last cleanup (apache/flink TemporalRowTimeJoinOperator.processElement1 / emitResultAndCleanUpState).
import type { JoinEngine, JoinEngineContext } from './engine.ts';
import { insertByTime } from './engine.ts';
import type { JoinRecord } from './joinOutput.ts';
import { TwoInputWatermarks, watermarkedJoin } from './twoInputWatermarks.ts';
import type { TableJoinSpec } from './types.ts';

interface KeyState { lefts: JoinRecord[]; versions: JoinRecord[]; timer: number }

export function createFlinkTemporalJoin(spec: TableJoinSpec, { scenario, program, out, clock }: JoinEngineContext): JoinEngine {
  const keys: (KeyState | undefined)[] = [];
  const stateOf = (keyId: number) => (keys[keyId] ??= { lefts: [], versions: [], timer: NaN });
  // Registering a smaller timer replaces the pending one (registerSmallestTimer).
  const armSmallest = (state: KeyState, ts: number) => {
    if (Number.isNaN(state.timer) || ts < state.timer) state.timer = ts;
  };

  const emitAndCleanUp = (state: KeyState, wm: number) => {
    const due = state.lefts.filter((l) => l.t <= wm);
    state.lefts = state.lefts.filter((l) => l.t > wm);
    for (const left of due) {
      let version: JoinRecord | undefined;
      for (const v of state.versions) if (v.t <= left.t) version = v;
      out.evict(left, { rule: 'R5.5', values: { watermark: wm, ts: left.t }, reason: `joined and removed: watermark ${wm} ≥ its time ${left.t}` });
      if (version) {
        out.result(left, version, left.t, { rule: 'R5.5', values: { leftTs: left.t, versionTs: version.t, watermark: wm }, reason: `joined when watermark ${wm} reached ${left.t}: the version valid at ${left.t} is the one from ${version.t}` });
      } else if (spec.kind === 'left') {
        out.result(left, null, left.t, { rule: 'R5.5', values: { leftTs: left.t, watermark: wm }, reason: `no right version at or before ${left.t} when watermark ${wm} reached it: the left join pads with null` });
      }
    }
    // Versions older than the newest one at or below the watermark can no longer be chosen.
    let newest = -1;
    state.versions.forEach((v, i) => { if (v.t <= wm) newest = i; });
    for (const old of state.versions.splice(0, Math.max(newest, 0))) {
      out.evict(old, { rule: 'R5.5', values: { watermark: wm, replacedBy: state.versions[0].t }, reason: `removed: the version from ${state.versions[0].t} is valid at watermark ${wm}` });
    }
    state.timer = state.lefts.length > 0 ? Math.min(...state.lefts.map((l) => l.t)) : NaN;
  };

  const watermarks = new TwoInputWatermarks(scenario, clock, out, spec.watermarks, (wm) => {
    out.operatorWatermark(wm);
    // R8.2: per-key timers fire in (time, key) order.
    const due = keys.map((s, keyId) => ({ s, keyId })).filter(({ s }) => s && s.timer <= wm)
      .sort((a, b) => a.s!.timer - b.s!.timer || program.keyRank[a.keyId] - program.keyRank[b.keyId]);
    for (const { s } of due) emitAndCleanUp(s!, wm);
  });

  const process = (record: JoinRecord) => {
    const state = stateOf(record.keyId);
    if (record.side === 0) {
      state.lefts.push(record);
      out.reach(record, -Infinity, record.t);
      out.store(record, { rule: 'R5.5', values: { ts: record.t }, reason: `waits until the watermark reaches ${record.t}` });
    } else {
      const same = state.versions.find((v) => v.t === record.t);
      if (same) {
        state.versions.splice(state.versions.indexOf(same), 1);
        out.evict(same, { rule: 'R5.5', values: { ts: record.t }, reason: `replaced by a later version with the same time ${record.t}` });
      }
      insertByTime(state.versions, record);
      out.store(record, { rule: 'R5.5', values: { validFrom: record.t }, reason: `version valid from ${record.t}` });
    }
    armSmallest(state, record.t);
  };

  return watermarkedJoin({ scenario, program, out }, watermarks, process);
}
