// The sandbox's state and its runs: configuration A always, B when comparing, over one shared input. Opening a
// link restores its state or, if the link is bad, says why and opens the default sandbox.
import { addEvent, configurationOf, moveEvent, patternKind, removeEvent, scenarioFor, type SandboxState } from './sandboxState.ts';
import { encodeState, type Decoded } from './shareLink.ts';
import { DEFAULT_PRESET } from './presets.ts';
import type { RawScenario } from '../sim/controls.ts';
import type { PlotEdits } from '../sim/plotEdits.ts';
import { addIntervention, type Intervention } from '../runtime/interventions.ts';

export class Sandbox {
  state = $state.raw<SandboxState>({ scenario: DEFAULT_PRESET.scenario, atMs: 0 });
  /** Why the link or the imported file was not used (shown until the next change). */
  notice = $state<string>();

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

  linkQuery(atMs: number): Promise<string> {
    return encodeState({ ...this.state, atMs });
  }

  /** A crash or GC pause picked in the dataflow view becomes a failure in the scenario (data), and A re-runs. */
  intervene(intervention: Intervention): void {
    this.setScenario(addIntervention(this.state.scenario, intervention));
  }

  readonly edits: PlotEdits = {
    move: (step, to) => this.setScenario(moveEvent(this.state.scenario, step, to)),
    remove: (step) => this.setScenario(removeEvent(this.state.scenario, step)),
    add: (at) => this.setScenario(addEvent(this.state.scenario, at)),
  };
}
