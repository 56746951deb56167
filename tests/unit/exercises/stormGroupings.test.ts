// "groupings-for-per-key-counts": which grouping of a counting bolt keeps per-key counts whole, counts each tuple once
// and spreads the work, decided by running the topology once per grouping.
import { describe, expect, it } from 'vitest';
import { gradingRun, solve } from '../../../src/exercises/grade.ts';
import { selectOptions } from '../../../src/exercises/graders/select.ts';
import { loadExerciseFrom } from '../../../src/exercises/load.ts';
import type { SelectExercise } from '../../../src/exercises/types.ts';

/** u1 and u2 hash to tasks 3 and 0 of 4 (31 + String.hashCode, mod 4: 3707 → 3, 3708 → 0). */
async function countingBolt(keys: string[], parallelism = 4): Promise<SelectExercise> {
  const markdown = '---\nkind: select\nmisconceptions: []\nseeded: false\nscenario: s\nquestion: groupings-for-per-key-counts\n---\n\n## Prompt\n\nQ?\n\n## Hint\n\nOne.\n\n## Hint\n\nTwo.\n\n## Explanation\n\nBecause.\n';
  const scenario = JSON.stringify({
    format: 'eventide.scenario/1', profile: 'storm',
    pipeline: {
      window: { type: 'tumbling', size: 10_000 }, aggregate: 'count', watermark: { type: 'bounded', delay: 0 },
      runtime: { bolts: [{ name: 'count', parallelism, grouping: 'fields' }] },
    },
    events: keys.map((key, i) => ({ key, ts: i, arrivalMs: i })), steps: [{ advance: 100 }],
  });
  const parsed = await loadExerciseFrom({ file: 'x/exercises/q.md', lessonId: 'x', exerciseId: 'q', markdown, scenario: () => scenario });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.exercise as SelectExercise;
}

describe('which grouping counts per key correctly across a bolt\'s tasks', () => {
  it('is fieldsGrouping alone when two users hash to two different tasks', async () => {
    expect(solve(await countingBolt(['u1', 'u2', 'u1', 'u1', 'u2']), 1)).toEqual(['fields']);
  });

  it('explains every other grouping by what the run shows: split counts, copies, or one busy task', async () => {
    const exercise = await countingBolt(['u1', 'u2', 'u1', 'u1', 'u2']);
    const why = Object.fromEntries(selectOptions(exercise, gradingRun(exercise, 1)).map((o) => [o.id, o.why]));
    expect(why.all).toBe('allGrouping sends a copy of every tuple to each of the 4 tasks: the counts are whole, but every tuple is counted 4 times');
    expect(why.global).toBe('globalGrouping sends every tuple to one task: the counts are whole, but 1 of the 4 tasks does all the work');
    expect(why.fields).toBe('fieldsGrouping on the key sends all of a key\'s tuples to the same task: every count is whole, each tuple is counted once, and 2 of the 4 tasks share the work');
    expect(why.shuffle).toMatch(/^shuffleGrouping spreads one key's tuples over several tasks, so no task holds a whole count: the store ends with u\d = \d, not \d$/);
  });

  it('finds no grouping that spreads one user\'s clicks: with a single key, fields uses one task', async () => {
    expect(solve(await countingBolt(['u1', 'u1', 'u1']), 1)).toEqual([]);
  });
});
