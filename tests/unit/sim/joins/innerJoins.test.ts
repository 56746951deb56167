// Inner joins of every profile equal a nested-loop join over the same records when nothing is late.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nestedLoopJoin, pairsOf, runJoinVector, twoSidedRecords } from './helpers.ts';

const bounds = fc.tuple(fc.integer({ min: -10, max: 10 }), fc.integer({ min: 0, max: 10 })).map(([lower, width]) => ({ lower, upper: lower + width }));
const steps = (records: { key: string; ts: number; stream: string; value: string }[]) => records.map((r) => ({ record: r }));

describe('inner joins equal a nested-loop join', () => {
  it('a Flink interval join with no watermark yet pairs exactly the records with lower ≤ tR − tL ≤ upper', () => {
    fc.assert(fc.property(twoSidedRecords(), bounds, (records, { lower, upper }) => {
      const run = runJoinVector({ profile: 'flink', pipeline: { join: { type: 'interval', lower, upper }, watermark: { type: 'explicit' } }, steps: steps(records) });
      expect(pairsOf(run)).toEqual(nestedLoopJoin(records, (tL, tR) => tR - tL >= lower && tR - tL <= upper));
    }));
  });

  // With before and after ≥ 0: Kafka Streams clamps both ends of the fetched range at 0, which can add pairs when
  // one of them is negative (see kafkaStreamJoin.test.ts).
  it('a Kafka Streams inner join whose grace outlasts the input pairs the same records, each pair once', () => {
    const windows = fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })).map(([before, after]) => ({ lower: -before, upper: after }));
    fc.assert(fc.property(twoSidedRecords(), windows, (records, { lower, upper }) => {
      const run = runJoinVector({ profile: 'kafka-streams', pipeline: { join: { type: 'interval', lower, upper, grace: 1000 } }, steps: steps(records) });
      expect(pairsOf(run)).toEqual(nestedLoopJoin(records, (tL, tR) => tR - tL >= lower && tR - tL <= upper));
    }));
  });

  it('a Spark inner join without watermarks pairs the same records whatever the micro-batches', () => {
    fc.assert(fc.property(twoSidedRecords(), bounds, fc.integer({ min: 1, max: 5 }), (records, { lower, upper }, perBatch) => {
      const batches = [];
      for (let i = 0; i < records.length; i += perBatch) batches.push({ batch: records.slice(i, i + perBatch) });
      const run = runJoinVector({ profile: 'spark', pipeline: { join: { type: 'interval', lower, upper } }, steps: batches });
      expect(pairsOf(run)).toEqual(nestedLoopJoin(records, (tL, tR) => tR - tL >= lower && tR - tL <= upper));
    }));
  });

  it('a Flink tumbling window join flushed by the end of input pairs the records of the same window', () => {
    fc.assert(fc.property(twoSidedRecords(), fc.integer({ min: 1, max: 15 }), (records, size) => {
      const run = runJoinVector({ profile: 'flink', pipeline: { join: { type: 'window', window: { type: 'tumbling', size } }, watermark: { type: 'explicit' } }, steps: [...steps(records), { end: true }] });
      expect(pairsOf(run)).toEqual(nestedLoopJoin(records, (tL, tR) => Math.floor(tL / size) === Math.floor(tR / size)));
      for (const e of run.result.emitted) expect((e.ts! + 1) % size).toBe(0);
    }));
  });

  it('gives every Flink interval result the later of the two timestamps', () => {
    fc.assert(fc.property(twoSidedRecords(), (records) => {
      const run = runJoinVector({ profile: 'flink', pipeline: { join: { type: 'interval', lower: -5, upper: 5 }, watermark: { type: 'explicit' } }, steps: steps(records) });
      const tsOf = new Map(records.map((r) => [r.value, r.ts]));
      for (const e of run.result.emitted) expect(e.ts).toBe(Math.max(tsOf.get(e.left as string)!, tsOf.get(e.right as string)!));
    }));
  });
});
