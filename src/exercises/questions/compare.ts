// Questions that compare two runs of the same input: the scenario as written and a second run of it (a replay of
// the log at another speed, or a changed pipeline). "Which dashboards change on a replay?" is answered by running
// every dashboard on both and comparing what each shows at the end, never by an answer typed into the exercise.
import { setPath } from '../paths.ts';
import type { ScenarioChange } from '../runExercise.ts';
import { byWindowEnd, type RunView } from '../runView.ts';
import type { Option, QuestionRef, Rerun, SetQuestion } from './catalog.ts';

/** Scenario fields to set, by dotted path: `{ "pipeline.window.time": "processing" }`. */
export type FieldChanges = Record<string, unknown>;

export interface CompareSpec {
  /** How the first run is named in feedback (default "the scenario as written"). */
  label: string;
  /** The second run: the same events replayed from `atMs` at `speed` times their pace, and/or changed fields. */
  against: { label: string; replay?: { atMs: number; speed: number }; set: FieldChanges };
  /** The outputs compared, each a pipeline both runs go through (e.g. four dashboards). Absent: each window is one. */
  outputs?: Record<string, { label: string; set: FieldChanges }>;
}

/** What an output shows once the run is over: the last result of every window that fired. */
type Shown = Map<string, string>;

function shown(view: RunView): Shown {
  const last: Shown = new Map();
  for (const pane of view.panes) if (!pane.isRetraction) last.set(pane.window, String(pane.value));
  return last;
}

const describe = (results: Shown) => (results.size === 0 ? 'nothing' : [...results].map(([w, value]) => `${w} = ${value}`).join(', '));

const isSame = (a: Shown, b: Shown) => a.size === b.size && [...a].every(([w, value]) => b.get(w) === value);

function withFields(set: FieldChanges): ScenarioChange {
  return (scenario) => {
    const copy = structuredClone(scenario);
    for (const [path, value] of Object.entries(set)) setPath(copy, path, value);
    return copy;
  };
}

/** The same log read again: the first record arrives at `atMs`, the gaps between arrivals shrink `speed` times. */
export function replayChange(atMs: number, speed: number): ScenarioChange {
  return (scenario) => {
    const events = scenario.events as { arrivalMs: number }[] | undefined;
    if (!Array.isArray(events) || events.length === 0) throw new RangeError('a replay needs a scenario with listed events');
    const first = Math.min(...events.map((e) => e.arrivalMs));
    return { ...scenario, events: events.map((e) => ({ ...e, arrivalMs: atMs + Math.round((e.arrivalMs - first) / speed) })) };
  };
}

function againstChange(spec: CompareSpec): ScenarioChange {
  const { replay, set } = spec.against;
  const fields = withFields(set);
  return replay ? (scenario) => fields(replayChange(replay.atMs, replay.speed)(scenario)) : fields;
}

interface Difference { id: string; label: string; isChanged: boolean; why: string }

const cache = new WeakMap<RunView, { ref: QuestionRef; differences: Difference[] }>();

/** Every output with whether it differs between the two runs and what each run shows. */
function differences(view: RunView, ref: QuestionRef, rerun: Rerun): Difference[] {
  const cached = cache.get(view);
  if (cached?.ref === ref) return cached.differences;
  const spec = ref.compare!;
  const against = againstChange(spec);
  let result: Difference[];
  if (spec.outputs) {
    result = Object.entries(spec.outputs).map(([id, output]) => {
      const change = withFields(output.set);
      const [first, second] = [shown(rerun(change)), shown(rerun((s) => change(against(s))))];
      const isChanged = !isSame(first, second);
      const why = isChanged
        ? `${output.label} changes: ${spec.label} shows ${describe(first)}; ${spec.against.label} shows ${describe(second)}`
        : `${output.label} stays the same: both show ${describe(first)}`;
      return { id, label: output.label, isChanged, why };
    });
  } else {
    const other = rerun(against);
    const [first, second] = [shown(view), shown(other)];
    const windows = [...new Map([...view.windows, ...other.windows].map((w) => [w.id, w])).values()]
      .filter((w) => first.has(w.id) || second.has(w.id)).sort(byWindowEnd).map((w) => w.id);
    result = windows.map((w) => {
      const [a, b] = [first.get(w) ?? 'nothing', second.get(w) ?? 'nothing'];
      const isChanged = a !== b;
      const why = isChanged ? `${w} differs: ${a} in ${spec.label}, ${b} in ${spec.against.label}` : `${w} is ${a} in both runs`;
      return { id: w, label: w, isChanged, why };
    });
  }
  cache.set(view, { ref, differences: result });
  return result;
}

const changedOutputs: SetQuestion = {
  shape: 'set',
  summary: 'the outputs (named pipelines, or windows) whose final results differ between two runs of the input',
  needs: ['compare'],
  options: (view, ref, rerun): Option[] => differences(view, ref, rerun).map(({ id, label, why }) => ({ id, label, why })),
  answer: (view, ref, rerun) => differences(view, ref, rerun).filter((d) => d.isChanged).map((d) => d.id),
};

export const compareQuestions = { 'changed-outputs': changedOutputs };
