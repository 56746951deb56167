// A runtime scenario run through the views' own runner, failing the test with the simulator's message.
import { runRuntimeScenario, type RuntimeRan } from '../../../src/components/runtime/runtimeRun.ts';

export function ran(input: unknown): RuntimeRan {
  const outcome = runRuntimeScenario(input);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.ran;
}
