// R3.10 Flink watermark alignment: hand-computed pauses and resumes, then properties over random scenarios.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, run, traceAt, type Run, type Trace, type TraceEvent } from '../../../src/sim/index.ts';
import { stateAt } from '../../../src/sim/trace/traceAt.ts';

type AlignmentEvent = Extract<TraceEvent, { kind: 'alignment-update' | 'alignment-paused' | 'alignment-resumed' }>;

const record = (partition: number, ts: number) => ({ record: { key: 'k', ts, partition } });

/** Per-record monotonous watermarks (W = max − 1) on two partitions, so every watermark is easy to compute by hand. */
function aligned(steps: object[], maxDrift = 30, extra: object = {}): Run {
  const parsed = parseScenario({
    format: 'eventide.scenario/1', name: 'alignment', profile: 'flink',
    pipeline: {
      window: { type: 'tumbling', size: 100 }, partitions: 2,
      watermark: { type: 'monotonous', emit: 'per-record', alignment: { group: 'g', maxDrift, updateInterval: 1000 } }, ...extra,
    },
    steps,
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return run(parsed.scenario, { trace: true });
}

/** [kind, processing time, partition, watermark, groupMin, maxAllowed, waiting] for every alignment event. */
const alignmentRows = (trace: Trace) =>
  trace.events
    .filter((e): e is AlignmentEvent => e.kind.startsWith('alignment-'))
    .map((e) => e.kind === 'alignment-update'
      ? [e.kind, e.procTimeMs, e.groupMin, e.maxAllowed]
      : [e.kind, e.procTimeMs, e.partition, e.watermark, e.groupMin, e.maxAllowed, e.waiting]);

describe('R3.10 watermark alignment, by hand', () => {
  it('pauses the partition ahead of the group minimum by more than maxDrift, and reads its waiting record when the minimum catches up', () => {
    const { trace, result } = aligned([
      record(0, 5), // W0 = 4
      record(1, 50), // W1 = 49
      { advance: 1000 }, // update at 1000: min 4, maxAllowed 34 → partition 1 (49) stops
      record(1, 60), // waits
      record(0, 25), // W0 = 24 ≤ 34: read
      { advance: 1000 }, // update at 2000: min 24, maxAllowed 54 → partition 1 reads ts 60, W1 = 59 > 54: stops again
      { end: true }, // both finished: at 3000 the minimum is +∞ and partition 1 reads again
    ]);
    expect(alignmentRows(trace!)).toEqual([
      ['alignment-update', 1000, 4, 34],
      ['alignment-paused', 1000, 1, 49, 4, 34, 0],
      ['alignment-update', 2000, 24, 54],
      ['alignment-resumed', 2000, 1, 49, 24, 54, 1],
      ['alignment-paused', 2000, 1, 59, 24, 54, 0],
      ['alignment-update', 3000, Infinity, Infinity],
      ['alignment-resumed', 3000, 1, 59, Infinity, Infinity, 0],
    ]);
    // The record that arrived at 1000 is read at 2000.
    const r = trace!.records;
    expect(Array.from(r.ts)).toEqual([5, 50, 25, 60]);
    expect(Array.from(r.procTimeMs)).toEqual([0, 0, 1000, 2000]);
    expect(result.emitted.map((e) => [e.start, e.value])).toEqual([[0, 4]]);
  });

  it('the comparison is strict: a watermark exactly maxDrift ahead keeps reading, one more stops', () => {
    const { trace } = aligned([record(0, 5), { advance: 1000 }, record(1, 35), record(1, 36), { end: true }]);
    // min 4, maxAllowed 34: W1 = 34 reads, W1 = 35 > 34 stops.
    expect(alignmentRows(trace!).slice(0, 2)).toEqual([
      ['alignment-update', 1000, 4, 34],
      ['alignment-paused', 1000, 1, 35, 4, 34, 0],
    ]);
  });

  it('a partition that never forwarded a watermark does not hold the group back (Flink reports nothing before the first)', () => {
    // Partition 0 has no records: the minimum is partition 1's own watermark, 499 and then 519, not −∞.
    const { trace } = aligned([record(1, 500), { advance: 1000 }, record(1, 520), { advance: 1000 }, { end: true }]);
    expect(alignmentRows(trace!)).toEqual([
      ['alignment-update', 1000, 499, 529],
      ['alignment-update', 2000, 519, 549],
    ]);
  });

  it('a single partition that jumps more than maxDrift between updates stops itself until the next update', () => {
    // Flink's source-level check (shouldWaitForAlignment) also applies to a source that is alone in its group.
    const { trace } = aligned([record(1, 500), { advance: 1000 }, record(1, 900), record(1, 901), { advance: 1000 }, { end: true }]);
    expect(alignmentRows(trace!)).toEqual([
      ['alignment-update', 1000, 499, 529],
      ['alignment-paused', 1000, 1, 899, 499, 529, 0],
      ['alignment-update', 2000, 899, 929],
      ['alignment-resumed', 2000, 1, 899, 899, 929, 1],
    ]);
  });

  it('a paused partition does not go idle while it waits, and an idle partition reports +∞', () => {
    const { trace } = aligned(
      [record(0, 5), record(1, 50), { advance: 1000 }, record(1, 60), { advance: 3000 }, { end: true }],
      30, { watermark: { type: 'monotonous', emit: 'per-record', idleness: 1500, alignment: { maxDrift: 30 } } },
    );
    const idle = trace!.events.filter((e) => e.kind === 'idle').map((e) => [e.procTimeMs, (e as { partition: number }).partition]);
    // Only partition 0 goes idle (silent since the emission at 400: 2000 − 400 > 1500); from then on it reports +∞,
    // so at the next update the minimum is partition 1's own 49 and it reads its waiting record.
    expect(idle).toEqual([[2000, 0]]);
    expect(alignmentRows(trace!)).toContainEqual(['alignment-resumed', 3000, 1, 49, 49, 79, 1]);
  });

  it('at the end of the input the waiting records are read, in order and later in processing time, before the final watermark', () => {
    const { trace, result } = aligned([record(0, 5), record(1, 50), { advance: 1000 }, record(1, 60), record(1, 70), { end: true }]);
    // Partition 0 is finished (+∞); at 2000 the minimum is partition 1's own 49 and it reads both.
    expect(alignmentRows(trace!).at(-1)).toEqual(['alignment-resumed', 2000, 1, 49, 49, 79, 2]);
    expect(Array.from(trace!.records.ts)).toEqual([5, 50, 60, 70]);
    expect(trace!.records.procTimeMs[3]).toBe(2000);
    expect(result.emitted.map((e) => [e.start, e.value])).toEqual([[0, 4]]);
    expect(result.late).toEqual([]);
  });

  it('traceAt shows which partitions are paused, the same from a keyframe as from a replay', () => {
    const parsed = parseScenario({
      format: 'eventide.scenario/1', name: 'alignment keyframes', profile: 'flink',
      pipeline: { window: { type: 'tumbling', size: 100 }, partitions: 2, watermark: { type: 'monotonous', emit: 'per-record', alignment: { maxDrift: 30 } } },
      steps: [record(0, 5), record(1, 50), { advance: 1000 }, record(1, 60), record(0, 25), { advance: 1000 }, { end: true }],
    });
    if (!parsed.ok) throw new Error(parsed.error);
    const trace = run(parsed.scenario, { trace: true, keyframeEvery: 2 }).trace!;
    expect(trace.keyframes.length).toBeGreaterThan(2);
    expect(traceAt(trace, 999).partitionPaused).toEqual([false, false]);
    expect(traceAt(trace, 1000).partitionPaused).toEqual([false, true]);
    for (const t of [0, 999, 1000, 1500, 2000, 3000]) expect(traceAt(trace, t)).toEqual(stateAt(trace, t, false));
  });

  it('the reason says which watermark was how far ahead of which minimum', () => {
    const { trace } = aligned([record(0, 5), record(1, 50), { advance: 1000 }, { end: true }]);
    const paused = trace!.events.find((e) => e.kind === 'alignment-paused') as AlignmentEvent & { reason: string };
    expect(paused.reason).toBe('R3.10: partition 1 stops reading: its watermark 49 > group minimum 4 + max drift 30 = 34 (times in ms)');
  });

  it('is a scenario-format option of Flink only', () => {
    const vector = parseScenario({ profile: 'flink', pipeline: { window: { type: 'tumbling', size: 10 }, watermark: { type: 'explicit', alignment: { maxDrift: 5 } } }, steps: [] });
    expect(vector).toMatchObject({ ok: false, kind: 'invalid', error: expect.stringContaining('pipeline.watermark.alignment: only scenarios') });
    const beam = parseScenario({ format: 'eventide.scenario/1', profile: 'beam', pipeline: { window: { type: 'tumbling', size: 10 }, watermark: { type: 'explicit', alignment: { maxDrift: 5 } } }, steps: [] });
    expect(beam).toMatchObject({ ok: false, kind: 'unsupported' });
    const bad = parseScenario({ format: 'eventide.scenario/1', profile: 'flink', pipeline: { window: { type: 'tumbling', size: 10 }, watermark: { type: 'explicit', alignment: { maxDrift: -1 } } }, steps: [] });
    expect(bad).toMatchObject({ ok: false, error: 'pipeline.watermark.alignment.maxDrift: expected an integer ≥ 0, got -1' });
  });
});

// Random scenarios: 2–4 partitions, records arriving over a few seconds with disorder, bounded watermarks.
const scenarios = fc.record({
  partitions: fc.integer({ min: 2, max: 4 }),
  maxDrift: fc.integer({ min: 0, max: 400 }),
  updateInterval: fc.constantFrom(100, 250, 1000),
  emit: fc.constantFrom('per-record', 'periodic'),
  delay: fc.integer({ min: 0, max: 300 }),
  events: fc.array(fc.record({ p: fc.nat(3), ts: fc.integer({ min: 0, max: 3000 }), arrivalMs: fc.integer({ min: 0, max: 3000 }) }), { minLength: 1, maxLength: 40 }),
}).map(({ partitions, maxDrift, updateInterval, emit, delay, events }) => (alignment: boolean) => ({
  format: 'eventide.scenario/1', name: 'random alignment', profile: 'flink',
  pipeline: {
    window: { type: 'tumbling', size: 500 }, partitions, lateOutput: true,
    watermark: { type: 'bounded', delay, emit, ...(alignment ? { alignment: { maxDrift, updateInterval } } : {}) },
  },
  events: events.map((e) => ({ key: `k${e.p}`, ts: e.ts, partition: e.p % partitions, arrivalMs: e.arrivalMs })),
  steps: [{ end: true }],
}));

function runScenario(input: object): Run {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.error);
  return run(parsed.scenario, { trace: true });
}

describe('R3.10 watermark alignment, properties', { timeout: 120_000 }, () => {
  it('no partition reads a record while its watermark is above the announced maxAllowed, and every record is read once', () => {
    fc.assert(fc.property(scenarios, (make) => {
      const input = make(true);
      const trace = runScenario(input).trace!;
      expect(trace.records.length).toBe(input.events.length);
      const wm = new Array<number>(input.pipeline.partitions).fill(-Infinity);
      let maxAllowed = Infinity;
      // Walk records, watermark rows and alignment events in sequence order.
      const rows: [number, () => void][] = [];
      for (let i = 0; i < trace.watermarks.length; i++) {
        const scope = trace.watermarks.scope[i];
        const value = trace.watermarks.value[i];
        if (scope >= 0) rows.push([trace.watermarks.seq[i], () => (wm[scope] = value)]);
      }
      for (const e of trace.events) {
        if (e.kind === 'alignment-update') rows.push([e.seq, () => (maxAllowed = e.maxAllowed)]);
        if (e.kind === 'alignment-paused') rows.push([e.seq, () => expect(e.watermark).toBeGreaterThan(e.maxAllowed)]);
        if (e.kind === 'alignment-resumed') rows.push([e.seq, () => expect(e.watermark).toBeLessThanOrEqual(e.maxAllowed)]);
        if (e.kind === 'alignment-update' || e.kind === 'alignment-paused' || e.kind === 'alignment-resumed') {
          rows.push([e.seq, () => expect(e.maxAllowed).toBe(e.groupMin + e.maxDrift)]);
        }
      }
      for (let r = 0; r < trace.records.length; r++) {
        const p = trace.records.partition[r];
        rows.push([trace.records.seq[r], () => expect(wm[p]).toBeLessThanOrEqual(maxAllowed)]);
      }
      rows.sort((a, b) => a[0] - b[0]);
      for (const [, check] of rows) check();
    }), { numRuns: 1000 });
  });

  it('when nothing is late in either run, alignment changes when windows fire but not what they contain', () => {
    const finals = (r: Run) => r.result.emitted.map((e) => `${e.key} ${e.start} ${JSON.stringify(e.value)}`).sort();
    fc.assert(fc.property(scenarios, (make) => {
      const alignedRun = runScenario(make(true));
      const plainRun = runScenario(make(false));
      fc.pre(alignedRun.result.late.length === 0 && plainRun.result.late.length === 0);
      expect(finals(alignedRun)).toEqual(finals(plainRun));
    }), { numRuns: 1000 });
  });
});
