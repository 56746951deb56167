// Questions about individual records: which were dropped, which windows a record belongs to.
import { dropReason, findRecord, formatSeconds, windowsOfRecord, type RecordRow, type RunView } from '../runView.ts';
import type { NumberQuestion, Option, SetQuestion } from './catalog.ts';

const describe = (record: RecordRow) => `${record.id} (event time ${formatSeconds(record.ts)} s, arrived at ${formatSeconds(record.arrivalMs)} s)`;

function recordOptions(view: RunView): Option[] {
  return view.records.map((record) => {
    const windows = windowsOfRecord(view, record);
    const why = record.isDropped
      ? `${record.id} was dropped: ${dropReason(view, record)}`
      : `${record.id} was kept: it counted in ${windows.join(', ') || 'its window'}`;
    return { id: record.id, label: describe(record), why };
  });
}

const droppedRecords: SetQuestion = {
  shape: 'set',
  summary: 'the records dropped as late from every window they belong to',
  needs: [],
  options: recordOptions,
  answer: (view) => view.records.filter((r) => r.isDropped).map((r) => r.id),
};

const droppedCount: NumberQuestion = {
  shape: 'number',
  summary: 'how many records were dropped as late',
  needs: [],
  dimension: 'count',
  answer: (view) => view.records.filter((r) => r.isDropped).length,
  explain: (view) => {
    const dropped = view.records.filter((r) => r.isDropped);
    return dropped.length === 0 ? 'No record was dropped.' : dropped.map((r) => `${r.id} was dropped: ${dropReason(view, r)}`).join(' ');
  },
};

const windowsOfRecordQuestion: SetQuestion = {
  shape: 'set',
  summary: 'the windows one record belongs to',
  needs: ['record'],
  options: (view, ref) => {
    const record = findRecord(view, ref.record!);
    const inside = windowsOfRecord(view, record);
    return view.windows.map((w) => ({
      id: w.id,
      label: w.id,
      why: inside.includes(w.id) ? `${describe(record)} falls in ${w.id}` : `${record.id} at ${formatSeconds(record.ts)} s lies outside ${w.id}`,
    }));
  },
  answer: (view, ref) => windowsOfRecord(view, findRecord(view, ref.record!)),
};

const windowsPerRecord: NumberQuestion = {
  shape: 'number',
  summary: 'how many windows one record belongs to',
  needs: ['record'],
  dimension: 'count',
  answer: (view, ref) => windowsOfRecord(view, findRecord(view, ref.record!)).length,
  explain: (view, ref) => {
    const record = findRecord(view, ref.record!);
    return `${describe(record)} belongs to ${windowsOfRecord(view, record).join(', ')}.`;
  },
};

export const records = {
  'dropped-records': droppedRecords,
  'dropped-count': droppedCount,
  'windows-of-record': windowsOfRecordQuestion,
  'windows-per-record': windowsPerRecord,
};
