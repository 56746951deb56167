// Turns validation problems into the one-line messages the CLI prints (vectors.md: name the place and the value).
import type * as v from 'valibot';

/** A bad input, with the path of the field (`steps[3].record.ts`) already in the message. */
export class InputError extends Error {
  constructor(readonly kind: 'invalid' | 'unsupported', message: string) {
    super(message);
  }
}

export const invalid = (path: string, message: string): InputError => new InputError('invalid', `${path}: ${message}`);
export const unsupported = (what: string): InputError => new InputError('unsupported', `unsupported: ${what}`);

/** JSON of a value, shortened so the message stays one line. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

export function joinPath(base: string, keys: readonly (string | number)[]): string {
  return keys.reduce<string>((path, key) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key), base);
}

const phrases: Record<string, string> = {
  number: 'a number', string: 'a string', boolean: 'a boolean', object: 'an object', array: 'an array',
  strict_object: 'an object', integer: 'an integer', safe_integer: 'a safe integer',
};

/** Message for the first issue: ours say "expected …" already; valibot's own get rephrased. */
export function describeIssue(base: string, issue: v.BaseIssue<unknown>): string {
  const deepest = issue.issues?.[0] && issue.type !== 'union' ? issue.issues[0] : issue;
  const keys = (deepest.path ?? []).map((item) => item.key as string | number);
  const path = joinPath(base, keys) || '(top level)';
  if (deepest.type === 'strict_object' && deepest.expected === 'never') return `${path}: unknown field`;
  if (deepest.message.startsWith('expected ')) return `${path}: ${deepest.message}`;
  const expected = phrases[deepest.type] ?? phrases[deepest.expected ?? ''] ?? deepest.expected ?? deepest.type;
  return `${path}: expected ${expected}, got ${show(deepest.input)}`;
}
