// The CLI's output: the result object as canonical JSON (vectors.md "Result"), byte-identical for the same run.
import type { RunResult } from './types.ts';

/** One line of JSON; key order is fixed by how entries are built, so equal runs print equal bytes. */
export function formatResult(result: Pick<RunResult, 'watermarks'> & { emitted: object[]; late: object[] }): string {
  return JSON.stringify(result);
}

/** R1.1 sentinels in JSON, which has no Infinity. */
export function wmForJson(wm: number): number | '+inf' | '-inf' {
  return wm === Infinity ? '+inf' : wm === -Infinity ? '-inf' : wm;
}
