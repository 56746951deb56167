// The sandbox in a link: the whole state as JSON, deflate-compressed and base64url-encoded in the hash's query
// (`#/sandbox?z=…`); links made before compression (`?s=…`, plain base64url JSON) still open. A link is untrusted
// input: its size is capped before decoding and its inflated text is capped while inflating (so a small link
// cannot expand without bound), it is only ever JSON-parsed (never evaluated), checked field by field here and by
// the simulator's own parser, and shown as text. A bad or truncated link explains itself.
import { parseScenario } from '../../sim/index.ts';
import type { RawScenario } from '../sim/controls.ts';
import type { SandboxState } from './sandboxState.ts';

/** Longest link data accepted, in characters; bigger sandboxes are shared as an exported file. */
export const MAX_LINK_CHARS = 200_000;
/** Longest state text a link may inflate to, in bytes. */
export const MAX_STATE_BYTES = 4_000_000;
const LINK_VERSION = 1;

export type Decoded = { ok: true; state: SandboxState } | { ok: false; error: string } | { ok: 'empty' };

export async function encodeState(state: SandboxState): Promise<string> {
  const json = JSON.stringify({ v: LINK_VERSION, a: state.scenario, ...(state.compare ? { b: state.compare } : {}), t: Math.round(state.atMs) });
  const compressed = await transform(new TextEncoder().encode(json), new CompressionStream('deflate-raw'), Infinity);
  return `z=${toBase64url(compressed as Uint8Array)}`;
}

/** The link query for a state, or why it cannot be one: a link longer than any link is accepted would not open. */
export async function shareableQuery(state: SandboxState): Promise<{ ok: true; query: string } | { ok: false; error: string }> {
  const query = await encodeState(state);
  const chars = query.length - 'z='.length;
  return chars <= MAX_LINK_CHARS ? { ok: true, query }
    : { ok: false, error: `This sandbox needs ${chars.toLocaleString('en')} characters; a link holds at most ${MAX_LINK_CHARS.toLocaleString('en')}. Export it as JSON to share it.` };
}

export async function decodeState(query: string): Promise<Decoded> {
  const params = new URLSearchParams(query);
  const compressed = params.get('z');
  const plain = params.get('s');
  const encoded = compressed ?? plain;
  if (encoded === null || encoded === '') return { ok: 'empty' };
  if (encoded.length > MAX_LINK_CHARS) return { ok: false, error: `the link holds ${encoded.length.toLocaleString('en')} characters; at most ${MAX_LINK_CHARS.toLocaleString('en')} are accepted` };
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return { ok: false, error: 'the link’s data is not base64url text' };
  let bytes = fromBase64url(encoded);
  if (!bytes) return { ok: false, error: 'the link’s data is not base64url text' };
  if (compressed !== null) {
    const inflated = await transform(bytes, new DecompressionStream('deflate-raw'), MAX_STATE_BYTES);
    if (typeof inflated === 'string') return { ok: false, error: inflated };
    bytes = inflated;
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, error: 'the link’s data is not valid JSON' };
  }
  return checkState(value);
}

/** A link's JSON, checked field by field and by the simulator's parser, before anything uses it. */
function checkState(value: unknown): Decoded {
  if (!isObject(value) || value.v !== LINK_VERSION) return { ok: false, error: `expected a sandbox link of version ${LINK_VERSION}` };
  const extra = Object.keys(value).find((key) => !['v', 'a', 'b', 't'].includes(key));
  if (extra !== undefined) return { ok: false, error: `unknown field ${JSON.stringify(extra).slice(0, 40)}` };
  if (!isObject(value.a)) return { ok: false, error: 'the link has no scenario' };
  const a = parseScenario(value.a);
  if (!a.ok) return { ok: false, error: `scenario: ${a.error}` };
  let compare: SandboxState['compare'];
  if (value.b !== undefined) {
    if (!isObject(value.b) || Object.keys(value.b).some((key) => key !== 'profile' && key !== 'pipeline')) return { ok: false, error: 'comparison: expected { profile, pipeline }' };
    const b = parseScenario({ ...value.a, profile: value.b.profile, pipeline: value.b.pipeline });
    if (!b.ok) return { ok: false, error: `comparison: ${b.error}` };
    compare = { profile: value.b.profile, pipeline: value.b.pipeline };
  }
  const atMs = value.t ?? 0;
  if (typeof atMs !== 'number' || !Number.isFinite(atMs)) return { ok: false, error: `t: expected a time in ms, got ${JSON.stringify(atMs).slice(0, 40)}` };
  return { ok: true, state: { scenario: value.a as RawScenario, compare, atMs } };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Bytes through a (de)compression stream, stopping as soon as the output passes `maxBytes`: the bytes or why not. */
async function transform(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | string> {
  const input = new ReadableStream<Uint8Array<ArrayBuffer>>({ start(controller) { controller.enqueue(bytes); controller.close(); } });
  const reader = input.pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      total += next.value.length;
      if (total > maxBytes) {
        await reader.cancel();
        return `the link’s data inflates to more than ${maxBytes.toLocaleString('en')} bytes`;
      }
      chunks.push(next.value);
    }
  } catch {
    return 'the link’s data is cut short or not compressed sandbox data';
  }
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) { joined.set(chunk, offset); offset += chunk.length; }
  return joined;
}

function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}
