import fc from 'fast-check';
import { parseScenario, runCep, runJoin, type CepRun, type JoinRun } from '../../../../src/sim/index.ts';

export function runJoinVector(vector: Record<string, unknown>, trace = false): JoinRun {
  const parsed = parseScenario({ format: 'eventide.vector/1', name: 'test', ...vector });
  if (!parsed.ok) throw new Error(parsed.error);
  return runJoin(parsed.scenario, { trace });
}

export function runCepVector(vector: Record<string, unknown>, trace = false): CepRun {
  const parsed = parseScenario({ format: 'eventide.vector/1', name: 'test', ...vector });
  if (!parsed.ok) throw new Error(parsed.error);
  return runCep(parsed.scenario, { trace });
}

export function rejection(vector: Record<string, unknown>): string {
  const parsed = parseScenario({ format: 'eventide.vector/1', name: 'test', ...vector });
  if (parsed.ok) throw new Error('expected the vector to be rejected');
  return `${parsed.kind}: ${parsed.error}`;
}

export interface TwoSidedRecord { key: string; ts: number; stream: 'left' | 'right'; value: string }

/** Records of two inputs with unique values (so a result names its two records). */
export const twoSidedRecords = (maxTs = 40) =>
  fc.array(fc.record({ key: fc.constantFrom('a', 'b'), ts: fc.integer({ min: 0, max: maxTs }), stream: fc.constantFrom('left' as const, 'right' as const) }), { maxLength: 30 })
    .map((rs) => rs.map((r, i): TwoSidedRecord => ({ ...r, value: `${r.stream[0]}${i}` })));

/** The reference: every same-key pair whose times satisfy `matches`, as "left|right" strings, sorted. */
export function nestedLoopJoin(records: TwoSidedRecord[], matches: (tL: number, tR: number) => boolean): string[] {
  const pairs: string[] = [];
  for (const l of records) {
    if (l.stream !== 'left') continue;
    for (const r of records) if (r.stream === 'right' && r.key === l.key && matches(l.ts, r.ts)) pairs.push(`${l.value}|${r.value}`);
  }
  return pairs.sort();
}

export const pairsOf = (run: JoinRun) => run.result.emitted.map((e) => `${e.left}|${e.right}`).sort();
