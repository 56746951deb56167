// The current run of a simulation: idle → running → done | failed, re-started whenever the scenario changes.
// Small inputs run inline (a re-run while dragging must land within a frame or two); big ones in a Web Worker,
// with a status the page can show and a cancel that terminates the worker.
import type { RuntimeTrace, Scenario, Trace } from '../../sim/index.ts';
import { runtimeMoments } from '../runtime/runtimeAt.ts';
import type { Timeline } from './playback.svelte.ts';
import { inputSize, runScenario, type RunOutcome } from './runScenario.ts';
import { buildTraceIndex, type TraceIndex } from './traceIndex.ts';

/** Up to this many records a run happens on the main thread; the parallel runtime costs far more per record. */
export const INLINE_LIMIT = 20_000;
export const INLINE_RUNTIME_LIMIT = 300;

export type RunStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

type WorkerMessage = { phase: 'running'; done: number; total: number } | { phase: 'done'; outcome: RunOutcome };

export interface Ran { scenario: Scenario; trace: Trace; index: TraceIndex; runtime?: RuntimeTrace }

/**
 * Playback's timeline for a run: its moments and its processing-time extent. A runtime run goes on after its records
 * arrived (batches, acks, commits, restarts), so its own moments and end count too.
 */
export function timelineOf(ran: Ran): Timeline {
  const { index, runtime } = ran;
  if (!runtime) return { momentsMs: index.momentsMs, startMs: index.procExtent[0], endMs: index.procExtent[1] };
  return { momentsMs: runtimeMoments(runtime, index.momentsMs), startMs: index.procExtent[0], endMs: Math.max(index.procExtent[1], runtime.endProcTimeMs) };
}

export class SimulationRun {
  status = $state<RunStatus>('idle');
  error = $state<string>();
  /** The last successful run; kept while a new one is running or after one fails, so the views stay put. */
  ran = $state.raw<Ran>();
  size = $state(0);
  /** Share of a background run's inputs the simulator has processed, 0–1; undefined while none has been reported. */
  progress = $state<number>();
  #worker: Worker | undefined;
  #generation = 0;

  start(scenario: unknown): void {
    this.cancel();
    const generation = ++this.#generation;
    this.size = inputSize(scenario);
    this.error = undefined;
    this.progress = undefined;
    const hasRuntime = typeof scenario === 'object' && scenario !== null && typeof (scenario as { pipeline?: { runtime?: unknown } }).pipeline?.runtime === 'object';
    if (this.size <= (hasRuntime ? INLINE_RUNTIME_LIMIT : INLINE_LIMIT) || typeof Worker === 'undefined') {
      this.#finish(runScenario(scenario));
      return;
    }
    this.status = 'running';
    const worker = new Worker(new URL('./simWorker.ts', import.meta.url), { type: 'module' });
    this.#worker = worker;
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      if (generation !== this.#generation) return;
      if (event.data.phase === 'running') {
        if (event.data.total > 0) this.progress = event.data.done / event.data.total;
        return;
      }
      this.#stopWorker();
      this.#finish(event.data.outcome);
    };
    worker.onerror = (event) => {
      this.#stopWorker();
      this.#finish({ ok: false, error: `The simulator stopped: ${event.message}` });
    };
    worker.postMessage({ scenario: $state.snapshot(scenario) });
  }

  cancel(): void {
    if (this.status !== 'running') return;
    this.#generation++;
    this.#stopWorker();
    this.status = 'cancelled';
  }

  destroy(): void {
    this.#generation++;
    this.#stopWorker();
  }

  #finish(outcome: RunOutcome): void {
    if (outcome.ok) {
      this.ran = { scenario: outcome.scenario, trace: outcome.trace, index: buildTraceIndex(outcome.trace), runtime: outcome.runtime };
      this.status = 'done';
    } else {
      this.error = outcome.error;
      this.status = 'failed';
    }
  }

  #stopWorker(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
  }
}
