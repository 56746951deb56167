// The sandbox's state and its runs: configuration A always, B when comparing, over one shared input. Opening a
// link restores its state or, if the link is bad, says why and opens the default sandbox.
import { addEvent, applyFailure, configurationOf, moveEvent, patternKind, removeEvent, removeFailure, scenarioFor, type FailureTarget, type SandboxState } from './sandboxState.ts';
import { shareableQuery, type Decoded } from './shareLink.ts';
import { DEFAULT_PRESET } from './presets.ts';
import type { RawScenario } from '../sim/controls.ts';
import type { PlotEdits } from '../sim/plotEdits.ts';
import { describeIntervention, type Intervention } from '../runtime/interventions.ts';

export class Sandbox {
  state = $state.raw<SandboxState>({ scenario: DEFAULT_PRESET.scenario, atMs: 0 });
  /** Why the link or the imported file was not used (shown until the next change). */
  notice = $state<string>();
  /** While comparing, which configuration a failure picked in a dataflow view goes to. */
  failureTarget = $state<FailureTarget>('both');
  /** What became of the last failure picked or removed. */
  failureNote = $state('');

  constructor(decoded: Decoded) {
    if (decoded.ok === true) this.state = decoded.state;
    else if (decoded.ok === false) this.notice = `This sandbox link could not be opened: ${decoded.error}. The default sandbox is shown instead.`;
  }

  get a(): RawScenario { return scenarioFor(this.state, 'a'); }
  /** B, when comparing a windowed pipeline (join and CEP scenarios have no configuration to compare). */
  get b(): RawScenario | undefined { return this.state.compare && !patternKind(this.state.scenario) ? scenarioFor(this.state, 'b') : undefined; }

  setScenario(scenario: RawScenario): void {
    this.state = { ...this.state, scenario };
  }

  /** B's controls edit a whole scenario; only its configuration is kept (the input stays shared). */
  setB(scenario: RawScenario): void {
    this.state = { ...this.state, compare: configurationOf(scenario) };
  }

  setCompare(isComparing: boolean): void {
    this.state = { ...this.state, compare: isComparing ? configurationOf(this.state.scenario) : undefined };
  }

  load(scenario: RawScenario): void {
    this.notice = undefined;
    this.state = { scenario, compare: this.state.compare ? configurationOf(scenario) : undefined, atMs: 0 };
  }

  linkQuery(atMs: number): ReturnType<typeof shareableQuery> {
    return shareableQuery({ ...this.state, atMs });
  }

  /** A crash or GC pause picked in a dataflow view becomes a failure in the chosen scenarios (data); they re-run. */
  intervene(intervention: Intervention): void {
    const { state, refused } = applyFailure(this.state, intervention, this.failureTarget);
    this.state = state;
    const what = describeIntervention(intervention);
    const applied = this.b ? (['a', 'b'] as const).filter((side) => (this.failureTarget === 'both' || this.failureTarget === side) && !refused.some((r) => r.side === side)) : ['a'];
    this.failureNote = [
      applied.length > 0 ? `Scheduled a ${what} in ${this.b ? applied.map((side) => side.toUpperCase()).join(' and ') : 'the job'}.` : '',
      ...refused.map((r) => `${r.side.toUpperCase()} cannot take it: ${r.error}.`),
    ].filter(Boolean).join(' ');
  }

  removeFailure(side: 'a' | 'b', index: number): void {
    this.state = removeFailure(this.state, side, index);
    this.failureNote = `Removed; ${side === 'a' && !this.b ? 'the job' : side.toUpperCase()} ran again without it.`;
  }

  readonly edits: PlotEdits = {
    move: (step, to) => this.setScenario(moveEvent(this.state.scenario, step, to)),
    remove: (step) => this.setScenario(removeEvent(this.state.scenario, step)),
    add: (at) => this.setScenario(addEvent(this.state.scenario, at)),
  };
}
