// The worker thread that runs a learner's code under node (the exercise CLI and the unit tests).
import { parentPort, workerData } from 'node:worker_threads';
import { executeCases } from './execute.ts';
import type { SandboxRequest, WorkerMessage } from './types.ts';

const post = (message: WorkerMessage) => parentPort!.postMessage(message);

post({ type: 'reply', reply: executeCases(workerData as SandboxRequest, (index) => post({ type: 'case', index })) });
