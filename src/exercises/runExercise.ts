// Runs an exercise's scenario: the seeded variant, optionally changed by the learner (PARAM settings, a DRAG
// placement) or by a misconception's wrong rule. Every expected answer starts here, from a real simulator run.
import { parseScenario, run } from '../sim/index.ts';
import { MISCONCEPTIONS } from './misconceptions.ts';
import { buildRunView, type RunView } from './runView.ts';
import type { Exercise, MisconceptionId } from './types.ts';
import { variantScenario } from './variant.ts';

export type ScenarioChange = (scenario: Record<string, unknown>) => Record<string, unknown>;

/** Parses and runs scenario JSON with a full trace; a scenario the simulator rejects throws its one-line message. */
export function runScenario(json: unknown): RunView {
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new ScenarioError(parsed.error);
  return buildRunView(parsed.scenario, run(parsed.scenario, { trace: true }));
}

export class ScenarioError extends Error {}

export function variantJson(exercise: Exercise, seed: number): Record<string, unknown> {
  return variantScenario(exercise.scenario, exercise.vary, seed) as Record<string, unknown>;
}

/** The run a grader compares with: the variant for `seed`, after `change` if given. */
export function runVariant(exercise: Exercise, seed: number, change?: ScenarioChange): RunView {
  const json = variantJson(exercise, seed);
  return runScenario(change ? change(json) : json);
}

/** The same variant under a misconception's wrong rule. */
export function runWrongRule(exercise: Exercise, seed: number, id: MisconceptionId, change?: ScenarioChange): RunView | undefined {
  const rule = MISCONCEPTIONS[id]?.wrongRule;
  if (!rule) return undefined;
  const json = rule.apply(variantJson(exercise, seed));
  return runScenario(change ? change(json) : json);
}
