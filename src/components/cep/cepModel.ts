// What the CEP view shows at processing time t, read from a CepTrace only: the partial matches alive at t per
// pattern stage (with the time left before `within` runs out), the matches so far, and the runs that ended and how.
import type { CepTrace } from '../../sim/index.ts';

export interface StageColumn { name: string; label: string; runs: { id: number; key: string; events: string; timeLeft: number }[] }
export interface EndedRun { id: number; key: string; fate: string; events: string; reason: string }
export interface CepFrame { stages: StageColumn[]; matches: { id: number; key: string; events: string }[]; ended: EndedRun[] }

export function cepFrame(trace: CepTrace, t: number): CepFrame {
  const { spec, base } = trace;
  const tsOf = (records: number[]) => records.map((r) => base.records.ts[r]).join(', ');
  const stages: StageColumn[] = spec.stages.map((s) => ({
    name: s.name,
    label: `${s.name} = ${String(s.value)}${s.max === Infinity ? ' (one or more)' : s.max > 1 ? ` (×${s.max})` : ''}${s.min === 0 ? ' (optional)' : ''}`,
    runs: [],
  }));
  const ended: EndedRun[] = [];
  for (const run of trace.runs) {
    if (run.bornMs > t || run.fate === 'advanced' && run.endMs <= t) continue;
    const key = base.keys[run.keyId];
    if (run.endMs <= t) {
      if (run.fate !== 'matched') ended.push({ id: run.id, key, fate: run.fate, events: tsOf(run.records), reason: run.reason });
      continue;
    }
    const stage = run.stages.at(-1) ?? 0;
    stages[stage].runs.push({ id: run.id, key, events: tsOf(run.records), timeLeft: spec.within === Infinity ? Infinity : run.startTs + spec.within });
  }
  const matches = trace.matches.filter((m) => m.procTimeMs <= t).map((m) => {
    const run = trace.runs.find((r) => r.id === m.run)!;
    return { id: m.run, key: base.keys[run.keyId], events: tsOf(run.records) };
  });
  return { stages, matches, ended };
}
