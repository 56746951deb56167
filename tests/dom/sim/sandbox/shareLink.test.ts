import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addEvent, materialise, moveEvent, removeEvent, scenarioFor } from '../../../../src/components/sandbox/sandboxState.ts';
import { decodeState, encodeState, MAX_LINK_CHARS } from '../../../../src/components/sandbox/shareLink.ts';
import { lateRecordScenario } from '../scenarios.ts';

const base64url = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('share links', () => {
  it('restore exactly the state they were made from, comparison and time included', () => {
    const state = { scenario: lateRecordScenario(), compare: { profile: 'beam', pipeline: lateRecordScenario().pipeline }, atMs: 12_345 };
    expect(decodeState(encodeState(state))).toEqual({ ok: true, state });
  });

  it('survive any record key text, including markup and non-Latin letters', () => {
    fc.assert(fc.property(fc.string(), fc.integer({ min: 0, max: 1e9 }), (key, atMs) => {
      const scenario = { ...lateRecordScenario(), events: [{ key, ts: 1000, arrivalMs: 1000 }] };
      const decoded = decodeState(encodeState({ scenario, atMs }));
      expect(decoded).toEqual({ ok: true, state: { scenario, compare: undefined, atMs } });
    }), { numRuns: 200 });
  });

  it('an empty query opens the default sandbox without complaint', () => {
    expect(decodeState('')).toEqual({ ok: 'empty' });
  });

  it('refuse an oversized link before decoding it', () => {
    expect(decodeState(`s=${'A'.repeat(MAX_LINK_CHARS + 1)}`)).toEqual({ ok: false, error: expect.stringMatching(/at most 30,000 are accepted/) });
  });

  it('refuse data that is not base64url JSON', () => {
    expect(decodeState('s=<script>alert(1)</script>')).toEqual({ ok: false, error: 'the link’s data is not base64url text' });
    expect(decodeState(`s=${base64url('alert(1)')}`)).toEqual({ ok: false, error: 'the link’s data is not valid JSON' });
  });

  it('refuse unknown fields and scenarios the simulator rejects, naming the field', () => {
    expect(decodeState(`s=${base64url(JSON.stringify({ v: 1, a: lateRecordScenario(), onload: 'x' }))}`)).toEqual({ ok: false, error: 'unknown field "onload"' });
    const bad = { ...lateRecordScenario(), pipeline: { ...lateRecordScenario().pipeline, window: { type: 'tumbling', size: 0 } } };
    const decoded = decodeState(`s=${base64url(JSON.stringify({ v: 1, a: bad }))}`);
    expect(decoded.ok).toBe(false);
    expect((decoded as { error: string }).error).toMatch(/^scenario: pipeline\.window\.size/);
  });

  it('refuse a comparison that carries anything but a configuration', () => {
    const link = `s=${base64url(JSON.stringify({ v: 1, a: lateRecordScenario(), b: { profile: 'flink', pipeline: lateRecordScenario().pipeline, events: [] } }))}`;
    expect(decodeState(link)).toEqual({ ok: false, error: 'comparison: expected { profile, pipeline }' });
  });
});

describe('editing records', () => {
  it('moving an event changes only that event, and never to a negative arrival', () => {
    const scenario = lateRecordScenario();
    const moved = moveEvent(scenario, 5, { ts: 9000, arrivalMs: -50 });
    expect((moved.events as object[])[5]).toEqual({ key: 'k', ts: 9000, arrivalMs: 0 });
    expect((moved.events as object[]).slice(0, 5)).toEqual(scenario.events.slice(0, 5));
    expect(scenario.events[5].arrivalMs).toBe(16000);
  });

  it('adding copies the last event’s key and value; removing drops one event', () => {
    const added = addEvent(lateRecordScenario(), { ts: 7000, arrivalMs: 7500 });
    expect((added.events as object[]).at(-1)).toEqual({ key: 'k', value: 1, partition: 0, ts: 7000, arrivalMs: 7500 });
    expect((removeEvent(lateRecordScenario(), 0).events as object[])).toHaveLength(5);
  });

  it('turns a generator into the very events it generates', () => {
    const generated = { ...lateRecordScenario(), events: undefined, generator: { count: 50, ratePerSec: 10, keys: { count: 3 }, disorder: { type: 'uniform', maxDelayMs: 500 } } };
    const result = materialise(generated);
    if (!result.ok) throw new Error(result.error);
    const events = result.scenario.events as { arrivalMs: number }[];
    expect(result.scenario.generator).toBeUndefined();
    expect(events).toHaveLength(50);
    expect(events.every((e, i, all) => i === 0 || all[i - 1].arrivalMs <= e.arrivalMs)).toBe(true);
  });

  it('B runs A’s records under its own configuration', () => {
    const state = { scenario: lateRecordScenario(), compare: { profile: 'beam', pipeline: { window: { type: 'tumbling', size: 5000 } } }, atMs: 0 };
    expect(scenarioFor(state, 'b')).toMatchObject({ profile: 'beam', events: lateRecordScenario().events, pipeline: { window: { size: 5000 } } });
  });
});
