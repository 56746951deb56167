import type { Run, RunOptions, Scenario } from './types.ts';

/** Runs a parsed scenario to the end of its steps. */
export function run(scenario: Scenario, options: RunOptions = {}): Run {
  void options;
  throw new Error(`run is being built (${scenario.name})`);
}
