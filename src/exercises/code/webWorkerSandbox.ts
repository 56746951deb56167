// The browser's sandbox: a fresh module Web Worker per check, terminated when it replies or runs out of time.
import type { Sandbox } from './types.ts';
import { watch } from './watchdog.ts';

export const webWorkerSandbox: Sandbox = {
  run(request) {
    const worker = new Worker(new URL('./browserWorker.ts', import.meta.url), { type: 'module', name: 'code-sandbox' });
    const watched = watch(() => worker.terminate());
    worker.onmessage = (event) => watched.onMessage(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      watched.onMessage({ type: 'reply', reply: { status: 'unusable', error: event.message || 'the sandbox failed to start' } });
    };
    worker.postMessage(request);
    return watched.reply;
  },
};
