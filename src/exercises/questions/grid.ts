// Set questions laid out as a grid of rows × columns (records × windows, use cases × window types): each choice is
// one cell, and a wrong answer is explained row by row, naming the cells the row misses and the ones it has extra.
import type { Option } from './catalog.ts';

const listed = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

export const cellId = (row: string, column: string): string => `${row} ${column}`;

/**
 * Feedback for a wrong grid answer: one sentence per row with a mistake. Unlike a plain set question, the missing
 * cells of a row are named: a row is a small question of its own ("which windows hold e3?"), and the learner needs
 * to know which of its cells to look at again. A row with nothing ticked is only listed as not done, so an empty
 * grid does not come back filled in.
 */
export function gridFeedback(options: Option[], answer: string[], expected: string[], rowNoun: string): string {
  const rows = [...new Set(options.flatMap((o) => (o.cell ? [o.cell.row] : [])))];
  const sentences: string[] = [];
  const untouched: string[] = [];
  for (const row of rows) {
    const cells = options.filter((o) => o.cell?.row === row);
    const missing = cells.filter((o) => expected.includes(o.id) && !answer.includes(o.id));
    const extra = cells.filter((o) => answer.includes(o.id) && !expected.includes(o.id));
    if (missing.length === 0 && extra.length === 0) continue;
    if (!cells.some((o) => answer.includes(o.id))) {
      untouched.push(row);
      continue;
    }
    const parts: string[] = [];
    if (missing.length > 0) parts.push(`misses ${listed(missing.map((o) => o.cell!.column))}`);
    if (extra.length > 0) parts.push(`has ${listed(extra.map((o) => o.cell!.column))} extra (${extra.map((o) => o.why).join('; ')})`);
    sentences.push(`${row} ${parts.join(' and ')}.`);
  }
  const wrong = sentences.length + untouched.length;
  if (untouched.length > 0) sentences.push(`Nothing is ticked yet for ${listed(untouched)}.`);
  return `${wrong} of ${rows.length} ${rowNoun} ${wrong === 1 ? 'is' : 'are'} not right yet. ${sentences.join(' ')}`;
}
