// Flink CEP (spec R6): contiguity, quantifiers, within, skip strategies and the trace of partial matches.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rejection, runCepVector } from '../joins/helpers.ts';

const events = (values: string[]) => [...values.map((value, i) => ({ record: { key: 'k', value, ts: i * 10 } })), { end: true }];
const ab = (contiguity: string) => [{ name: 'a', where: { value: 'a' } }, { name: 'b', contiguity, where: { value: 'b' } }];
const matchesOf = (contiguity: string, values: string[], extra: Record<string, unknown> = {}) =>
  runCepVector({ profile: 'flink', pipeline: { cep: { pattern: ab(contiguity), ...extra }, watermark: { type: 'explicit' } }, steps: events(values) }).result.emitted.map((e) => e.match.join(','));
const stream = fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 12 });

describe('CEP contiguity', () => {
  it('followedByAny finds every a-before-b pair, followedBy the first b after each a, next only adjacent pairs', () => {
    fc.assert(fc.property(stream, (values) => {
      const any: string[] = [];
      const first: string[] = [];
      const adjacent: string[] = [];
      values.forEach((v, i) => {
        if (v !== 'a') return;
        const bs = values.map((w, j) => (w === 'b' && j > i ? j : -1)).filter((j) => j >= 0);
        for (const j of bs) any.push(`${i * 10},${j * 10}`);
        if (bs.length > 0) first.push(`${i * 10},${bs[0] * 10}`);
        if (values[i + 1] === 'b') adjacent.push(`${i * 10},${(i + 1) * 10}`);
      });
      expect(matchesOf('followedByAny', values).sort()).toEqual(any.sort());
      expect(matchesOf('followedBy', values).sort()).toEqual(first.sort());
      expect(matchesOf('next', values).sort()).toEqual(adjacent.sort());
    }));
  });

  it('within keeps only matches whose last event is less than within after the first', () => {
    fc.assert(fc.property(stream, fc.integer({ min: 1, max: 60 }), (values, within) => {
      const limited = matchesOf('followedByAny', values, { within });
      const all = matchesOf('followedByAny', values);
      expect(limited.sort()).toEqual(all.filter((m) => { const [a, b] = m.split(',').map(Number); return b - a < within; }).sort());
    }));
  });

  it('skipPastLastEvent never lets two matches share an event', () => {
    fc.assert(fc.property(stream, (values) => {
      const run = runCepVector({ profile: 'flink', pipeline: { cep: { pattern: [{ name: 'a', where: { value: 'a' } }, { name: 'b', contiguity: 'followedByAny', where: { value: 'b' }, oneOrMore: true }], skip: 'skipPastLastEvent' }, watermark: { type: 'explicit' } }, steps: events(values) });
      const used = run.result.emitted.flatMap((e) => e.match);
      expect(new Set(used).size).toBe(used.length);
    }));
  });
});

describe('CEP trace', () => {
  it('records a timed-out partial match with the time its timeout handler would see', () => {
    const run = runCepVector({ profile: 'flink', pipeline: { cep: { pattern: ab('followedBy'), within: 10 }, watermark: { type: 'explicit' } }, steps: events(['a', 'c', 'b']) }, true);
    expect(run.result.emitted).toEqual([]);
    const timedOut = run.trace!.runs.filter((r) => r.fate === 'timed-out');
    expect(timedOut).toHaveLength(1);
    expect(timedOut[0].values).toMatchObject({ start: 0, timeoutTs: 10 });
  });

  it('rejects a pattern whose stages share a name', () => {
    expect(rejection({ profile: 'flink', pipeline: { cep: { pattern: [{ name: 'a', where: { value: 1 } }, { name: 'a', contiguity: 'next', where: { value: 2 } }] } }, steps: [] }))
      .toBe('invalid: pipeline.cep.pattern[1].name: expected a unique stage name, got "a" twice');
  });
});

describe('CEP partial matches in the trace', () => {
  it('a run that moves past an optional stage and waits is a new partial match; the one that took the event keeps its birth time', () => {
    const pattern = [
      { name: 'a', where: { value: 'a' } },
      { name: 'b', contiguity: 'followedBy', optional: true, where: { value: 'b' } },
      { name: 'c', contiguity: 'followedBy', where: { value: 'c' } },
    ];
    const steps = [{ record: { key: 'k', value: 'a', ts: 0 } }, { advance: 100 }, { record: { key: 'k', value: 'x', ts: 100 } }, { advance: 100 }, { record: { key: 'k', value: 'c', ts: 200 } }];
    const { result, trace } = runCepVector({ profile: 'flink', pipeline: { cep: { pattern, time: 'processing' } }, steps }, true);
    expect(result.emitted.map((e) => e.match)).toContainEqual([0, 200]);
    const tookA = trace!.runs.find((r) => r.parent === -1 && r.records.length === 1)!;
    expect(tookA.bornMs).toBe(0);
    const branches = trace!.runs.filter((r) => r.parent === tookA.id);
    expect(branches.map((r) => r.bornMs)).toContain(100);
    expect(trace!.runs.every((r) => r.parent !== r.id)).toBe(true);
  });
});
