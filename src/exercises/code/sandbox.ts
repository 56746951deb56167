// Which sandbox runs learner code: a Web Worker where the platform has one (the browser), else a node worker
// thread. The node module is imported by a name the bundler does not follow, so it never enters the site.
import type { Sandbox } from './types.ts';

const NODE_SANDBOX = './nodeSandbox.ts';

export async function defaultSandbox(): Promise<Sandbox> {
  if (typeof Worker === 'function') return (await import('./webWorkerSandbox.ts')).webWorkerSandbox;
  return ((await import(/* @vite-ignore */ NODE_SANDBOX)) as typeof import('./nodeSandbox.ts')).nodeSandbox;
}
