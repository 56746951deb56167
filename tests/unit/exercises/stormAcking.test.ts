// Storm acking questions: how many spout tuples a run replays, and the largest max.spout.pending that replays none.
// Small topologies worked by hand: one bolt task, 10 ms per tuple, a 25 ms message timeout.
import { describe, expect, it } from 'vitest';
import { grade, solve } from '../../../src/exercises/grade.ts';
import { loadExerciseFrom } from '../../../src/exercises/load.ts';
import type { NumExercise } from '../../../src/exercises/types.ts';

async function stormExercise(question: string, arrivalsMs: number[], runtime: Record<string, unknown> = {}): Promise<NumExercise> {
  const markdown = `---\nkind: num\nmisconceptions: []\nseeded: false\nscenario: s\nquestion: ${question}\nunit: tuples\n---\n\n## Prompt\n\nQ?\n\n## Hint\n\nOne.\n\n## Hint\n\nTwo.\n\n## Explanation\n\nBecause.\n`;
  const scenario = JSON.stringify({
    format: 'eventide.scenario/1', profile: 'storm',
    pipeline: {
      window: { type: 'tumbling', size: 10_000 }, aggregate: 'count', watermark: { type: 'bounded', delay: 0 },
      runtime: { ackers: 1, messageTimeoutMs: 25, bolts: [{ name: 'count', serviceMs: 10 }], ...runtime },
    },
    events: arrivalsMs.map((t, i) => ({ key: `k${i}`, ts: t, arrivalMs: t })), steps: [{ advance: 1000 }],
  });
  const parsed = await loadExerciseFrom({ file: 'x/exercises/q.md', lessonId: 'x', exerciseId: 'q', markdown, scenario: () => scenario });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.exercise as NumExercise;
}

describe('tuples the spout replays', () => {
  it('replays the third of three tuples emitted at once: it is done 30 ms after its emission, past the 25 ms timeout', async () => {
    const exercise = await stormExercise('replayed-tuples', [0, 0, 0]);
    expect(solve(exercise, 1)).toBe(1);
    expect(grade(exercise, 1, 0).correct).toBe(false);
  });

  it('replays nothing when every tuple is done within the timeout', async () => {
    expect(solve(await stormExercise('replayed-tuples', [0, 0]), 1)).toBe(0);
  });

  it('refuses a scenario without a storm topology, naming what it needs', async () => {
    const markdown = '---\nkind: num\nmisconceptions: []\nseeded: false\nscenario: s\nquestion: replayed-tuples\n---\n\n## Prompt\n\nQ?\n\n## Hint\n\nOne.\n\n## Hint\n\nTwo.\n\n## Explanation\n\nBecause.\n';
    const scenario = JSON.stringify({ format: 'eventide.scenario/1', profile: 'flink', pipeline: { window: { type: 'tumbling', size: 10_000 } }, events: [{ ts: 1, arrivalMs: 1 }], steps: [] });
    const parsed = await loadExerciseFrom({ file: 'x/exercises/q.md', lessonId: 'x', exerciseId: 'q', markdown, scenario: () => scenario });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(() => solve(parsed.exercise, 1)).toThrow('this question needs a storm scenario with pipeline.runtime');
  });
});

describe('the largest max.spout.pending without replays', () => {
  it('is 2 for three tuples at once: with 2 in flight the third waits for an ack and is done 20 ms after its emission', async () => {
    const exercise = await stormExercise('spout-pending-without-replays', [0, 0, 0]);
    expect(solve(exercise, 1)).toBe(2);
    expect(grade(exercise, 1, 3).correct).toBe(false);
  });

  it('is the number of tuples when even all of them in flight replay nothing', async () => {
    expect(solve(await stormExercise('spout-pending-without-replays', [0, 0]), 1)).toBe(2);
  });
});
