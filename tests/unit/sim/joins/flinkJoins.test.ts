// Flink joins (spec R5.2–R5.5): the interval join's state bound and the reasons a learner reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rejection, runJoinVector, twoSidedRecords } from './helpers.ts';

describe('Flink interval join state', () => {
  // An element that arrives with t = W registers its cleanup timer at or below W; timers fire only when the watermark
  // advances, so it stays until the next one: cleanup = W is held, cleanup < W never is.
  it('never holds an element whose cleanup time the watermark has passed', () => {
    const bounds = fc.tuple(fc.integer({ min: -10, max: 10 }), fc.integer({ min: 0, max: 10 })).map(([lower, width]) => ({ lower, upper: lower + width }));
    fc.assert(fc.property(twoSidedRecords(60), bounds, fc.integer({ min: 0, max: 10 }), (records, { lower, upper }, delay) => {
      const events = records.map((r, i) => ({ ...r, arrivalMs: i * 10 }));
      const run = runJoinVector({
        format: 'eventide.scenario/1', profile: 'flink',
        pipeline: { join: { type: 'interval', lower, upper }, watermark: { type: 'bounded', delay, emit: 'per-record' } }, events, steps: [],
      }, true);
      const { state, side, base } = run.trace!;
      const wm = base.watermarks;
      for (let i = 0; i < records.length; i++) {
        const atMs = i * 10;
        let operatorWm = -Infinity;
        for (let w = 0; w < wm.length; w++) if (wm.scope[w] === -1 && wm.procTimeMs[w] <= atMs) operatorWm = wm.value[w];
        for (const span of state) {
          if (span.fromMs > atMs || span.toMs <= atMs) continue;
          const t = base.records.ts[span.record];
          const relativeUpper = side[span.record] === 0 ? upper : -lower;
          expect(relativeUpper > 0 ? t + relativeUpper : t).toBeGreaterThanOrEqual(operatorWm);
        }
      }
    }));
  });

  it('explains a late element with the strict comparison it failed', () => {
    const run = runJoinVector({ profile: 'flink', pipeline: { join: { type: 'interval', lower: 0, upper: 5 }, watermark: { type: 'explicit' }, lateOutput: true }, steps: [{ watermark: 10 }, { record: { key: 'a', ts: 9, stream: 'left', value: 'x' } }] }, true);
    expect(run.result.late).toEqual([{ step: 1, key: 'a', stream: 'left', ts: 9, value: 'x' }]);
    expect(run.trace!.base.drops[0].reason).toBe('late: timestamp 9 < watermark 10 (an interval join judges the element itself, strictly)');
  });

  it('rejects an outer interval join under flink, naming the engine API that lacks it', () => {
    expect(rejection({ profile: 'flink', pipeline: { join: { type: 'interval', kind: 'left', lower: 0, upper: 5 } }, steps: [] }))
      .toBe('unsupported: unsupported: left interval join under flink (the DataStream interval join (IntervalJoinOperator) is inner only)');
  });

  it('asks every join record for its input stream', () => {
    expect(rejection({ profile: 'flink', pipeline: { join: { type: 'interval', lower: 0, upper: 5 } }, steps: [{ record: { key: 'a', ts: 1 } }] }))
      .toBe('invalid: steps[0].record.stream: expected "left" or "right" for a join input, got nothing');
  });
});
