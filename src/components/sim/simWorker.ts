// Runs big scenarios off the main thread so the page never freezes, reporting the simulator's progress on the
// way; the owner terminates it to cancel.
import { runScenario } from './runScenario.ts';

export interface WorkerRequest { scenario: unknown }

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  self.postMessage({ phase: 'running', done: 0, total: 0 });
  const outcome = runScenario(event.data.scenario, (done, total) => self.postMessage({ phase: 'running', done, total }));
  self.postMessage({ phase: 'done', outcome });
};
