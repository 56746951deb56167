import type { ParseResult } from '../types.ts';

/** Turns a vector or scenario (JSON text or a parsed value) into a canonical Scenario, or one-line error. */
export function parseScenario(input: unknown): ParseResult {
  void input;
  return { ok: false, kind: 'unsupported', error: 'unsupported: the scenario parser is being built' };
}
