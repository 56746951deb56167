// Inside the sandbox: turn the learner's source into the entry function, then run every hidden case through the
// task's driver. A fresh object per case (the factory is called again), so one case cannot leak into the next.
import { DRIVERS, StepError } from './drivers.ts';
import type { CaseOutcome, SandboxReply, SandboxRequest } from './types.ts';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function compileEntry(source: string, entry: string): (...args: unknown[]) => unknown {
  if (!IDENTIFIER.test(entry)) throw new Error(`the exercise names an invalid entry "${entry}"`);
  let found: unknown;
  try {
    // Strict mode: a forgotten `let` is an error the learner sees, not a global that survives between cases.
    found = new Function(`"use strict";\n${source}\n;return typeof ${entry} === "undefined" ? undefined : ${entry};`)();
  } catch (error) {
    throw new Error(error instanceof SyntaxError ? `it does not parse: ${error.message}` : `it fails while loading: ${String(error)}`);
  }
  if (typeof found !== 'function') throw new Error(`it defines no function named ${entry}`);
  return found as (...args: unknown[]) => unknown;
}

/** `onCase(i)` is called before case i starts, so a watcher can name the case that never finishes. */
export function executeCases(request: SandboxRequest, onCase: (index: number) => void): SandboxReply {
  let factory: (...args: unknown[]) => unknown;
  try {
    factory = compileEntry(request.source, request.entry);
  } catch (error) {
    return { status: 'unusable', error: (error as Error).message };
  }
  const drive = DRIVERS[request.task];
  const outcomes = request.inputs.map((input, index): CaseOutcome => {
    onCase(index);
    try {
      return { ok: true, output: drive(factory, input as never) };
    } catch (error) {
      if (error instanceof StepError) return { ok: false, step: error.step, error: error.message };
      return { ok: false, step: -1, error: String(error) };
    }
  });
  return { status: 'done', outcomes };
}
