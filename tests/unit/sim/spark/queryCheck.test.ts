// Which streaming queries Spark rejects at start, and where a watermark changes nothing (UnsupportedOperationChecker,
// WatermarkSupport): the four queries of curriculum L08 Ex2, the other rules, and properties over random plans.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../../src/sim/index.ts';
import { checkQuery, QueryModelError, queryText, type QueryStep, type StreamingQuery } from '../../../../src/sim/spark/queryCheck.ts';

const wm = (column = 'ts'): QueryStep => ({ op: 'withWatermark', column, delay: '10 minutes' });
const count = (window?: 'tumbling' | 'sliding' | 'session', column = 'ts'): QueryStep => ({ op: 'aggregate', column, window });
const map: QueryStep = { op: 'select', what: 'select("user", "ts")' };
const status = (query: StreamingQuery) => checkQuery(query).status;

describe('curriculum L08 Ex2', () => {
  it('rejects a windowed count in append mode without a watermark, because no window could ever be final', () => {
    const verdict = checkQuery({ steps: [count('tumbling')], outputMode: 'append' });
    expect(verdict.status).toBe('rejected');
    expect(verdict.reason).toContain('no watermark before the aggregation');
  });

  it('accepts a watermark on a stateless map, which then changes nothing', () => {
    expect(checkQuery({ steps: [wm(), map], outputMode: 'append' })).toEqual({ status: 'watermark-no-effect', reason: 'no stateful operator follows withWatermark("ts"), and only stateful operators use the watermark' });
  });

  it('rejects withWatermark after the groupBy in append mode, and in update mode accepts it with no effect', () => {
    expect(status({ steps: [count('tumbling'), wm('window')], outputMode: 'append' })).toBe('rejected');
    expect(status({ steps: [count('tumbling'), wm('window')], outputMode: 'update' })).toBe('watermark-no-effect');
  });

  it('accepts a watermark before a windowed count on the same column in append mode', () => {
    expect(status({ steps: [wm(), count('tumbling')], outputMode: 'append' })).toBe('accepted');
  });
});

describe('the other rules', () => {
  it('rejects append mode when the aggregation groups by a column without the watermark', () => {
    expect(status({ steps: [wm('ingest_ts'), count('tumbling', 'ts')], outputMode: 'append' })).toBe('rejected');
    expect(status({ steps: [wm(), count(undefined, 'user')], outputMode: 'append' })).toBe('rejected');
    expect(status({ steps: [wm('ingest_ts'), count('tumbling', 'ts')], outputMode: 'update' })).toBe('watermark-no-effect');
  });

  it('rejects session windows in update mode and complete mode without an aggregation', () => {
    expect(checkQuery({ steps: [wm(), count('session')], outputMode: 'update' }).reason).toContain('session windows');
    expect(status({ steps: [map], outputMode: 'complete' })).toBe('rejected');
  });

  it('says a watermark drops no state in complete mode', () => {
    expect(status({ steps: [wm(), count('tumbling')], outputMode: 'complete' })).toBe('watermark-no-effect');
  });

  it('refuses a plan the model cannot hold, naming the step', () => {
    expect(() => checkQuery({ steps: [count('tumbling'), count('tumbling')], outputMode: 'update' })).toThrow(QueryModelError);
    expect(() => checkQuery({ steps: [count(undefined, 'user'), wm('window')], outputMode: 'update' })).toThrow(/steps\[1\]: after the aggregation only its output columns exist, so withWatermark can only name the window column of a windowed aggregation/);
  });

  it('writes the query the way a learner would', () => {
    expect(queryText({ steps: [wm(), count('tumbling')], outputMode: 'append' }))
      .toBe('events .withWatermark("ts", "10 minutes") .groupBy(window("ts", "10 minutes")) .count(), output mode append');
  });
});

describe('properties over random plans', () => {
  const plan = fc.record({
    watermark: fc.constantFrom('none', 'before', 'before-other', 'after'),
    hasMap: fc.boolean(),
    agg: fc.constantFrom('none', 'tumbling', 'sliding', 'session', 'key'),
    outputMode: fc.constantFrom('append', 'update', 'complete'),
  }).filter((p) => !(p.watermark === 'after' && (p.agg === 'none' || p.agg === 'key'))).map((p): StreamingQuery => {
    const agg: QueryStep[] = p.agg === 'none' ? [] : [p.agg === 'key' ? count(undefined, 'user') : count(p.agg)];
    const before = p.watermark === 'before' ? [wm()] : p.watermark === 'before-other' ? [wm('ingest_ts')] : [];
    const after = p.watermark === 'after' ? [wm(p.agg === 'session' ? 'session_window' : 'window')] : [];
    return { steps: [...before, ...(p.hasMap ? [map] : []), ...agg, ...after], outputMode: p.outputMode as StreamingQuery['outputMode'] };
  });

  it('never calls a watermark useless in a query that has none', () => {
    fc.assert(fc.property(plan, (query) => {
      const hasWatermark = query.steps.some((s) => s.op === 'withWatermark');
      if (!hasWatermark) expect(status(query)).not.toBe('watermark-no-effect');
    }));
  });

  it('accepts an aggregation in append mode only when a watermark on its column comes first', () => {
    fc.assert(fc.property(plan, (query) => {
      const aggAt = query.steps.findIndex((s) => s.op === 'aggregate');
      if (aggAt < 0 || query.outputMode !== 'append') return;
      const guarded = query.steps.slice(0, aggAt).some((s) => s.op === 'withWatermark' && s.column === (query.steps[aggAt] as { column: string }).column);
      expect(status(query) !== 'rejected').toBe(guarded);
    }));
  });
});

describe('agreement with the simulator\'s spark profile', () => {
  const windows = { tumbling: { type: 'tumbling', size: 10_000 }, sliding: { type: 'sliding', size: 10_000, slide: 5000 }, session: { type: 'session', gap: 5000 } };

  it('rejects a windowed count exactly when the simulator refuses to run it', () => {
    for (const window of ['tumbling', 'sliding', 'session'] as const) {
      for (const outputMode of ['append', 'update', 'complete'] as const) {
        for (const hasWatermark of [false, true]) {
          const parsed = parseScenario({
            profile: 'spark', steps: [],
            pipeline: { window: windows[window], aggregate: 'count', outputMode, ...(hasWatermark ? { watermark: { type: 'bounded', delay: 1000 } } : {}) },
          });
          const verdict = checkQuery({ steps: [...(hasWatermark ? [wm()] : []), count(window)], outputMode });
          expect(verdict.status === 'rejected', `${window} ${outputMode} ${hasWatermark}: ${parsed.ok ? 'runs' : parsed.error}`).toBe(!parsed.ok);
        }
      }
    }
  });
});
