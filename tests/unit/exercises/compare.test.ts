// The "changed-outputs" question: two runs of the same input (a replay, a changed pipeline), which outputs differ.
import { describe, expect, it } from 'vitest';
import { grade, gradingRun, solve } from '../../../src/exercises/grade.ts';
import { selectOptions } from '../../../src/exercises/graders/select.ts';
import { loadExerciseFrom } from '../../../src/exercises/load.ts';
import { replayChange } from '../../../src/exercises/questions/compare.ts';
import type { SelectExercise } from '../../../src/exercises/types.ts';
import { NO_VARIATION } from '../../../src/exercises/variant.ts';
import { fixture } from './helpers.ts';

// taps-live: ten taps at event times 1 4 10 6 8 13 9 16 19 21 s, arriving at 2 5 11 13 14 15 17 18 20 23 s.
describe('which dashboards change when the log is replayed at 60×', () => {
  it('only the two that window on arrival time, each explained by what both runs show', async () => {
    const exercise = await fixture('replay-dashboards', 'select');
    expect(solve(exercise, 1)).toEqual(['arrivals-10s', 'arrivals-1min']);
    const why = Object.fromEntries(selectOptions(exercise, gradingRun(exercise, 1)).map((o) => [o.id, o.why]));
    // Live arrivals: 2 5 | 11 13 14 15 17 18 | 20 23 s; the replay brings all ten between 600 and 600.35 s.
    expect(why['arrivals-10s']).toBe('Taps per 10 s of arrival (processing time) changes: the live run shows [0,10) = 2, [10,20) = 6, [20,30) = 2; the replay at 60× shows [600,610) = 10');
    expect(why['taps-10s']).toBe('Taps per 10 s of event time stays the same: both show [0,10) = 5, [10,20) = 4, [20,30) = 1');
    expect(why['arrivals-1min']).toContain('the live run shows [0,60) = 10; the replay at 60× shows [600,660) = 10');
  });

  it('the answer stays the same for other variants of the event times', async () => {
    const exercise = await fixture('replay-dashboards', 'select');
    for (const seed of [2, 3, 4]) expect(solve(exercise, seed)).toEqual(['arrivals-10s', 'arrivals-1min']);
  });

  it('choosing every dashboard is recognised as counting everything on the arrival clock (M2)', async () => {
    const exercise = await fixture('replay-dashboards', 'select');
    const verdict = grade(exercise, 1, ['arrivals-10s', 'taps-10s', 'arrivals-1min', 'taps-1min']);
    expect(verdict).toMatchObject({ correct: false, misconception: 'M2' });
    expect(verdict.feedback).toContain('taps-10s does not belong: Taps per 10 s of event time stays the same');
  });
});

describe('which windows differ between two pipelines on one input', () => {
  it('without lateness only [0,10) changes: its late firing (4, after e6) is gone and 3 stays', async () => {
    const base = await fixture('which-dropped', 'select');
    const lateness = await fixture('counts-per-window', 'num');
    const exercise: SelectExercise = {
      ...base, scenario: lateness.scenario, vary: NO_VARIATION, wrongRules: [],
      question: { name: 'changed-outputs', compare: { label: 'the job with 5 s lateness', against: { label: 'the job without', set: { 'pipeline.allowedLateness': 0 } } } },
    };
    expect(solve(exercise, 1)).toEqual(['[0,10)']);
    expect(selectOptions(exercise, gradingRun(exercise, 1)).map((o) => o.why)).toEqual([
      '[0,10) differs: 4 in the job with 5 s lateness, 3 in the job without',
      '[10,20) is 3 in both runs',
      '[20,30) is 1 in both runs',
    ]);
  });
});

describe('a replay of the log', () => {
  it('starts at the given time and shrinks the gaps between arrivals by the speed, keeping event times', () => {
    const replayed = replayChange(600_000, 60)({ events: [{ ts: 1, arrivalMs: 2000 }, { ts: 4, arrivalMs: 5000 }, { ts: 21, arrivalMs: 23_000 }] });
    expect(replayed.events).toEqual([{ ts: 1, arrivalMs: 600_000 }, { ts: 4, arrivalMs: 600_050 }, { ts: 21, arrivalMs: 600_350 }]);
  });
});

describe('a compare question in front matter', () => {
  const SCENARIO = JSON.stringify({
    format: 'eventide.scenario/1', profile: 'flink', pipeline: { window: { type: 'tumbling', size: 10000 } },
    events: [{ ts: 1000, arrivalMs: 1000 }], steps: [],
  });
  const errorsFor = async (question: string) => {
    const markdown = `---\nkind: select\nmisconceptions: []\nseeded: false\nscenario: s\nquestion: ${question}\n---\n\n## Prompt\n\nQ?\n\n## Hint\n\nOne.\n\n## Hint\n\nTwo.\n\n## Explanation\n\nBecause.\n`;
    const parsed = await loadExerciseFrom({ file: 'x/exercises/q.md', lessonId: 'x', exerciseId: 'q', markdown, scenario: () => SCENARIO });
    return parsed.ok ? [] : parsed.errors;
  };

  it('needs its compare block, and only changed-outputs takes one', async () => {
    expect(await errorsFor('changed-outputs')).toEqual(['x/exercises/q.md: front matter "question.compare": "changed-outputs" needs a compare']);
    expect(await errorsFor('{ name: dropped-records, compare: { against: { set: { pipeline.allowedLateness: 0 } } } }'))
      .toEqual(['x/exercises/q.md: front matter "question.compare": "dropped-records" takes no compare']);
  });

  it('refuses a second run that changes nothing', async () => {
    expect((await errorsFor('{ name: changed-outputs, compare: { against: { label: same } } }')).join('\n')).toMatch(/a replay or fields to set/);
  });
});
