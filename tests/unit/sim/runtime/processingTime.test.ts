// Processing-time windows inside the runtime (R1.4): a window subtask assigns a record by the time it handles it, so
// queueing moves records into later windows; checkpoints keep open windows and a restore fires the overdue ones.
import { describe, expect, it } from 'vitest';
import { parseScenario, run } from '../../../../src/sim/index.ts';
import { runJob, type Step } from './jobs.ts';

const pipeline = (runtime: Record<string, unknown>) => ({
  window: { type: 'tumbling', size: 100, time: 'processing' }, aggregate: 'count', partitions: 1,
  runtime: { parallelism: 1, ...runtime },
});
const rec = (key: string): Step => ({ record: { key } });

describe('processing-time windows in the runtime', () => {
  it('fires each window when the clock reaches its end, like the single-operator run when nothing queues (R1.4)', () => {
    const steps: Step[] = [rec('a'), rec('a'), { advance: 150 }, rec('a'), { advance: 100 }, { end: true }];
    const job = runJob(pipeline({ checkpoint: { mode: 'none' } }), steps);
    const parsed = parseScenario({ format: 'eventide.vector/1', name: 'plain', profile: 'flink', pipeline: { ...pipeline({}), runtime: undefined }, steps });
    if (!parsed.ok) throw new Error(parsed.error);
    const plain = run(parsed.scenario);
    expect(job.result.sink!.all).toEqual([{ key: 'a', start: 0, end: 100, value: 2 }, { key: 'a', start: 100, end: 200, value: 1 }]);
    expect(job.result.emitted.map(({ start, value }) => [start, value])).toEqual(plain.result.emitted.map(({ start, value }) => [start, value]));
  });

  it('puts records that wait behind a slow window subtask into later windows', () => {
    // Five records at p = 0, 30 ms each: handled at 29, 59, 89, 119 and 149 ms.
    const r = runJob(pipeline({ checkpoint: { mode: 'none' }, window: { serviceMs: 30 } }), [rec('a'), rec('a'), rec('a'), rec('a'), rec('a'), { advance: 300 }, { end: true }]);
    expect(r.result.sink!.all).toEqual([{ key: 'a', start: 0, end: 100, value: 3 }, { key: 'a', start: 100, end: 200, value: 2 }]);
  });

  it('keeps an open window in the checkpoint and fires it at once when the restore comes after its end (R7.12)', () => {
    const steps: Step[] = [{ advance: 10 }, rec('a'), { advance: 50 }, { crash: { operator: 'window', subtask: 0 } }, { advance: 200 }, { end: true }];
    const r = runJob(pipeline({ checkpoint: { interval: 50 }, restartDelay: 100, sink: 'transactional' }), steps, true);
    const restored = r.runtime!.events.find((e) => e.kind === 'restored')!;
    expect(restored).toMatchObject({ procTimeMs: 160, checkpoint: 1 });
    // The window [0, 100) holding the record was in checkpoint 1; its timer at 99 ms is overdue at 160 ms.
    expect(r.runtime!.writes.map((w) => [w.procTimeMs, w.row])).toEqual([[160, { key: 'a', start: 0, end: 100, value: 1 }]]);
    expect(r.result.sink!.committed).toEqual([{ key: 'a', start: 0, end: 100, value: 1 }]);
  });

  it('sends nothing from the crashed operator\'s timers while the job is down', () => {
    const steps: Step[] = [rec('a'), { advance: 50 }, { crash: { operator: 'window', subtask: 0 } }, { advance: 300 }, { end: true }];
    const r = runJob(pipeline({ checkpoint: { mode: 'none' }, restartDelay: 200 }), steps, true);
    // Checkpointing off: the window is lost with the crash; its timer at 99 ms (job down until 250 ms) writes nothing.
    expect(r.runtime!.writes).toEqual([]);
    expect(r.runtime!.events.find((e) => e.kind === 'lost')).toBeDefined();
  });
});
