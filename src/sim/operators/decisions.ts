// The "why?" of the Flink/Beam window operator: the rule, the values it compared and one sentence, for every drop
// and firing (views show the sentence; graders read the values).
import type { FiringCause } from '../profiles/eventTimeRules.ts';
import { inMs, type DropInput } from '../trace/recorder.ts';
import type { Decision, Value } from '../types.ts';
import type { EventTimeOperator } from './eventTimeOperator.ts';
import { windowLabel, type Win } from './window.ts';

export function dropDecision(op: EventTimeOperator, record: number, keyId: number, ts: number, value: Value, start: number, end: number, maxTs: number, isLate: boolean): DropInput {
  const L = op.pipeline.allowedLateness;
  const label = windowLabel({ start, end });
  const decision: Decision = isLate
    ? {
        rule: op.rules.lateRule,
        values: { maxTs, allowedLateness: L, watermark: op.wm },
        reason: inMs(`late: window ${label} maxTs ${maxTs} + allowed lateness ${L} = ${maxTs + L} ${op.rules.profile === 'flink' ? '≤' : '<'} watermark ${op.wm}`),
      }
    : { rule: 'R4.8', values: { watermark: op.wm }, reason: inMs(`late: the trigger of window ${label} has finished (closed window)`) };
  const bounds = Number.isNaN(start) ? {} : { start, end };
  return { record, keyId, ts, value, ...bounds, toSideOutput: op.pipeline.lateOutput, decision };
}

export function firingDecision(op: EventTimeOperator, win: Win, cause: FiringCause, timing: string): Decision {
  const decision = firingRule(op, win, cause, timing);
  return { ...decision, reason: inMs(decision.reason) };
}

function firingRule(op: EventTimeOperator, win: Win, cause: FiringCause, timing: string): Decision {
  const sign = op.rules.dueSign;
  const label = windowLabel(win);
  switch (cause) {
    case 'end-of-window':
      return op.isProcessingTime
        ? { rule: 'R1.4', values: { procTimeMs: op.clock.nowMs, maxTs: win.maxTs }, reason: `fired ${timing}: processing time ${op.clock.nowMs} reached the end of ${label}` }
        : { rule: op.rules.dueRule, values: { watermark: op.wm, maxTs: win.maxTs }, reason: `fired ${timing}: watermark ${op.wm} ${sign} maxTs ${win.maxTs} of ${label}` };
    case 'late-element':
      return { rule: op.rules.profile === 'flink' ? 'R4.2' : 'R4.9', values: { watermark: op.wm, maxTs: win.maxTs }, reason: `fired ${timing}: an element arrived for ${label} after the watermark ${op.wm} passed its maxTs ${win.maxTs}, within allowed lateness` };
    case 'garbage-collection':
      return { rule: 'R4.14', values: { watermark: op.wm, gcTime: win.cleanupTs }, reason: `fired ${timing}: final pane at garbage collection, watermark ${op.wm} > ${win.cleanupTs}` };
    case 'trigger':
      return { rule: op.rules.profile === 'flink' ? 'R4.5' : 'R4.9', values: { trigger: op.pipeline.trigger.type, watermark: op.wm }, reason: `fired ${timing}: the ${op.pipeline.window.type === 'count' ? 'count window' : op.pipeline.trigger.type} trigger fired for ${label}` };
  }
}

/** Decisions are only spelled out for traces; the untraced run shares this one. */
export const UNTRACED: Decision = { rule: '', values: {}, reason: '' };

export function ruleAndReason(given: string | (() => string)): { rule: string; reason: string } {
  const reason = typeof given === 'string' ? given : given();
  return { rule: reason.slice(0, reason.indexOf(':')), reason: inMs(reason) };
}
