// Goals that PARAM and DRAG exercises check on the learner's run, e.g. "nothing dropped and [0,10)'s first result
// at most 3 s after its end". Each check reports what the run did, so a failed goal explains itself.
import { dropReason, findRecord, formatSeconds, whenText, windowsOfRecord, type RunView } from './runView.ts';
import { watermarkAfterStep } from './questions/windows.ts';

export type Predicate =
  | { is: 'nothing-dropped' }
  | { is: 'fired'; window: string }
  | { is: 'not-fired'; window: string }
  | { is: 'first-result-within'; window: string; withinMs: number }
  | { is: 'counted'; record: string }
  | { is: 'dropped'; record: string };

export interface PredicateCheck { holds: boolean; text: string }

const firstResult = (view: RunView, window: string) => view.panes.find((p) => p.window === window && !p.isRetraction);

function notFiredText(view: RunView, window: string): string {
  return `${window} did not fire: the watermark reached only ${formatSeconds(view.finalWatermark)} s`;
}

export function checkPredicate(view: RunView, predicate: Predicate): PredicateCheck {
  switch (predicate.is) {
    case 'nothing-dropped': {
      const dropped = view.records.filter((r) => r.isDropped);
      if (dropped.length === 0) return { holds: true, text: 'no record was dropped' };
      const reason = dropReason(view, dropped[0]);
      return { holds: false, text: `${dropped.map((r) => r.id).join(', ')} ${dropped.length === 1 ? 'was' : 'were'} dropped (${dropped[0].id}: ${reason})` };
    }
    case 'fired':
    case 'not-fired': {
      const first = firstResult(view, predicate.window);
      const text = first ? `${predicate.window} fired ${whenText(first.after)}: ${first.reason}` : notFiredText(view, predicate.window);
      return { holds: Boolean(first) === (predicate.is === 'fired'), text };
    }
    case 'first-result-within': {
      const first = firstResult(view, predicate.window);
      const end = view.windows.find((w) => w.id === predicate.window)?.end;
      if (!first || end === undefined) return { holds: false, text: notFiredText(view, predicate.window) };
      const delayMs = first.procTimeMs - end;
      const when = `${predicate.window}'s first result came at ${formatSeconds(first.procTimeMs)} s, ${formatSeconds(delayMs)} s after the window's end`;
      return { holds: delayMs <= predicate.withinMs, text: `${when} (the goal is at most ${formatSeconds(predicate.withinMs)} s)` };
    }
    case 'counted':
    case 'dropped': {
      const record = findRecord(view, predicate.record);
      const text = record.isDropped
        ? `${record.id} was dropped: ${dropReason(view, record)}`
        : `${record.id} counted in ${windowsOfRecord(view, record).join(', ') || 'its window'} (the watermark is ${formatSeconds(watermarkAfterStep(view, record.step))} s after it)`;
      return { holds: record.isDropped === (predicate.is === 'dropped'), text };
    }
  }
}

export function checkGoal(view: RunView, goal: Predicate[]): { holds: boolean; checks: PredicateCheck[] } {
  const checks = goal.map((p) => checkPredicate(view, p));
  return { holds: checks.every((c) => c.holds), checks };
}
