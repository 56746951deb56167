import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FIXTURE_LESSONS } from './helpers.ts';

function exercise(...args: string[]) {
  const result = spawnSync('npx', ['tsx', 'src/exercises/cli.ts', ...args, '--lessons', FIXTURE_LESSONS], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('exercise command line', () => {
  it('lists every exercise id, solves one and grades an answer as JSON', () => {
    const list = JSON.parse(exercise('list').stdout) as string[];
    expect(list).toContain('late-drill/which-dropped');
    expect(JSON.parse(exercise('solve', 'late-drill/which-dropped', '--seed', '1').stdout)).toEqual(['e6']);
    expect(JSON.parse(exercise('grade', 'late-drill/which-dropped', '--seed', '1', '--answer', '[]').stdout))
      .toEqual({ correct: false, feedback: '1 more choice belongs in the answer. That is the answer if late records counted anyway.', misconception: 'M3' });
  }, 30_000);

  it('prints the settings a card shows for a seed, as the course exercise reads them from its variant', () => {
    const result = spawnSync('npx', ['tsx', 'src/exercises/cli.ts', 'settings', 'spark-microbatch/overrun-start', '--seed', '1'], { encoding: 'utf8' });
    expect(JSON.parse(result.stdout)).toEqual({ trigger: '2 s', 'batch-duration': '3 s per batch' });
    // A fixture exercise that names no settings shows none.
    expect(JSON.parse(exercise('settings', 'late-drill/which-dropped', '--seed', '3').stdout)).toEqual({});
  }, 30_000);

  it('bad ids, seeds and answers exit 2 with one clear line and nothing on stdout', () => {
    const cases = [
      [['solve', 'late-drill/nope', '--seed', '1'], 'exercise: unknown exercise "late-drill/nope" (ids look like <lesson-id>/<exercise-id>; see "exercise list")'],
      [['solve', 'late-drill/which-dropped', '--seed', 'x'], 'exercise: --seed must be an integer from 1 to 2147483647, got "x"'],
      [['grade', 'late-drill/which-dropped', '--seed', '1', '--answer', '[e6'], 'exercise: --answer is not valid JSON: [e6'],
      [['grade', 'late-drill/which-dropped', '--seed', '1', '--answer', '{"e6": true}'], 'exercise: answer for late-drill/which-dropped: expected a JSON array of choice ids, e.g. ["e6"], got {"e6":true}'],
    ] as const;
    for (const [args, message] of cases) {
      const result = exercise(...args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n').filter((line) => !line.startsWith('npm warn'))).toEqual([message]);
    }
  }, 60_000);
});
