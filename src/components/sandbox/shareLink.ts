// The sandbox in a link: the whole state as base64url JSON in the hash's query (`#/sandbox?s=…`). A link is
// untrusted input: its size is capped before decoding, it is only ever JSON-parsed (never evaluated), checked
// field by field here and by the simulator's own parser, and shown as text. A bad link explains itself.
import { parseScenario } from '../../sim/index.ts';
import type { RawScenario } from '../sim/controls.ts';
import type { SandboxState } from './sandboxState.ts';

/** Longest `s` parameter accepted; bigger sandboxes are shared as an exported file. */
export const MAX_LINK_CHARS = 30_000;
const LINK_VERSION = 1;

export function encodeState(state: SandboxState): string {
  const json = JSON.stringify({ v: LINK_VERSION, a: state.scenario, ...(state.compare ? { b: state.compare } : {}), t: Math.round(state.atMs) });
  const bytes = new TextEncoder().encode(json);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `s=${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

export type Decoded = { ok: true; state: SandboxState } | { ok: false; error: string } | { ok: 'empty' };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function decodeState(query: string): Decoded {
  const encoded = new URLSearchParams(query).get('s');
  if (encoded === null || encoded === '') return { ok: 'empty' };
  if (encoded.length > MAX_LINK_CHARS) return { ok: false, error: `the link holds ${encoded.length.toLocaleString('en')} characters; at most ${MAX_LINK_CHARS.toLocaleString('en')} are accepted` };
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return { ok: false, error: 'the link’s data is not base64url text' };
  let value: unknown;
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch {
    return { ok: false, error: 'the link’s data is not valid JSON' };
  }
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
