// A CEP run (Flink CepOperator, spec R6.4–R6.6), told in order. Records arrive through the core's watermark
// generators and valve. In event time a record at or behind the watermark is late; the others wait in a per-key
// buffer, and when the watermark advances each key processes its buffered records with t ≤ W in timestamp order
// (equal times: arrival order) — advancing the NFA's clock to each timestamp first (timeouts) and to W after.
// In processing time each record is processed on arrival.
import { compile, OP_ADVANCE, OP_END, OP_RECORD, OP_WATERMARK } from '../compile.ts';
import { periodic } from '../engine.ts';
import { flinkRules } from '../profiles/eventTimeRules.ts';
import { Scheduler } from '../scheduler.ts';
import { Recorder } from '../trace/recorder.ts';
import type { RunOptions, Scenario } from '../types.ts';
import { PartitionWatermarks } from '../watermarks/partitionWatermarks.ts';
import { Valve } from '../watermarks/valve.ts';
import { Nfa, type NfaEvent, type NfaListener, type NfaRun } from './nfa.ts';
import type { CepEntry, CepLateEntry, CepRun, CepRunEvent, CepSpec, CepTrace } from './types.ts';

export function runCep(scenario: Scenario, options: RunOptions = {}): CepRun {
  const spec = scenario.pipeline.cep as CepSpec;
  const { pipeline } = scenario;
  const program = compile(scenario);
  const clock = new Scheduler();
  const isTracing = options.trace ?? false;
  const recorder = new Recorder(clock, scenario.profile, program.keys, pipeline.partitions, isTracing);
  const entries: CepEntry[] = [];
  const late: CepLateEntry[] = [];
  const runs: CepRunEvent[] = [];
  const matches: CepTrace['matches'] = [];
  const processedMs: number[] = [];
  let runIds = 0;
  let seq = 0;

  const nfas: Nfa[] = [];
  const nfaOf = (keyId: number): Nfa => {
    const listener: NfaListener = {
      born(run: NfaRun) {
        if (!isTracing) return;
        runs[run.id] = {
          id: run.id, keyId, parent: run.parent, records: run.events.map((e) => e.record), stages: run.stages.slice(),
          takenMs: run.events.map((e) => processedMs[e.record]), bornMs: clock.nowMs, endMs: Infinity, fate: 'open',
          startTs: run.events[0]?.ts ?? NaN, rule: 'R6.1', values: {}, reason: 'partial match in progress',
        };
      },
      ended(run, fate, decision) {
        if (!isTracing || !runs[run.id]) return;
        Object.assign(runs[run.id], { endMs: clock.nowMs, fate, ...decision });
      },
      matched(run) {
        entries.push({ step: recorder.step, key: program.keys[keyId], match: run.events.map((e) => e.ts) });
        if (isTracing) matches.push({ run: run.id, procTimeMs: clock.nowMs, step: recorder.step });
      },
    };
    return (nfas[keyId] ??= new Nfa(spec, listener, () => runIds++));
  };

  const processEvent = (keyId: number, event: NfaEvent, nowTs: number) => {
    const nfa = nfaOf(keyId);
    nfa.advanceTime(nowTs);
    processedMs[event.record] = clock.nowMs;
    nfa.process({ ...event, seq: seq++ });
  };

  // Event time: per-key buffers of records waiting for the watermark, kept in (timestamp, arrival) order.
  const buffers: NfaEvent[][] = [];
  let wm = -Infinity;
  const onWatermark = (next: number) => {
    wm = next;
    recorder.operatorWatermark(wm);
    const keys = buffers.map((_, keyId) => keyId).filter((k) => buffers[k]?.length).sort((a, b) => program.keyRank[a] - program.keyRank[b]);
    for (const keyId of keys) {
      const buffer = buffers[keyId];
      let n = 0;
      while (n < buffer.length && buffer[n].ts <= wm) n++;
      for (const event of buffer.splice(0, n)) processEvent(keyId, event, event.ts);
    }
    for (const nfa of nfas) nfa?.advanceTime(wm);
  };
  const valve = new Valve(pipeline.partitions, onWatermark);
  const wmSpec = pipeline.watermark;
  const generators = new PartitionWatermarks(wmSpec, pipeline.partitions, flinkRules.boundedFormula(wmSpec?.type === 'bounded' ? wmSpec.delay : 0), valve, recorder);
  const wake = generators.hasPeriodicWork ? periodic(clock, generators.interval, (now) => generators.periodic(now)) : () => {};

  const record = (op: number) => {
    wake();
    const t = program.ts[op];
    const keyId = program.keyId[op];
    const value = program.value[op];
    const r = recorder.arrive(t, keyId, program.partition[op], value);
    processedMs[r] = NaN;
    // R6.6: in processing time the NFA's clock — and each event's time in it — is the processing time.
    const event = { seq: 0, record: r, ts: spec.time === 'processing' ? clock.nowMs : t, value };
    if (spec.time === 'processing') {
      processEvent(keyId, event, clock.nowMs);
    } else if (t <= wm) {
      // R6.4: an element at or behind the watermark is late.
      if (pipeline.lateOutput) late.push({ step: recorder.step, key: program.keys[keyId], ts: t, value });
      recorder.drop({ record: r, keyId, ts: t, value, toSideOutput: pipeline.lateOutput, decision: { rule: 'R6.4', values: { ts: t, watermark: wm }, reason: `late: timestamp ${t} ≤ watermark ${wm}` } }, 2);
    } else {
      const buffer = (buffers[keyId] ??= []);
      let i = buffer.length;
      while (i > 0 && buffer[i - 1].ts > t) i--;
      buffer.splice(i, 0, event);
    }
    generators.onRecord(program.partition[op], t);
  };

  const { kind, atMs, step, arg, partition } = program;
  for (let op = 0; op < program.length; op++) {
    if (atMs[op] > clock.nowMs) clock.runUntil(atMs[op], false);
    recorder.step = step[op];
    switch (kind[op]) {
      case OP_RECORD: record(op); break;
      case OP_WATERMARK:
        for (let p = partition[op] < 0 ? 0 : partition[op]; p < (partition[op] < 0 ? pipeline.partitions : partition[op] + 1); p++) generators.explicit(p, arg[op]);
        break;
      case OP_ADVANCE: clock.runUntil(clock.nowMs + arg[op], true); break;
      // R3.9: the end of input is the watermark +∞: everything buffered is processed.
      case OP_END: if (spec.time === 'event' && wm < Infinity) onWatermark(Infinity); break;
    }
  }
  const base = recorder.finish(wm);
  const result = { emitted: entries, late, watermarks: base.result.watermarks };
  const summary = { ...base.summary, emitted: entries.length, late: late.length };
  if (!base.trace) return { result, summary };
  return { result, summary, trace: { base: base.trace, spec, runs: runs.filter(Boolean), matches, processedMs: Float64Array.from(processedMs) } };
}
