// Runs big scenarios off the main thread so the page never freezes; the owner terminates it to cancel.
import { runScenario } from './runScenario.ts';

export interface WorkerRequest { scenario: unknown }

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  self.postMessage({ phase: 'running' });
  self.postMessage({ phase: 'done', outcome: runScenario(event.data.scenario) });
};
