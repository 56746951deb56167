// R3.13 Beam watermark holds: the output watermark of the grouping stage, hand-computed, then as properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, run, traceAt, type Run, type Trace } from '../../../src/sim/index.ts';
import { vectorFor } from './arbitraries.ts';
import { records } from './helpers.ts';

function beam(pipeline: Record<string, unknown>, steps: unknown[]): Run {
  const parsed = parseScenario({
    format: 'eventide.scenario/1', name: 'holds', profile: 'beam',
    pipeline: { window: { type: 'tumbling', size: 10 }, watermark: { type: 'explicit' }, aggregate: 'list', ...pipeline }, steps,
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return run(parsed.scenario, { trace: true });
}

/** [step, output watermark] for every advance of the output watermark. */
const outputRows = (trace: Trace) => Array.from(trace.outputWatermarks.value, (value, i) => [trace.outputWatermarks.step[i], value]);
const paneStamps = (r: Run) => r.result.emitted.map((e) => [e.timing, e.ts]);

describe('R3.13 Beam watermark holds, by hand', () => {
  it('EARLIEST holds the output watermark at the earliest element, 3, while the input watermark moves to 9', () => {
    const r = beam({ timestampCombiner: 'earliest' }, [{ watermark: 2 }, ...records('k', 7, 3), { watermark: 5 }, { watermark: 9 }, { watermark: 10 }]);
    // Input 2 → output 2; holds 7 then 3; input 5 and 9 → output min(input, 3) = 3; input 10 fires [0,10) (ts 3), releasing it.
    expect(outputRows(r.trace!)).toEqual([[0, 2], [3, 3], [5, 10]]);
    expect(traceAt(r.trace!, 0)).toMatchObject({ operatorWm: 10, outputWm: 10 });
    expect(paneStamps(r)).toEqual([['ON_TIME', 3]]);
  });

  it('LATEST holds it at the latest element, so the output watermark passes the earlier ones', () => {
    const r = beam({ timestampCombiner: 'latest' }, [...records('k', 3, 7), { watermark: 5 }, { watermark: 8 }, { watermark: 10 }]);
    expect(outputRows(r.trace!)).toEqual([[2, 5], [3, 7], [4, 10]]);
    expect(paneStamps(r)).toEqual([['ON_TIME', 7]]);
  });

  it('END_OF_WINDOW holds at maxTs 9 until the ON_TIME pane fires, so the output follows the input up to there', () => {
    const r = beam({}, [...records('k', 3, 12), { watermark: 5 }, { watermark: 15 }]);
    // Holds 9 and 19; input 15 fires [0,10) and releases 9: output min(15, 19) = 15.
    expect(outputRows(r.trace!)).toEqual([[2, 5], [3, 15]]);
  });

  it('a late element places a GC hold at maxTs + L instead of an element hold; its LATE pane is stamped maxTs', () => {
    const trigger = { type: 'afterWatermark', late: { type: 'count', n: 2 } };
    const r = beam({ allowedLateness: 20, trigger, timestampCombiner: 'earliest' }, [...records('k', 3), { watermark: 12 }, ...records('k', 4), { watermark: 25 }, { watermark: 40 }]);
    // ts 4 arrives behind the window's end: no element hold at 4, a GC hold at 9 + 20 = 29, which the input cannot
    // pass while the window lives (it is collected once the input is beyond 29). Input 40 collects it: the last pane
    // takes the GC hold 29, clipped to maxTs 9.
    expect(outputRows(r.trace!)).toEqual([[1, 12], [3, 25], [4, 40]]);
    expect(paneStamps(r)).toEqual([['ON_TIME', 3], ['LATE', 9]]);
  });

  it('EARLIEST: an element behind the output watermark gets no element hold, so it does not stamp the pane', () => {
    // Output 5 when ts 2 arrives: its hold would be before 5, so Beam places the GC hold 9 instead; ts 7 holds 7.
    expect(paneStamps(beam({ timestampCombiner: 'earliest' }, [{ watermark: 5 }, ...records('k', 2, 7), { watermark: 10 }]))).toEqual([['ON_TIME', 7]]);
    // Alone, ts 2 leaves only the GC hold (9 + 5 = 14), clipped to maxTs 9.
    expect(paneStamps(beam({ timestampCombiner: 'earliest', allowedLateness: 5 }, [{ watermark: 5 }, ...records('k', 2), { watermark: 10 }]))).toEqual([['ON_TIME', 9]]);
  });

  it('merged sessions combine their element holds (LATEST: 12), so the output stays at 12 while the input is at 20', () => {
    const r = beam({ window: { type: 'session', gap: 10 }, allowedLateness: 5, timestampCombiner: 'latest' }, [...records('k', 1, 12, 5), { watermark: 20 }]);
    // Sessions [1,11) and [12,22) merge through ts 5 into [1,22): element hold max 12, GC hold 21 + 5 = 26.
    expect(outputRows(r.trace!)).toEqual([[3, 12]]);
    expect(traceAt(r.trace!, 0).outputWm).toBe(12);
  });

  it('Flink records no output series: its output watermark is the operator watermark', () => {
    const parsed = parseScenario({ profile: 'flink', pipeline: { window: { type: 'tumbling', size: 10 }, watermark: { type: 'explicit' } }, steps: [...records('k', 3), { watermark: 5 }] });
    if (!parsed.ok) throw new Error(parsed.error);
    const { trace } = run(parsed.scenario, { trace: true });
    expect(trace!.outputWatermarks.length).toBe(0);
    expect(traceAt(trace!, 0)).toMatchObject({ operatorWm: 5, outputWm: 5 });
  });
});

const beamScenarios = fc.tuple(vectorFor('beam'), fc.constantFrom('end-of-window', 'earliest', 'latest'), fc.integer({ min: 1, max: 3 })).map(([vector, combiner, lateCount]) => {
  const { trigger } = vector.pipeline as { trigger?: { type: string } };
  return {
    ...vector, format: 'eventide.scenario/1', name: 'random holds',
    pipeline: { ...vector.pipeline, timestampCombiner: combiner, ...(trigger?.type === 'afterWatermark' ? { trigger: { ...trigger, late: { type: 'count', n: lateCount } } } : {}) },
  };
});

describe('R3.13 Beam watermark holds, properties', { timeout: 120_000 }, () => {
  it('the output watermark never falls, never passes the input watermark, and never passes a pane of on-time elements not yet emitted (U19)', () => {
    fc.assert(fc.property(beamScenarios, (scenario) => {
      const parsed = parseScenario(scenario);
      if (!parsed.ok) throw new Error(parsed.error);
      const trace = run(parsed.scenario, { trace: true }).trace!;
      const lateness = parsed.scenario.pipeline.allowedLateness;
      const rows: [number, () => void][] = [];
      let input = -Infinity;
      let output = -Infinity;
      const w = trace.watermarks;
      for (let i = 0; i < w.length; i++) if (w.scope[i] === -1) rows.push([w.seq[i], () => (input = w.value[i])]);
      const o = trace.outputWatermarks;
      for (let i = 0; i < o.length; i++) {
        rows.push([o.seq[i], () => {
          expect(o.value[i]).toBeGreaterThan(output);
          expect(o.value[i]).toBeLessThanOrEqual(input);
          output = o.value[i];
        }]);
      }
      // Whether a window received, since its last pane, an element already behind the input watermark (R3.12: t < W).
      const cameLate = new Map<number, boolean>();
      let inputAt = -Infinity;
      const marks: [number, () => void][] = [];
      for (let i = 0; i < w.length; i++) if (w.scope[i] === -1) marks.push([w.seq[i], () => (inputAt = w.value[i])]);
      const a = trace.assignments;
      for (let i = 0; i < a.length; i++) {
        const id = a.windowId[i];
        const ts = trace.records.ts[a.record[i]];
        marks.push([a.seq[i], () => cameLate.set(id, (cameLate.get(id) ?? false) || ts < inputAt)]);
      }
      for (const pane of trace.panes) {
        marks.push([pane.seq, () => {
          const ts = pane.ts;
          const isOnTimeData = !cameLate.get(pane.windowId);
          if (!pane.retract) cameLate.delete(pane.windowId);
          if (ts === undefined) return;
          // GC hold: downstream with the same allowed lateness never drops a pane. U19: a pane of on-time elements
          // is never behind the output watermark, so downstream never sees it as late (R3.12: t < W is behind).
          rows.push([pane.seq, () => expect(ts + lateness).toBeGreaterThanOrEqual(output)]);
          if (isOnTimeData) rows.push([pane.seq, () => expect(ts).toBeGreaterThanOrEqual(output)]);
        }]);
      }
      marks.sort((x, y) => x[0] - y[0]);
      for (const [, mark] of marks) mark();
      rows.sort((a, b) => a[0] - b[0]);
      for (const [, check] of rows) check();
    }), { numRuns: 1000 });
  });
});
