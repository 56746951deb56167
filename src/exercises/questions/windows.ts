// Questions about windows: which fired, what they emitted, how often, and at which watermark.
import { findRecord, formatSeconds, whenText, type PaneRow, type RunView } from '../runView.ts';
import type { NumberQuestion, QuestionRef, SetQuestion } from './catalog.ts';

/** The last step a question looks at: after `ref.after`, or the whole run. */
function lastStep(view: RunView, ref: QuestionRef): number {
  return ref.after ? findRecord(view, ref.after).step : Infinity;
}

/** The operator's watermark once every input up to `step` has been handled (Kafka Streams: stream time). */
export function watermarkAfterStep(view: RunView, step: number): number {
  const wm = view.trace.watermarks;
  let value = -Infinity;
  for (let i = 0; i < wm.length && wm.step[i] <= step; i++) if (wm.scope[i] === -1) value = wm.value[i];
  return value;
}

const resultPanes = (view: RunView, window: string, step = Infinity): PaneRow[] =>
  view.panes.filter((p) => p.window === window && !p.isRetraction && p.step <= step);

const asNumber = (value: unknown): number => (typeof value === 'number' ? value : Number.NaN);

const firedWindows: SetQuestion = {
  shape: 'set',
  summary: 'the windows that have fired (at the end, or after a given record)',
  needs: [],
  allows: ['after'],
  options: (view, ref) => {
    const step = lastStep(view, ref);
    const watermark = formatSeconds(watermarkAfterStep(view, step));
    return view.windows.map((w) => {
      const [first] = resultPanes(view, w.id, step);
      const why = first
        ? `${w.id} fired ${whenText(first.after)}: ${first.reason}`
        : `${w.id} did not fire yet: the watermark is ${watermark} s`;
      return { id: w.id, label: w.id, why };
    });
  },
  answer: (view, ref) => view.windows.filter((w) => resultPanes(view, w.id, lastStep(view, ref)).length > 0).map((w) => w.id),
};

const windowCounts: NumberQuestion = {
  shape: 'number',
  summary: 'the last result of every window that fired (one number per window)',
  needs: [],
  dimension: 'count',
  isPerWindow: true,
  answer: (view) => {
    const counts: Record<string, number> = {};
    for (const pane of view.panes) if (!pane.isRetraction) counts[pane.window] = asNumber(pane.value);
    return counts;
  },
  explain: (view) => {
    const last = new Map<string, PaneRow>();
    for (const pane of view.panes) if (!pane.isRetraction) last.set(pane.window, pane);
    return [...last.values()].map((p) => `${p.window} last emitted ${String(p.value)} ${whenText(p.after)}.`).join(' ');
  },
};

const resultCountForWindow: NumberQuestion = {
  shape: 'number',
  summary: 'how many results one window emitted',
  needs: ['window'],
  dimension: 'count',
  answer: (view, ref) => resultPanes(view, ref.window!).length,
  explain: (view, ref) => {
    const panes = resultPanes(view, ref.window!);
    if (panes.length === 0) return `${ref.window} never fired: the watermark ended at ${formatSeconds(view.finalWatermark)} s.`;
    return panes.map((p) => `${p.window} emitted ${String(p.value)}${p.timing ? ` (${p.timing})` : ''} ${whenText(p.after)}.`).join(' ');
  },
};

const windowResult: NumberQuestion = {
  shape: 'number',
  summary: 'the last value one window emitted',
  needs: ['window'],
  dimension: 'count',
  answer: (view, ref) => asNumber(resultPanes(view, ref.window!).at(-1)?.value),
  explain: (view, ref) => {
    const last = resultPanes(view, ref.window!).at(-1);
    return last ? `${last.window} last emitted ${String(last.value)} ${whenText(last.after)}.` : `${ref.window} never fired.`;
  },
};

const firstFireWatermark: NumberQuestion = {
  shape: 'number',
  summary: "the operator's watermark when one window first fired",
  needs: ['window'],
  dimension: 'time',
  answer: (view, ref) => {
    const [first] = resultPanes(view, ref.window!);
    return first ? watermarkAfterStep(view, first.step) : Number.NaN;
  },
  explain: (view, ref) => {
    const [first] = resultPanes(view, ref.window!);
    return first ? `${first.window} first fired ${whenText(first.after)}: ${first.reason}` : `${ref.window} never fired.`;
  },
};

// Micro-batch and trigger lessons ask when a result became visible, which the watermark alone does not tell.
const firstResultTime: NumberQuestion = {
  shape: 'number',
  summary: 'the processing time at which one window first emitted a result',
  needs: ['window'],
  dimension: 'time',
  answer: (view, ref) => resultPanes(view, ref.window!)[0]?.procTimeMs ?? Number.NaN,
  explain: (view, ref) => {
    const [first] = resultPanes(view, ref.window!);
    return first ? `${first.window} first emitted ${String(first.value)} at ${formatSeconds(first.procTimeMs)} s of processing time: ${first.reason}` : `${ref.window} never fired.`;
  },
};

const finalWatermark: NumberQuestion = {
  shape: 'number',
  summary: "the operator's watermark at the end of the run (or after a given record)",
  needs: [],
  allows: ['after'],
  dimension: 'time',
  answer: (view, ref) => watermarkAfterStep(view, lastStep(view, ref)),
  explain: (view, ref) => `After ${ref.after ?? 'the last input'} the watermark is ${formatSeconds(watermarkAfterStep(view, lastStep(view, ref)))} s.`,
};

export const windows = {
  'fired-windows': firedWindows,
  'window-counts': windowCounts,
  'result-count-for-window': resultCountForWindow,
  'window-result': windowResult,
  'first-fire-watermark': firstFireWatermark,
  'first-result-time': firstResultTime,
  'watermark-after': finalWatermark,
};
