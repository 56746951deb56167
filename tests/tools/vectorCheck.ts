// Runs the simulator's command line on test vectors and compares the result with a vector's `expect`,
// by the rules of the vector contract ("How a result is compared with expect"): per step, the multiset of
// entries must match, and an expected entry is compared only on the fields it names.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

export type Entry = Record<string, unknown> & { step?: number };

export interface Vector {
  format: string;
  name: string;
  source: string;
  profile: string;
  pipeline: Record<string, unknown>;
  steps: Array<Record<string, unknown>>;
  expect: { emitted?: Entry[]; late?: Entry[]; exit?: number };
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export const readVectors = (dir: string): Array<{ file: string; vector: Vector }> =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, vector: JSON.parse(readFileSync(join(dir, file), 'utf8')) as Vector }));

// tsx's CLI run by the current node, not through npm: the same command a user runs, without npm's start-up cost.
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

/** `sim run <args>` from the project root; `input` goes to stdin (for `run -`). */
export function runSimCli(root: string, args: string[], input?: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsxCli, 'src/sim/cli.ts', 'run', ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Lets at most `n` of the returned function's tasks run at once (the machine is shared). */
export function limit(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running >= n) await new Promise<void>((wake) => waiting.push(wake));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

const matches = (expected: Entry, actual: Entry) =>
  Object.keys(expected).every((field) => isDeepStrictEqual(expected[field], actual[field]));

/** Problems found comparing one list (`emitted` or `late`) step by step; empty when they agree. */
export function compareEntries(list: string, expected: Entry[], actual: unknown): string[] {
  if (!Array.isArray(actual)) return [`${list}: missing from the result`];
  const steps = new Set([...expected, ...(actual as Entry[])].map((entry) => entry.step));
  const problems: string[] = [];
  for (const step of [...steps].sort((a, b) => Number(a) - Number(b))) {
    const unmatched = (actual as Entry[]).filter((entry) => entry.step === step);
    for (const wanted of expected.filter((entry) => entry.step === step)) {
      const at = unmatched.findIndex((entry) => matches(wanted, entry));
      if (at < 0) problems.push(`${list} step ${step}: expected ${JSON.stringify(wanted)}`);
      else unmatched.splice(at, 1);
    }
    for (const extra of unmatched) problems.push(`${list} step ${step}: unexpected ${JSON.stringify(extra)}`);
  }
  return problems;
}

/** Problems found comparing a command-line run with a vector's `expect`; empty when the vector passes. */
export function compareRun(expect: Vector['expect'], run: CliRun): string[] {
  const wantExit = expect.exit ?? 0;
  const message = run.stderr.trim();
  if (run.status !== wantExit) return [`exit ${run.status}, expected ${wantExit}: ${message.split('\n').slice(0, 3).join(' | ')}`];
  if (wantExit !== 0) {
    if (message === '') return ['no message on stderr'];
    if (/^\s+at /m.test(run.stderr)) return ['stderr shows a stack trace instead of a message'];
    if (message.includes('\n')) return [`stderr has more than one line: ${JSON.stringify(message)}`];
    if (wantExit === 3 && !message.startsWith('unsupported: ')) return [`exit 3 message must start with "unsupported: ", got ${message}`];
    return [];
  }
  let result: { emitted?: unknown; late?: unknown };
  try {
    result = JSON.parse(run.stdout);
  } catch (error) {
    return [`stdout is not JSON: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  for (const list of ['emitted', 'late'] as const) {
    if (!Array.isArray(result[list])) problems.push(`${list}: missing from the result`);
    else if (expect[list]) problems.push(...compareEntries(list, expect[list], result[list]));
  }
  return problems;
}
