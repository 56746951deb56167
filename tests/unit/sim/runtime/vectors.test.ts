// Runtime vectors (tests/vectors/runtime-*.json) through the command line: besides `emitted` and `late`, which the
// project's vector runner checks, their `sink` views, `checkpoints` and `restarts` must match (vectors.md).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareRun, limit, readVectors, runSimCli } from '../../../tools/vectorCheck.ts';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const vectors = readVectors(join(ROOT, 'tests/vectors')).filter(({ file }) => file.startsWith('runtime-'));
const twoAtATime = limit(2);

interface RuntimeExpect {
  sink?: Record<'committed' | 'all' | 'table', unknown[] | undefined>;
  checkpoints?: unknown[];
  restarts?: number;
  exit?: number;
}

const multiset = (rows: unknown[] | undefined) => (rows ?? []).map((r) => JSON.stringify(r)).sort();

describe('runtime vectors', () => {
  it('number at least ten, each citing the rules it checks', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(10);
    for (const { file, vector } of vectors) expect(vector.source, file).toMatch(/R7\.\d+|restart-strategy/);
  });

  describe.concurrent('through the command line', () => {
    for (const { file, vector } of vectors) {
      it(`${vector.name} [${file}]`, async () => {
        const cli = await twoAtATime(() => runSimCli(ROOT, [join('tests/vectors', file)]));
        expect(compareRun(vector.expect, cli)).toEqual([]);
        const expected = vector.expect as RuntimeExpect;
        if ((expected.exit ?? 0) !== 0) return;
        const result = JSON.parse(cli.stdout);
        for (const view of ['committed', 'all', 'table'] as const) {
          if (expected.sink?.[view]) expect(multiset(result.sink[view]), view).toEqual(multiset(expected.sink[view]));
        }
        if (expected.checkpoints) expect(result.checkpoints).toEqual(expected.checkpoints);
        if (expected.restarts !== undefined) expect(result.restarts).toBe(expected.restarts);
      }, 60_000);
    }
  });
});
