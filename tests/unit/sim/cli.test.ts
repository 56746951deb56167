import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const sim = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/sim/cli.ts'), ...args], { cwd: root, encoding: 'utf8', input });
const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

describe('sim CLI', () => {
  it('prints the result of the public Flink example, byte-identical across runs', () => {
    const first = sim(['run', fixture('flink-tumbling-late.json')]);
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout).late).toEqual([{ step: 5, key: 'k', ts: 9, value: 1 }]);
    expect(sim(['run', fixture('flink-tumbling-late.json')]).stdout).toBe(first.stdout);
  });

  it('exits 2 with one line naming the field for a bad vector, and prints nothing on stdout', () => {
    const bad = sim(['run', fixture('invalid-negative-size.json')]);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('pipeline.window.size: expected an integer > 0, got -10\n');
  });

  it('reads the vector from stdin and exits 3 for unsupported features', () => {
    const result = sim(['run', '-'], JSON.stringify({ profile: 'spark', pipeline: { window: { type: 'global' } }, steps: [] }));
    expect(result.status).toBe(3);
    expect(result.stderr).toBe('unsupported: global windows under spark\n');
  });

  it('writes the trace as JSON Lines with --trace', () => {
    const result = sim(['run', fixture('kafka-streams-suppress.json'), '--trace']);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.filter((l) => l.kind === 'record')).toHaveLength(6);
    expect(lines.find((l) => l.kind === 'drop')).toMatchObject({ rule: 'R4.16', ts: 8 });
  });
});
