// What the event log's live region says: the sentences for what happened since the last announcement, folded into
// a summary when there are many, so a screen reader hears "window [0 s, 10 s) fired on time: count 3" when stepping
// and a digest while playing (the component announces at most once per ANNOUNCE_EVERY_MS of wall time).
import type { Trace, TraceState } from '../../sim/index.ts';
import { describeDrop, describePane } from './describe.ts';
import { outputRows } from './outputRows.ts';
import { formatMs, windowBoundsOf, type WindowBounds } from './time.ts';

export const ANNOUNCE_EVERY_MS = 2000;

export interface Heard { panes: number; drops: number }

export function announcement(trace: Trace, heard: Heard, now: TraceState, aggregate?: string, bounds: WindowBounds = windowBoundsOf(trace.profile)): string | undefined {
  if (now.panes < heard.panes || now.drops < heard.drops) return `Rewound to ${formatMs(now.procTimeMs)}.`;
  const newPanes = now.panes - heard.panes;
  const newDrops = now.drops - heard.drops;
  if (newPanes + newDrops === 0) return undefined;
  const latest = outputRows(trace, now, Math.min(newPanes + newDrops, 3)).rows;
  const sentences = latest.map((r) => (r.kind === 'pane' ? describePane(r.row, aggregate, bounds) : describeDrop(r.row, bounds)));
  if (newPanes + newDrops <= 3) return capitalise(sentences.join('. ')) + '.';
  const parts = [
    newPanes > 0 ? `${newPanes} ${newPanes === 1 ? 'pane' : 'panes'} fired` : '',
    newDrops > 0 ? `${newDrops} ${newDrops === 1 ? 'record' : 'records'} dropped as late` : '',
  ].filter(Boolean);
  return `${capitalise(parts.join(' and '))}. Latest: ${sentences.at(-1)}.`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
