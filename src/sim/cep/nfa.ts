// Flink CEP's NFA for one key (spec R6.1–R6.3, R6.5), with partial matches as runs. A run stands at a stage with
// a count of events taken there. On each event a run may TAKE it (into its stage, or — when the stage has taken
// enough — into the next stages, PROCEED), or IGNORE it and wait, as contiguity allows: `next` never ignores,
// `followedBy` ignores non-matching events, `followedByAny` ignores any (so it branches on every match). Inside
// a looping stage the same holds for `consecutive` / relaxed / `allowCombinations` (R6.2). Runs whose first event
// is `within` or more before the current time are timed out (R6.3). Equal runs are kept once.
import type { Decision, Value } from '../types.ts';
import type { CepSpec, CepStage } from './types.ts';

export interface NfaEvent { seq: number; record: number; ts: number; value: Value }

export interface NfaRun {
  id: number;
  parent: number;
  stage: number;
  count: number;
  events: NfaEvent[];
  stages: number[];
}

export interface NfaListener {
  born(run: NfaRun): void;
  ended(run: NfaRun, fate: 'advanced' | 'matched' | 'timed-out' | 'discarded' | 'skipped', decision: Decision): void;
  matched(run: NfaRun): void;
}

export class Nfa {
  private runs: NfaRun[] = [];

  constructor(private readonly spec: CepSpec, private readonly listener: NfaListener, private readonly nextId: () => number) {}

  get partialMatches(): readonly NfaRun[] { return this.runs; }

  /** R6.3: a partial match times out once now − start ≥ within (checked before each event and at the watermark). */
  advanceTime(nowTs: number): void {
    const { within } = this.spec;
    if (within === Infinity) return;
    this.runs = this.runs.filter((run) => {
      const start = run.events[0].ts;
      if (nowTs - start < within) return true;
      this.listener.ended(run, 'timed-out', { rule: 'R6.3', values: { start, now: nowTs, within, timeoutTs: start + within }, reason: `timed out: ${nowTs} − ${start} ≥ within ${within}; the timeout handler sees it at ${start + within}` });
      return false;
    });
  }

  process(event: NfaEvent): void {
    const next: NfaRun[] = [];
    const seen = new Set<string>();
    const matches: NfaRun[] = [];
    const keep = (run: NfaRun) => {
      const id = `${run.stage}:${run.count}:${run.events.map((e) => e.seq).join(',')}`;
      if (seen.has(id)) return false;
      seen.add(id);
      next.push(run);
      return true;
    };
    for (const run of this.runs) {
      const successors = this.step(run, event, true, matches);
      let wasKept = false;
      for (const s of successors) {
        if (s === run) wasKept = keep(s) || wasKept;
        else if (keep(s)) this.listener.born(s);
      }
      if (!wasKept) {
        const advanced = successors.length > 0 || matches.some((m) => m.parent === run.id);
        this.listener.ended(run, advanced ? 'advanced' : 'discarded', advanced
          ? { rule: 'R6.1', values: { ts: event.ts }, reason: `took the event at ${event.ts} and went on as a new partial match` }
          : { rule: 'R6.1', values: { ts: event.ts }, reason: `discarded: the event at ${event.ts} breaks strict contiguity (next / consecutive)` });
      }
    }
    // The start state is always there: every event may begin a new partial match.
    const fresh: NfaRun = { id: -1, parent: -1, stage: 0, count: 0, events: [], stages: [] };
    for (const s of this.step(fresh, event, false, matches)) if (keep(s)) this.listener.born(s);
    this.runs = next;
    let isPruned: ((run: NfaRun) => boolean) | undefined;
    for (const match of matches) {
      if (isPruned?.(match)) continue;
      this.listener.born(match);
      this.listener.matched(match);
      const last = match.events.at(-1)!.ts;
      this.listener.ended(match, 'matched', { rule: 'R6.5', values: { ts: last }, reason: `matched: the last stage took the event at ${last}` });
      isPruned = this.skip(match) ?? isPruned;
    }
  }

  /** After-match skip strategy: prunes partial matches (and later matches of this event) by where they started. */
  private skip(match: NfaRun): ((run: NfaRun) => boolean) | undefined {
    const skip = this.spec.skip;
    if (skip.type === 'noSkip') return undefined;
    let pruneUpTo: number;
    let isInclusive = true;
    if (skip.type === 'skipToNext') pruneUpTo = match.events[0].seq;
    else if (skip.type === 'skipPastLastEvent') pruneUpTo = match.events.at(-1)!.seq;
    else {
      const stage = this.spec.stages.findIndex((s) => s.name === skip.stage);
      const at = match.stages.flatMap((s, i) => (s === stage ? [i] : []));
      if (at.length === 0) return undefined;
      pruneUpTo = match.events[skip.type === 'skipToFirst' ? at[0] : at.at(-1)!].seq;
      isInclusive = false;
    }
    const isPrunable = (run: NfaRun) => (isInclusive ? run.events[0].seq <= pruneUpTo : run.events[0].seq < pruneUpTo);
    this.runs = this.runs.filter((run) => {
      if (!isPrunable(run)) return true;
      this.listener.ended(run, 'skipped', { rule: 'R6.2', values: { strategy: skip.type }, reason: `discarded by the after-match skip strategy ${skip.type} after the match ending at ${match.events.at(-1)!.ts}` });
      return false;
    });
    return isPrunable;
  }

  /** The successors of one run for one event (the run itself when it ignores the event). */
  private step(run: NfaRun, event: NfaEvent, canIgnore: boolean, matches: NfaRun[]): NfaRun[] {
    const { stages } = this.spec;
    const stage = stages[run.stage];
    const isMatch = event.value === stage.value;
    const out: NfaRun[] = [];
    if (run.count < stage.max && isMatch) out.push(...this.take(run, event, matches));
    if (canIgnore && this.mayIgnore(stage, run.count, isMatch)) out.push(run);
    if (run.count >= stage.min && run.stage + 1 < stages.length) {
      // PROCEED: the stage has enough; the event may be the next stage's (ignored there only if the run has begun).
      // A run that proceeds and then waits at the next stage is a new partial match, so it gets its own id (its
      // parent stays this run); runs that take the event already get one in take().
      const proceeded: NfaRun = { ...run, stage: run.stage + 1, count: 0 };
      for (const s of this.step(proceeded, event, run.events.length > 0, matches)) {
        out.push(s === proceeded ? { ...s, id: this.nextId(), parent: run.id } : s);
      }
    }
    return out;
  }

  private mayIgnore(stage: CepStage, count: number, isMatch: boolean): boolean {
    const how = count === 0 ? stage.contiguity : stage.inner;
    if (how === 'next' || how === 'consecutive') return false;
    if (how === 'followedBy' || how === 'relaxed') return !isMatch;
    return true;
  }

  private take(run: NfaRun, event: NfaEvent, matches: NfaRun[]): NfaRun[] {
    const { stages } = this.spec;
    const taken: NfaRun = {
      id: this.nextId(), parent: run.id, stage: run.stage, count: run.count + 1,
      events: [...run.events, event], stages: [...run.stages, run.stage],
    };
    const stage = stages[run.stage];
    const canFinish = taken.count >= stage.min && stages.slice(run.stage + 1).every((s) => s.min === 0);
    if (canFinish) matches.push({ ...taken, id: this.nextId() });
    if (taken.count < stage.max) return [taken];
    if (run.stage + 1 < stages.length) return [{ ...taken, stage: run.stage + 1, count: 0 }];
    return [];
  }
}
