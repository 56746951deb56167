// The simulator's public API: the only list of what src/sim exports (STYLE §8).
export type * from './types.ts';
export { PROFILES, RecordFate } from './types.ts';
export type * from './runtime/types.ts';
export { TaskState } from './runtime/types.ts';
export { parseScenario } from './parse/parseScenario.ts';
export { run } from './run.ts';
export { runJoin } from './joins/runJoin.ts';
export type * from './joins/types.ts';
export { runCep } from './cep/runCep.ts';
export type * from './cep/types.ts';
export { traceAt } from './trace/traceAt.ts';
export { registerReducer } from './aggregates.ts';
export { generateEvents } from './generator.ts';
export { formatResult } from './result.ts';
export { createRng, type Rng } from './rng.ts';
export { keyGroupOf, subtaskOfKeyGroup } from './runtime/keyGroups.ts';
export type { OperatorSpec } from './runtime/types.ts';
