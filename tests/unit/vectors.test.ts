// The project's own vector runner: every file in tests/vectors goes through the simulator's command line,
// exactly as a user runs it, and its result is compared with the vector's `expect`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareEntries, compareRun, limit, readVectors, runSimCli, type Entry } from '../tools/vectorCheck.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VECTOR_DIR = join(ROOT, 'tests/vectors');
const PROFILES = ['flink', 'beam', 'kafka-streams', 'spark', 'storm'];
const vectors = readVectors(VECTOR_DIR);
// Two command lines at a time: the machine is shared, and more would not finish sooner on two cores.
const twoAtATime = limit(2);
const runVector = (file: string) => twoAtATime(() => runSimCli(ROOT, [join('tests/vectors', file)]));

describe('the vector files', () => {
  it('hold at least 50 vectors covering all five profiles', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(50);
    const profiles = new Set(vectors.map(({ vector }) => vector.profile));
    for (const profile of PROFILES) expect(profiles, profile).toContain(profile);
  });

  it('each say what they show and where the expected output comes from, under a unique name', () => {
    for (const { file, vector } of vectors) {
      // core-*: the richer scenario format, for options vectors.md does not have (alignment, caching, timestamp combiners).
      expect(vector.format, file).toBe(file.startsWith('core-') ? 'eventide.scenario/1' : 'eventide.vector/1');
      expect(vector.name.trim(), file).not.toBe('');
      expect(vector.source.trim(), file).not.toBe('');
      expect(file.startsWith(`${vector.profile}-`) || /^(invalid|join|cep|runtime|core)-/.test(file), file).toBe(true);
    }
    expect(new Set(vectors.map(({ vector }) => vector.name)).size).toBe(vectors.length);
  });

  it('point every expected entry at a step that exists, and every late entry at a record of that step', () => {
    for (const { file, vector } of vectors) {
      const { emitted = [], late = [] } = vector.expect;
      for (const entry of [...emitted, ...late]) {
        expect(vector.steps[entry.step ?? -1], `${file}: ${JSON.stringify(entry)}`).toBeDefined();
      }
      for (const entry of late) {
        const step = vector.steps[entry.step ?? -1] as { record?: Entry; batch?: Entry[] };
        const records = step.batch ?? (step.record ? [step.record] : []);
        const sameRecord = records.some((r) => r.ts === entry.ts && (entry.key === undefined || r.key === entry.key));
        expect(sameRecord, `${file}: ${JSON.stringify(entry)}`).toBe(true);
      }
    }
  });

  it('give Flink and Beam results the timestamp end - 1', () => {
    const byEndOfWindow = ({ vector }: (typeof vectors)[number]) => ['flink', 'beam'].includes(vector.profile) && !vector.pipeline.timestampCombiner;
    for (const { file, vector } of vectors.filter(byEndOfWindow)) {
      for (const entry of vector.expect.emitted ?? []) {
        if (entry.ts !== undefined && entry.end !== undefined) expect(entry.ts, file).toBe(Number(entry.end) - 1);
      }
    }
  });
});

describe('comparing a result with expect', () => {
  const run = (result: unknown) => ({ status: 0, stdout: JSON.stringify(result), stderr: '' });

  it('compares an expected entry only on the fields it names', () => {
    const actual = [{ step: 4, key: 'k', start: 0, end: 10, value: 3, ts: 9, timing: 'ON_TIME' }];
    expect(compareEntries('emitted', [{ step: 4, value: 3 }], actual)).toEqual([]);
    expect(compareEntries('emitted', [{ step: 4, value: 2 }], actual)).toHaveLength(2);
  });

  it('fails a step with an extra entry, a missing entry, or an entry at another step', () => {
    const expected = [{ step: 1, value: 1 }];
    expect(compareEntries('late', expected, [{ step: 1, value: 1 }, { step: 1, value: 1 }])).toHaveLength(1);
    expect(compareEntries('late', expected, [])).toHaveLength(1);
    expect(compareEntries('late', expected, [{ step: 2, value: 1 }])).toHaveLength(2);
  });

  it('treats entries of one step as a multiset, in any order', () => {
    const expected = [{ step: 0, value: 2 }, { step: 0, value: 1 }, { step: 0, value: 2 }];
    expect(compareEntries('emitted', expected, [{ step: 0, value: 2 }, { step: 0, value: 2 }, { step: 0, value: 1 }])).toEqual([]);
    expect(compareEntries('emitted', expected, [{ step: 0, value: 2 }, { step: 0, value: 1 }, { step: 0, value: 1 }])).toHaveLength(2);
  });

  it('requires both lists in a result but compares late only when the vector expects it', () => {
    expect(compareRun({ emitted: [] }, run({ emitted: [], late: [{ step: 0 }] }))).toEqual([]);
    expect(compareRun({ emitted: [] }, run({ emitted: [] }))).toEqual(['late: missing from the result']);
  });

  it('accepts an expected failure only with the exit status and a one-line message without a stack trace', () => {
    const failed = (status: number, stderr: string) => ({ status, stdout: '', stderr });
    expect(compareRun({ exit: 2 }, failed(2, 'steps[3].record.ts: expected an integer, got "x"\n'))).toEqual([]);
    expect(compareRun({ exit: 2 }, failed(1, 'steps[3].record.ts: expected an integer'))).toHaveLength(1);
    expect(compareRun({ exit: 2 }, failed(2, ''))).toHaveLength(1);
    expect(compareRun({ exit: 2 }, failed(2, 'TypeError: x\n    at parse (cli.ts:1:1)'))).toHaveLength(1);
    expect(compareRun({ exit: 3 }, failed(3, 'unsupported: session windows in update mode'))).toEqual([]);
    expect(compareRun({ exit: 3 }, failed(3, 'session windows in update mode'))).toHaveLength(1);
  });
});

describe.concurrent('simulator vectors through the command line', () => {
  for (const { file, vector } of vectors) {
    it(`${vector.name} [${file}]`, async () => {
      expect(compareRun(vector.expect, await runVector(file))).toEqual([]);
    }, 120_000);
  }
});

describe.concurrent('the command line contract', () => {
  const sample = ['flink-idleness.json', 'kafka-streams-session-bridge.json', 'spark-r97-append.json'];

  for (const file of sample) {
    it(`prints byte-identical output when ${file} runs twice`, async () => {
      const [first, second] = await Promise.all([runVector(file), runVector(file)]);
      expect(first.status).toBe(0);
      expect(first.stdout.length).toBeGreaterThan(0);
      expect(second.stdout).toBe(first.stdout);
    }, 120_000);
  }

  it('reads a vector from stdin with "run -" and prints what the file gives', async () => {
    const file = 'beam-lateness-discarding.json';
    const text = readFileSync(join(VECTOR_DIR, file), 'utf8');
    const [fromStdin, fromFile] = await Promise.all([twoAtATime(() => runSimCli(ROOT, ['-'], text)), runVector(file)]);
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  }, 120_000);

  it('rejects input that is not JSON with exit 2 and a one-line message', async () => {
    const result = await twoAtATime(() => runSimCli(ROOT, ['-'], '{"format": "eventide.vector/1", "steps": ['));
    expect(compareRun({ exit: 2 }, result)).toEqual([]);
  }, 120_000);
});
