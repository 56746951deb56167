// Sentences about trace rows, shared by the details panel, the output table, the event log and its live region.
// The "why?" text is the simulator's own (Decision.reason, rule, values): views explain, they never re-decide.
import type { Decision, DropEvent, PaneEvent, PaneValue, Timing, Trace } from '../../sim/index.ts';
import { formatMs, formatWindow, type WindowBounds } from './time.ts';

export const TIMING_WORDS: Record<Timing, string> = { EARLY: 'early', ON_TIME: 'on time', LATE: 'late' };

export function formatValue(value: PaneValue): string {
  if (value === null) return 'nothing (tombstone)';
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  return typeof value === 'number' ? String(Number(value.toFixed(6))) : JSON.stringify(value);
}

/** "window [0 s, 10 s) of key k fired on time: count 3"; `bounds` as the engine writes its windows. */
export function describePane(pane: PaneEvent, aggregate = 'value', bounds?: WindowBounds): string {
  const timing = pane.timing ? ` ${TIMING_WORDS[pane.timing]}` : '';
  const what = pane.retract ? `retracted ${aggregate} ${formatValue(pane.value)}` : `${aggregate} ${formatValue(pane.value)}`;
  return `window ${formatWindow(pane.start, pane.end, bounds)}${keyPart(pane.key)} fired${timing}: ${what}`;
}

/** "record k@3 s dropped from window [0 s, 10 s) (to the late output)". */
export function describeDrop(drop: DropEvent, bounds?: WindowBounds): string {
  const where = drop.start !== undefined ? ` from window ${formatWindow(drop.start, drop.end, bounds)}` : '';
  return `record${keyPart(drop.key)} at event time ${formatMs(drop.ts)} dropped as late${where}${drop.toSideOutput ? ' (sent to the late output)' : ''}`;
}

export function describeRecord(trace: Trace, index: number): string {
  const { records, keys } = trace;
  return `record${keyPart(keys[records.keyId[index]])}, value ${formatValue(records.value[index])}, event time ${formatMs(records.ts[index])}, arrived at ${formatMs(records.procTimeMs[index])}`;
}

/** The rule and the values that decided, one "name = value" pair each, in the simulator's order. */
export function decisionValues(decision: Decision): { name: string; value: string }[] {
  return Object.entries(decision.values).map(([name, value]) => ({
    name,
    value: typeof value === 'number' ? formatNumberish(name, value) : String(value),
  }));
}

function formatNumberish(name: string, value: number): string {
  // Values named like times read as times; counts stay bare numbers.
  return /ms$|time|wm|watermark|start|end|ts|lateness|grace|delay/i.test(name) ? formatMs(value) : String(value);
}

function keyPart(key: string): string {
  return key === '' ? '' : ` of key ${key}`;
}
