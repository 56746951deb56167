// "window-types-for-use-cases": which window type fits each use case, computed from what each use case needs and
// what each type gives (questions/data/window-requirements.json), never from a stored key.
import { describe, expect, it } from 'vitest';
import { grade, solve } from '../../../src/exercises/grade.ts';
import { loadExerciseFrom } from '../../../src/exercises/load.ts';
import data from '../../../src/exercises/questions/data/window-requirements.json';
import type { SelectExercise } from '../../../src/exercises/types.ts';

const MARKDOWN = '---\nkind: select\nmisconceptions: []\nseeded: false\nscenario: s\nquestion: window-types-for-use-cases\n---\n\n## Prompt\n\nQ?\n\n## Hint\n\nOne.\n\n## Hint\n\nTwo.\n\n## Explanation\n\nBecause.\n';
const SCENARIO = JSON.stringify({ format: 'eventide.scenario/1', profile: 'flink', pipeline: { window: { type: 'tumbling', size: 10000 } }, events: [], steps: [] });

async function useCaseGrid(): Promise<SelectExercise> {
  const parsed = await loadExerciseFrom({ file: 'x/exercises/q.md', lessonId: 'x', exerciseId: 'q', markdown: MARKDOWN, scenario: () => SCENARIO });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.exercise as SelectExercise;
}

describe('which window type fits which use case', () => {
  it('fits the curriculum\'s four use cases with one type each: sliding, session, sliding, tumbling', async () => {
    expect(solve(await useCaseGrid(), 1)).toEqual(['iot-averages sliding', 'user-sessions session', 'fraud-velocity sliding', 'hourly-report tumbling']);
  });

  it('fits no use case with a count window, which has no end in event time', async () => {
    expect(solve(await useCaseGrid(), 1).filter((id) => id.endsWith(' count'))).toEqual([]);
    expect(data.windowTypes.find((t) => t.id === 'count')!.gives).not.toContain('event-time-end');
  });

  it('names only properties the file defines, and cites the documentation of every window type', () => {
    const properties = new Set(data.properties.map((p) => p.id));
    for (const item of [...data.windowTypes.map((t) => t.gives), ...data.useCases.map((u) => u.needs)]) {
      for (const id of item) expect(properties).toContain(id);
    }
    for (const type of data.windowTypes) {
      expect(type.sources.length).toBeGreaterThan(0);
      for (const source of type.sources) expect(source).toMatch(/^https:\/\/(nightlies\.apache\.org\/flink|kafka\.apache\.org)\//);
    }
  });

  it('explains a wrong row by what the ticked type does not give', async () => {
    const exercise = await useCaseGrid();
    const verdict = grade(exercise, 1, ['iot-averages sliding', 'user-sessions session', 'fraud-velocity tumbling', 'hourly-report tumbling', 'hourly-report sliding']);
    expect(verdict.correct).toBe(false);
    expect(verdict.feedback).toBe('2 of 4 use cases are not right yet. '
      + 'Fraud velocity misses sliding and has tumbling extra (tumbling windows do not give overlapping periods that start more often than they last, so the latest span is always fresh). '
      + 'Hourly report has sliding extra (sliding windows do not give each event in exactly one period, so the periods add up to the total).');
  });
});
