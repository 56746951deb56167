// PREDICT: before playback the learner says which windows fire, how often, with what value and timing (and,
// if asked, after which record). After the run, panes are compared window by window, pane by pane.
import * as v from 'valibot';
import { formatSeconds, whenText, type PaneRow } from '../runView.ts';
import type { ItemVerdict, PanePrediction } from '../types.ts';
import { plural, type Grader, type GradingRun } from './grader.ts';

const resultPanes = (run: GradingRun): PaneRow[] => run.view.panes.filter((p) => !p.isRetraction);

/** The windows a learner can predict for: every window of the run, in order of end. */
export const predictableWindows = (run: GradingRun): string[] => run.view.windows.map((w) => w.id);

function describe(pane: PaneRow | PanePrediction): string {
  return `${String(pane.value)}${pane.timing ? ` ${pane.timing}` : ''}${pane.after ? ` ${whenText(pane.after)}` : ''}`;
}

function comparePane(actual: PaneRow, predicted: PanePrediction, gradeWhen: boolean): string | undefined {
  if (String(actual.value) !== String(predicted.value)) return `value ${String(actual.value)}, you said ${String(predicted.value)}`;
  if (actual.timing && predicted.timing !== actual.timing) return `fired ${actual.timing}, you said ${predicted.timing ?? 'no timing'}`;
  if (gradeWhen && predicted.after !== actual.after) return `fired ${whenText(actual.after)}, you said ${predicted.after ? whenText(predicted.after) : 'nothing'}`;
  return undefined;
}

export const predictGrader: Grader<'predict'> = {
  answer: v.array(v.strictObject({
    window: v.string(),
    value: v.union([v.number(), v.string()]),
    timing: v.optional(v.string()),
    after: v.optional(v.string()),
  }), 'a JSON array of panes: [{"window": "[0,10)", "value": 3, "timing": "ON_TIME", "after": "e5"}]'),
  blank: () => [],
  solve: (exercise, run) => resultPanes(run).map((p) => ({
    window: p.window, value: typeof p.value === 'number' || typeof p.value === 'string' ? p.value : JSON.stringify(p.value),
    ...(p.timing ? { timing: p.timing } : {}), ...(exercise.gradeWhen ? { after: p.after } : {}),
  })),
  grade(exercise, answer, run) {
    const actual = resultPanes(run);
    const windows = [...new Set([...predictableWindows(run), ...answer.map((p) => p.window)])];
    const items: ItemVerdict[] = windows.map((window) => {
      const fired = actual.filter((p) => p.window === window);
      const said = answer.filter((p) => p.window === window);
      if (fired.length === 0 && said.length === 0) return { id: window, correct: true, text: `${window} did not fire, as you said` };
      if (fired.length === 0) return { id: window, correct: false, text: `${window} did not fire: the watermark ended at ${formatSeconds(run.view.finalWatermark)} s; you predicted ${plural(said.length, 'result')}` };
      if (said.length !== fired.length) {
        return { id: window, correct: false, text: `${window} fired ${fired.length === 1 ? 'once' : `${fired.length} times`} (${fired.map(describe).join(', then ')}); you predicted ${plural(said.length, 'result')}` };
      }
      const problems = fired.map((pane, i) => comparePane(pane, said[i], exercise.gradeWhen)).map((p, i) => (p ? `${fired.length > 1 ? `result ${i + 1}: ` : ''}${p}` : p)).filter(Boolean);
      if (problems.length === 0) return { id: window, correct: true, text: `${window} fired ${fired.map(describe).join(', then ')}, as you said` };
      return { id: window, correct: false, text: `${window}: ${problems.join('; ')}` };
    });
    const wrong = items.filter((item) => !item.correct);
    if (wrong.length === 0) return { correct: true, feedback: `Right: every window behaved as you predicted (${plural(actual.length, 'result')}).`, items };
    return { correct: false, feedback: `${wrong.map((item) => item.text).join('. ')}.`, items };
  },
};
