import { describe, expect, it } from 'vitest';
import { loadExerciseFrom } from '../../../src/exercises/load.ts';

const SCENARIO = JSON.stringify({
  format: 'eventide.scenario/1', profile: 'flink',
  pipeline: { window: { type: 'tumbling', size: 10000 }, watermark: { type: 'bounded', delay: 0, emit: 'per-record' } },
  events: [{ ts: 1000, arrivalMs: 1000 }], steps: [],
});

function exerciseFile(frontMatter: string): string {
  return `---\n${frontMatter}\n---\n\n## Prompt\n\nQ?\n\n## Hint\n\nOne.\n\n## Hint\n\nTwo.\n\n## Explanation\n\nBecause.\n`;
}

async function errorsFor(frontMatter: string, scenario: string | undefined = SCENARIO): Promise<string[]> {
  const parsed = await loadExerciseFrom({
    file: 'lesson-x/exercises/q.md', lessonId: 'lesson-x', exerciseId: 'q', markdown: exerciseFile(frontMatter),
    scenario: () => scenario,
  });
  return parsed.ok ? [] : parsed.errors;
}

describe('exercise definitions', () => {
  it('a valid select exercise loads with its course-wide id and no variation when not seeded', async () => {
    const parsed = await loadExerciseFrom({
      file: 'f.md', lessonId: 'lesson-x', exerciseId: 'q', scenario: () => SCENARIO,
      markdown: exerciseFile('kind: select\nmisconceptions: [M3]\nseeded: false\nscenario: s\nquestion: dropped-records\nvary: { order: true }'),
    });
    expect(parsed.ok && parsed.exercise).toMatchObject({ id: 'lesson-x/q', kind: 'select', vary: { order: false } });
  });

  it('an unknown question is named', async () => {
    expect(await errorsFor('kind: select\nmisconceptions: []\nseeded: false\nscenario: s\nquestion: dropped-recs'))
      .toEqual(['lesson-x/exercises/q.md: front matter "question": unknown question "dropped-recs"']);
  });

  it('a question of the wrong shape for the kind is refused', async () => {
    expect(await errorsFor('kind: order\nmisconceptions: []\nseeded: false\nscenario: s\nquestion: dropped-records'))
      .toEqual(['lesson-x/exercises/q.md: front matter "question": "dropped-records" answers with a set, but a order exercise needs a sequence question']);
  });

  it('a missing question parameter and a misspelt window label are named with the field', async () => {
    expect(await errorsFor('kind: num\nmisconceptions: []\nseeded: false\nscenario: s\nquestion: { name: result-count-for-window }'))
      .toEqual(['lesson-x/exercises/q.md: front matter "question.window": "result-count-for-window" needs a window']);
    const [error] = await errorsFor('kind: num\nmisconceptions: []\nseeded: false\nscenario: s\nquestion: { name: window-result, window: "[0,10" }');
    expect(error).toBe('lesson-x/exercises/q.md: front matter "question.window": expected a window label such as "[10,20)" (seconds), got "[0,10"');
  });

  it('a wrong rule must be a misconception the engine can run', async () => {
    expect(await errorsFor('kind: select\nmisconceptions: []\nseeded: false\nscenario: s\nquestion: dropped-records\nwrongRules: [M9, M99]')).toEqual([
      'lesson-x/exercises/q.md: front matter "wrongRules": M9 has no wrong rule to run (only a hint); rules exist for M1, M2, M3, M5',
      'lesson-x/exercises/q.md: front matter "wrongRules": unknown misconception "M99"',
    ]);
  });

  it('a scenario the simulator rejects is reported with the simulator\'s message', async () => {
    const [error] = await errorsFor('kind: predict\nmisconceptions: []\nseeded: false\nscenario: s', '{"format": "eventide.scenario/1", "profile": "flunk"}');
    expect(error).toMatch(/^lesson-x\/exercises\/q.md: front matter "scenario": scenarios\/s.json: profile: expected one of flink/);
  });

  it('PARAM grids larger than 2000 combinations are refused before anyone waits for them', async () => {
    const [error] = await errorsFor(`kind: param\nmisconceptions: []\nseeded: false\nscenario: s
params:
  a: { path: pipeline.allowedLateness, label: A, min: 0, max: 100, step: 1 }
  b: { path: pipeline.watermark.delay, label: B, min: 0, max: 100, step: 1 }
goal: [{ is: nothing-dropped }]`);
    expect(error).toContain('at most 2000 combinations of values');
  });

  it('a field of another kind is not silently ignored', async () => {
    const [error] = await errorsFor('kind: num\nmisconceptions: []\nseeded: false\nscenario: s\nquestion: dropped-count\ngoal: []');
    expect(error).toBe('lesson-x/exercises/q.md: front matter "goal" is not a known field');
  });
});
