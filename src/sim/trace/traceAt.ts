import type { Trace, TraceState } from '../types.ts';

/** The state at processing time t: equal to replaying the run up to and including t. */
export function traceAt(trace: Trace, procTimeMs: number): TraceState {
  void trace;
  throw new Error(`traceAt is being built (${procTimeMs})`);
}
