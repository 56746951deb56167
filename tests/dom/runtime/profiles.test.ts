import '../sim/jsdomLayout.ts';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import DataflowView from '../../../src/components/runtime/DataflowView.svelte';
import { runtimeAt } from '../../../src/components/runtime/runtimeAt.ts';
import type { RuntimeRan } from '../../../src/components/runtime/runtimeRun.ts';
import { kafkaStreamsJob, stormTopology } from '../sim/scenarios.ts';
import { ran } from './runs.ts';
import { handmadeTrace } from './handmade.ts';

afterEach(cleanup);

function renderDataflow(run: RuntimeRan, t: number) {
  const keyOf = (record: number) => run.trace.keys[run.trace.records.keyId[record]];
  return render(DataflowView, { runtime: run.runtime, now: runtimeAt(run.runtime, t), keys: run.trace.keys, profile: run.trace.profile, keyOf });
}

describe('dataflow view of a storm topology', () => {
  it('names the bolt’s grouping and shows no watermark, saying why, instead of W −∞', () => {
    renderDataflow(ran(stormTopology()), 2000);
    expect(screen.queryByText(/−∞/)).toBeNull();
    expect(screen.getByText(/No watermarks: this topology has no windowed bolt/)).toBeTruthy();
    expect(screen.getByText('count ×2 · fields grouping')).toBeTruthy();
    expect(screen.queryByText(/Keys → window subtasks/)).toBeNull();
  });

  it('counts the tuples each bolt task received and the keys among them: fields grouping keeps a key on one task', () => {
    renderDataflow(ran(stormTopology()), 2000);
    const routing = within(screen.getByRole('region', { name: 'Tuples to count' }));
    expect(routing.getByText('Tuples → count tasks (fields grouping)')).toBeTruthy();
    const rows = routing.getAllByRole('listitem').map((li) => li.textContent ?? '');
    const withAnn = rows.filter((row) => /keys .*ann/.test(row));
    expect(withAnn).toHaveLength(1);
    expect(rows.reduce((sum, row) => sum + Number(/(\d+) tuples?/.exec(row)?.[1] ?? 0), 0)).toBe(3);
  });

  it('counts only the tuples routed by t', () => {
    renderDataflow(ran(stormTopology()), 600);
    const rows = within(screen.getByRole('region', { name: 'Tuples to count' })).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(rows.reduce((sum, row) => sum + Number(/(\d+) tuples?/.exec(row)?.[1] ?? 0), 0)).toBe(2);
  });
});

describe('dataflow view of a Kafka Streams application', () => {
  it('shows instances → stream threads → tasks with each thread’s commits by t, and an idle thread as idle', () => {
    renderDataflow(ran(kafkaStreamsJob()), 5000);
    const threads = within(screen.getByRole('region', { name: 'Instances → stream threads → tasks' }));
    const lines = threads.getAllByRole('listitem').map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    expect(lines.some((line) => /^◌ thread 2: idle, no task assigned$/.test(line))).toBe(true);
    const taskLines = lines.filter((line) => /^thread \d: tasks 0_\d/.test(line));
    expect(taskLines).toHaveLength(3);
    expect(taskLines.every((line) => /1 commit,/.test(line))).toBe(true);
    expect(threads.getByText(/at_least_once: each thread commits its tasks’ offsets/)).toBeTruthy();
  });

  it('says Kafka Streams has stream time, not watermarks, and shows no Flink key groups', () => {
    renderDataflow(ran(kafkaStreamsJob()), 5000);
    expect(screen.getByText(/Each task keeps its own stream time/)).toBeTruthy();
    expect(screen.queryByText(/−∞/)).toBeNull();
    expect(screen.queryByText(/key groups/i)).toBeNull();
  });
});

describe('dataflow view of a Flink job', () => {
  it('still shows a watermark of −∞ before the first one, and its key groups', () => {
    const runtime = handmadeTrace();
    render(DataflowView, { runtime, now: runtimeAt(runtime, 1200), keys: ['a', 'b'] });
    expect(screen.getByRole('button', { name: /^window-0: busy.*watermark −∞$/ })).toBeTruthy();
    expect(screen.getByText(/Keys → window subtasks/)).toBeTruthy();
    expect(screen.queryByText(/No watermarks/)).toBeNull();
  });
});
