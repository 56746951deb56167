// The node sandbox (exercise CLI, unit tests): a worker thread per check. The worker loads TypeScript through
// tsx, registered inside the thread because node 20 does not pass a parent's loader hooks on to workers.
import { Worker } from 'node:worker_threads';
import type { Sandbox } from './types.ts';
import { watch } from './watchdog.ts';

// A string operation rather than new URL(…, import.meta.url), which the browser bundler would try to bundle.
const WORKER_URL = import.meta.url.replace(/nodeSandbox\.ts$/, 'nodeWorker.ts');
const BOOT = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}); })`;

export const nodeSandbox: Sandbox = {
  run(request) {
    const worker = new Worker(BOOT, { eval: true, workerData: request, resourceLimits: { maxOldGenerationSizeMb: 256 } });
    const watched = watch(() => void worker.terminate());
    worker.on('message', watched.onMessage);
    worker.on('error', (error) => watched.onMessage({ type: 'reply', reply: { status: 'unusable', error: String(error) } }));
    return watched.reply;
  },
};
