// When Spark's micro-batches start, read from the runtime trace: back to back when a batch overruns its trigger,
// on the trigger otherwise; and the records of a spark runtime run keep their scenario names and arrivals.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findQuestion, type NumberQuestion } from '../../../src/exercises/questions/catalog.ts';
import { runScenario } from '../../../src/exercises/runExercise.ts';

const question = findQuestion('batch-start-for-record') as NumberQuestion;
const overrun = JSON.parse(readFileSync('src/lessons/spark-microbatch/scenarios/overrun.json', 'utf8')) as Record<string, any>;
const withBatchMs = (overheadMs: number) => runScenario({ ...overrun, pipeline: { ...overrun.pipeline, runtime: { batch: { overheadMs, perRowMs: 0, commitMs: 0 } } } });
const startOf = (view: ReturnType<typeof runScenario>, record: string) => question.answer(view, { name: 'batch-start-for-record', record }) as number;

describe('records of a spark runtime run', () => {
  it('are named e1 … e12 after the scenario events, with their arrival times', () => {
    const view = withBatchMs(3000);
    expect(view.records.map((r) => r.id)).toEqual(Array.from({ length: 12 }, (_, i) => `e${i + 1}`));
    expect(view.records.map((r) => r.arrivalMs)).toEqual(Array.from({ length: 12 }, (_, i) => 500 + i * 1000));
  });
});

describe('batch-start-for-record', () => {
  it('starts batches back to back when each takes 3 s against a 2 s trigger: 2, 5, 8, 11, 14 s', () => {
    const view = withBatchMs(3000);
    expect(['e1', 'e3', 'e6', 'e9', 'e12'].map((id) => startOf(view, id))).toEqual([2000, 5000, 8000, 11_000, 14_000]);
  });

  it('starts them on the trigger when each takes 1 s', () => {
    const view = withBatchMs(1000);
    expect(['e1', 'e3', 'e9'].map((id) => startOf(view, id))).toEqual([2000, 4000, 10_000]);
  });

  it('explains a late start with the trigger it missed', () => {
    expect(question.explain(withBatchMs(3000), { name: 'batch-start-for-record', record: 'e9' }))
      .toBe('e9 arrives at 8.5 s and is read by batch 3: its trigger came due at 10 s while batch 2 was still running, so it started the moment that one committed, at 11 s. Triggers are every 2 s; a missed one is neither queued nor skipped to the next tick.');
  });

  it('refuses a scenario without the spark runtime', () => {
    const plain = runScenario({ ...overrun, pipeline: { ...overrun.pipeline, runtime: undefined } });
    expect(() => startOf(plain, 'e1')).toThrow(/needs a spark runtime scenario/);
  });
});

describe('results of a spark runtime run', () => {
  it('fire after the last record their micro-batch read: e2, e5, e8, e11 and e12 for 3 s batches', () => {
    const view = withBatchMs(3000);
    expect([...new Set(view.panes.map((p) => p.after))]).toEqual(['e2', 'e5', 'e8', 'e11', 'e12']);
  });
});
