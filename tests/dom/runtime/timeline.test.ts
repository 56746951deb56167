import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/components/sim/runScenario.ts';
import { timelineOf } from '../../../src/components/sim/simulationRun.svelte.ts';
import { buildTraceIndex } from '../../../src/components/sim/traceIndex.ts';
import { sparkRerun } from '../sim/scenarios.ts';

describe('playback timeline of a runtime run', () => {
  it('runs on past the last arrival to the runtime’s end, stopping at each batch event', () => {
    const outcome = runScenario(sparkRerun());
    if (!outcome.ok) throw new Error(outcome.error);
    const timeline = timelineOf({ ...outcome, index: buildTraceIndex(outcome.trace) });
    // Both records are read at 0 ms; batch 0 is planned at 100 ms, written at 130, re-planned at 155, committed at 195.
    expect(timeline.endMs).toBe(outcome.runtime!.endProcTimeMs);
    expect(timeline.endMs).toBeGreaterThanOrEqual(195);
    expect(Array.from(timeline.momentsMs)).toEqual(expect.arrayContaining([100, 130, 155, 185, 195]));
  });
});
