import { describe, expect, it } from 'vitest';
import { applyFailure, removeFailure, scenarioFor, type SandboxState } from '../../../../src/components/sandbox/sandboxState.ts';
import { crashingJob } from '../scenarios.ts';

const failuresOf = (state: SandboxState, side: 'a' | 'b') => (scenarioFor(state, side).pipeline as { runtime: { failures?: unknown[] } }).runtime.failures ?? [];
const crash = (subtask: number) => ({ atMs: 1500.4, kind: 'crash' as const, operator: 'window', subtask });

function comparing(bParallelism = 2): SandboxState {
  const job = crashingJob();
  job.pipeline.runtime.failures = [];
  return { scenario: job, compare: { profile: 'flink', pipeline: { ...job.pipeline, runtime: { ...job.pipeline.runtime, parallelism: bParallelism, sink: 'at-least-once' } } }, atMs: 0 };
}

describe('failures while comparing', () => {
  it('go to the side the learner chose, or to both', () => {
    for (const [target, a, b] of [['a', 1, 0], ['b', 0, 1], ['both', 1, 1]] as const) {
      const { state, refused } = applyFailure(comparing(), crash(1), target);
      expect([failuresOf(state, 'a').length, failuresOf(state, 'b').length, refused]).toEqual([a, b, []]);
    }
    expect(failuresOf(applyFailure(comparing(), crash(1), 'b').state, 'b')).toEqual([{ atMs: 1500, kind: 'crash', operator: 'window', subtask: 1 }]);
  });

  it('leave a side without the task as it is and say why', () => {
    const { state, refused } = applyFailure(comparing(1), crash(1), 'both');
    expect(failuresOf(state, 'a')).toHaveLength(1);
    expect(failuresOf(state, 'b')).toHaveLength(0);
    expect(refused).toEqual([{ side: 'b', error: expect.stringMatching(/subtask: expected a subtask below 1, got 1/) }]);
  });

  it('apply to the one job when not comparing, whatever side was chosen', () => {
    const { state } = applyFailure({ scenario: comparing().scenario, atMs: 0 }, crash(0), 'b');
    expect(failuresOf(state, 'a')).toHaveLength(1);
    expect(state.compare).toBeUndefined();
  });

  it('are removed from one side only, keeping B’s own configuration', () => {
    const both = applyFailure(comparing(), crash(0), 'both').state;
    const removed = removeFailure(both, 'b', 0);
    expect([failuresOf(removed, 'a').length, failuresOf(removed, 'b').length]).toEqual([1, 0]);
    expect((scenarioFor(removed, 'b').pipeline as { runtime: { sink: string } }).runtime.sink).toBe('at-least-once');
  });
});
