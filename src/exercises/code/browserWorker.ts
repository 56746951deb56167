// The Web Worker that runs a learner's code in the browser: no DOM, no page state, and the page can stop it.
import { executeCases } from './execute.ts';
import type { SandboxRequest, WorkerMessage } from './types.ts';

const post = (message: WorkerMessage) => self.postMessage(message);

self.onmessage = (event: MessageEvent<SandboxRequest>) => {
  post({ type: 'reply', reply: executeCases(event.data, (index) => post({ type: 'case', index })) });
};
