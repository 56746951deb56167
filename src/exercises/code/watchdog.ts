// The time limit both sandboxes share: each case gets CASE_LIMIT_MS from the moment it starts; a case that runs
// longer stops the worker and is reported by number. Starting the worker itself is not the learner's time.
import { CASE_LIMIT_MS, type SandboxReply, type WorkerMessage } from './types.ts';

const STARTUP_LIMIT_MS = 30_000;

export interface Watched {
  /** Feed every message the worker posts. */
  onMessage: (message: WorkerMessage) => void;
  reply: Promise<SandboxReply>;
}

export function watch(stop: () => void, limitMs = CASE_LIMIT_MS): Watched {
  let settle!: (reply: SandboxReply) => void;
  let fail!: (error: Error) => void;
  const reply = new Promise<SandboxReply>((resolve, reject) => { settle = resolve; fail = reject; });
  let caseIndex = -1;
  let timer = setTimeout(() => {
    stop();
    fail(new Error(`the code sandbox did not start within ${STARTUP_LIMIT_MS / 1000} s`));
  }, STARTUP_LIMIT_MS);
  return {
    reply,
    onMessage(message) {
      clearTimeout(timer);
      if (message.type === 'reply') {
        stop();
        settle(message.reply);
        return;
      }
      caseIndex = message.index;
      timer = setTimeout(() => {
        stop();
        settle({ status: 'timeout', caseIndex, limitMs });
      }, limitMs);
    },
  };
}
