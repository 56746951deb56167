// Window assignment for every record at once: a grid of records × windows in which the learner marks each window a
// record belongs to. The answer is the simulator's own assignment (windowsOfRecord), so a sliding, session or
// tumbling scenario and every variant of it are graded the same way.
import { formatSeconds, windowsOfRecord, type RecordRow, type RunView, type WindowRow } from '../runView.ts';
import type { Option, SetQuestion } from './catalog.ts';
import { cellId, gridFeedback } from './grid.ts';

const rowLabel = (record: RecordRow) => `${record.id} (${formatSeconds(record.ts)} s)`;

/** Why a record is or is not in a window, in terms of the window's bounds (start included, end excluded). */
function placement(record: RecordRow, window: WindowRow, isInside: boolean): string {
  const t = `${formatSeconds(record.ts)} s`;
  if (isInside) return `${window.id} holds ${t}`;
  if (record.key !== window.key) return `${window.id} is another key's window`;
  if (record.ts < window.start) return `${window.id} starts after ${t}`;
  return record.ts === window.end ? `${window.id} ends at ${t} and excludes its end` : `${window.id} ends before ${t}`;
}

function cells(view: RunView): { option: Option; isInside: boolean }[] {
  return view.records.flatMap((record) => {
    const inside = windowsOfRecord(view, record);
    return view.windows.map((window) => {
      const isInside = inside.includes(window.id);
      const option: Option = {
        id: cellId(record.id, window.id),
        label: `${record.id} in ${window.id}`,
        why: placement(record, window, isInside),
        cell: { row: rowLabel(record), column: window.id },
      };
      return { option, isInside };
    });
  });
}

const windowsOfEveryRecord: SetQuestion = {
  shape: 'set',
  summary: 'every window each record belongs to, as a grid of records × windows',
  needs: [],
  options: (view) => cells(view).map((c) => c.option),
  answer: (view) => cells(view).filter((c) => c.isInside).map((c) => c.option.id),
  feedback: (options, answer, expected) => gridFeedback(options, answer, expected, 'records'),
};

export const assignment = { 'windows-of-every-record': windowsOfEveryRecord };
