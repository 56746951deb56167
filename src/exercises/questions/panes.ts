// Questions about the output stream as a whole: the panes in the order they were emitted.
import { whenText, type PaneRow, type RunView } from '../runView.ts';
import type { Option, SequenceQuestion } from './catalog.ts';

export function paneLabel(pane: PaneRow): string {
  return `${pane.window} = ${String(pane.value)}${pane.timing ? ` (${pane.timing})` : ''}`;
}

/** Every result pane (retractions left out) as an option; equal labels get a suffix so ids stay unique. */
export function paneOptions(view: RunView): Option[] {
  const seen = new Map<string, number>();
  return view.panes.filter((p) => !p.isRetraction).map((pane) => {
    const label = paneLabel(pane);
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return { id: n === 1 ? label : `${label} #${n}`, label, why: `${label} was emitted ${whenText(pane.after)}` };
  });
}

const emittedPanes: SequenceQuestion = {
  shape: 'sequence',
  summary: 'the results in the order they were emitted',
  needs: [],
  answer: paneOptions,
};

export const panes = { 'emitted-panes': emittedPanes };
