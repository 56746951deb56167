// Kafka Streams joins (spec R5.6–R5.12, R7.4): hand-computed cases and the state bound.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rejection, runJoinVector, twoSidedRecords } from './helpers.ts';

const left = (key: string, value: string, ts: number) => ({ record: { key, value, ts, stream: 'left' } });
const right = (key: string, value: string, ts: number) => ({ record: { key, value, ts, stream: 'right' } });

describe('Kafka Streams stream-stream joins', () => {
  it('refuses to start when the two topics have different partition counts, with the engine\'s reason', () => {
    expect(rejection({ profile: 'kafka-streams', pipeline: { join: { type: 'interval', lower: -5, upper: 5, partitions: { left: 6, right: 4 } } }, steps: [] }))
      .toBe('invalid: pipeline.join.partitions: TopologyException: Invalid topology: Topics not co-partitioned: [{left=6, right=4}]');
  });

  it('clamps the fetched range at 0, so with a negative before a right record at 1 meets a left record at 0', () => {
    // JoinWindows before = −3, after = 5: the right record looks at [max(0, 1 − 5), max(0, 1 − 3)] = [0, 0].
    const run = runJoinVector({ profile: 'kafka-streams', pipeline: { join: { type: 'interval', lower: 3, upper: 5 } }, steps: [left('a', 'L', 0), right('a', 'R', 1)] });
    expect(run.result.emitted).toEqual([{ step: 1, key: 'a', left: 'L', right: 'R', ts: 1 }]);
  });

  it('holds an unmatched left record until stream time passes t + after + grace, then emits it with null', () => {
    const steps = [left('a', 'A', 10), right('b', 'x', 15), right('b', 'y', 16)];
    const run = runJoinVector({ profile: 'kafka-streams', pipeline: { join: { type: 'interval', kind: 'left', lower: -5, upper: 5 } }, steps }, true);
    expect(run.result.emitted).toEqual([{ step: 2, key: 'a', left: 'A', right: null, ts: 10 }]);
    expect(run.trace!.results[0].rule).toBe('R5.8');
    expect(run.trace!.results[0].reason).toContain('16 > 10 + after 5 + grace 0');
  });

  it('never keeps a record in its window store once its side\'s stream time − retention reaches it', () => {
    fc.assert(fc.property(twoSidedRecords(60), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), (records, before, after, grace) => {
      const retention = before + after + grace;
      const events = records.map((r, i) => ({ ...r, arrivalMs: i * 10 }));
      const parsedRun = runJoinVector({ format: 'eventide.scenario/1', profile: 'kafka-streams', pipeline: { join: { type: 'interval', kind: 'outer', lower: -before, upper: after, grace } }, events, steps: [] }, true);
      const trace = parsedRun.trace!;
      for (let i = 0; i < records.length; i++) {
        const atMs = i * 10;
        const streamTime = [0, 1].map((side) => Math.max(-Infinity, ...records.slice(0, i + 1).filter((r) => (r.stream === 'left' ? 0 : 1) === side).map((r) => r.ts)));
        for (const span of trace.state) {
          if (span.fromMs > atMs || span.toMs <= atMs) continue;
          const side = trace.side[span.record];
          expect(trace.base.records.ts[span.record]).toBeGreaterThan(streamTime[side] - retention);
        }
      }
    }));
  });
});
