import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addEvent, materialise, moveEvent, removeEvent, scenarioFor } from '../../../../src/components/sandbox/sandboxState.ts';
import { decodeState, encodeState, MAX_LINK_CHARS, MAX_STATE_BYTES, shareableQuery } from '../../../../src/components/sandbox/shareLink.ts';
import { lateRecordScenario } from '../scenarios.ts';

const toBase64url = (bytes: Uint8Array) => btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join('')).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const base64url = (text: string) => toBase64url(new TextEncoder().encode(text));

async function deflated(text: string): Promise<Uint8Array> {
  const reader = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(text)); c.close(); } }).pipeThrough(new CompressionStream('deflate-raw')).getReader();
  const chunks: number[] = [];
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(...next.value);
  return Uint8Array.from(chunks);
}
const plainLink = (value: unknown) => `s=${base64url(JSON.stringify(value))}`;

describe('share links', () => {
  it('restore exactly the state they were made from, comparison and time included', async () => {
    const state = { scenario: lateRecordScenario(), compare: { profile: 'beam', pipeline: lateRecordScenario().pipeline }, atMs: 12_345 };
    expect(await decodeState(await encodeState(state))).toEqual({ ok: true, state });
  });

  it('survive any record key text, including markup and non-Latin letters', async () => {
    await fc.assert(fc.asyncProperty(fc.string(), fc.integer({ min: 0, max: 1e9 }), async (key, atMs) => {
      const scenario = { ...lateRecordScenario(), events: [{ key, ts: 1000, arrivalMs: 1000 }] };
      const decoded = await decodeState(await encodeState({ scenario, atMs }));
      expect(decoded).toEqual({ ok: true, state: { scenario, compare: undefined, atMs } });
    }), { numRuns: 100 });
  });

  it('carry a 5,000-record sandbox, which the old uncompressed format could not', async () => {
    const events = Array.from({ length: 5000 }, (_, i) => ({ key: `sensor-${i % 7}`, value: i % 13, ts: i * 100 + (i % 5) * 37, arrivalMs: i * 100 + 250 }));
    const scenario = { ...lateRecordScenario(), events };
    const query = await encodeState({ scenario, atMs: 0 });
    expect(query.length).toBeLessThan(MAX_LINK_CHARS);
    expect(plainLink({ v: 1, a: scenario }).length).toBeGreaterThan(MAX_LINK_CHARS);
    expect(await decodeState(query)).toEqual({ ok: true, state: { scenario, compare: undefined, atMs: 0 } });
  });

  it('are not offered for a sandbox too big to open from a link; the learner is told to export it', async () => {
    // Values that do not repeat, so compression cannot shrink the records enough.
    let seed = 7;
    const noise = () => (seed = (seed * 48271) % 2147483647);
    const events = Array.from({ length: 30_000 }, (_, i) => ({ key: `k${noise() % 9973}`, value: noise(), ts: noise() % 1e9, arrivalMs: i * 10 }));
    const made = await shareableQuery({ scenario: { ...lateRecordScenario(), events }, atMs: 0 });
    expect(made).toEqual({ ok: false, error: expect.stringMatching(/^This sandbox needs [\d,]+ characters; a link holds at most 200,000\. Export it as JSON to share it\.$/) });
    expect(await shareableQuery({ scenario: lateRecordScenario(), atMs: 0 })).toEqual({ ok: true, query: await encodeState({ scenario: lateRecordScenario(), atMs: 0 }) });
  });

  it('still open links made before compression', async () => {
    expect(await decodeState(plainLink({ v: 1, a: lateRecordScenario(), t: 900 }))).toEqual({ ok: true, state: { scenario: lateRecordScenario(), compare: undefined, atMs: 900 } });
  });

  it('an empty query opens the default sandbox without complaint', async () => {
    expect(await decodeState('')).toEqual({ ok: 'empty' });
  });

  it('refuse an oversized link before decoding it', async () => {
    expect(await decodeState(`z=${'A'.repeat(MAX_LINK_CHARS + 1)}`)).toEqual({ ok: false, error: expect.stringMatching(/at most 200,000 are accepted/) });
  });

  it('refuse a small link that would inflate beyond the cap, without inflating all of it', async () => {
    const bomb = toBase64url(await deflated(' '.repeat(MAX_STATE_BYTES * 4)));
    expect(bomb.length).toBeLessThan(50_000);
    expect(await decodeState(`z=${bomb}`)).toEqual({ ok: false, error: 'the link’s data inflates to more than 4,000,000 bytes' });
  });

  it('say a truncated link is cut short', async () => {
    const query = await encodeState({ scenario: lateRecordScenario(), atMs: 0 });
    expect(await decodeState(query.slice(0, Math.floor(query.length * 0.6)))).toEqual({ ok: false, error: 'the link’s data is cut short or not compressed sandbox data' });
  });

  it('refuse data that is not base64url JSON', async () => {
    expect(await decodeState('z=<script>alert(1)</script>')).toEqual({ ok: false, error: 'the link’s data is not base64url text' });
    expect(await decodeState(`s=${base64url('alert(1)')}`)).toEqual({ ok: false, error: 'the link’s data is not valid JSON' });
    expect(await decodeState(`z=${toBase64url(await deflated('alert(1)'))}`)).toEqual({ ok: false, error: 'the link’s data is not valid JSON' });
  });

  it('refuse unknown fields and scenarios the simulator rejects, naming the field', async () => {
    expect(await decodeState(plainLink({ v: 1, a: lateRecordScenario(), onload: 'x' }))).toEqual({ ok: false, error: 'unknown field "onload"' });
    const bad = { ...lateRecordScenario(), pipeline: { ...lateRecordScenario().pipeline, window: { type: 'tumbling', size: 0 } } };
    const decoded = await decodeState(`z=${toBase64url(await deflated(JSON.stringify({ v: 1, a: bad })))}`);
    expect(decoded.ok).toBe(false);
    expect((decoded as { error: string }).error).toMatch(/^scenario: pipeline\.window\.size/);
  });

  it('refuse a comparison that carries anything but a configuration', async () => {
    const link = plainLink({ v: 1, a: lateRecordScenario(), b: { profile: 'flink', pipeline: lateRecordScenario().pipeline, events: [] } });
    expect(await decodeState(link)).toEqual({ ok: false, error: 'comparison: expected { profile, pipeline }' });
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
