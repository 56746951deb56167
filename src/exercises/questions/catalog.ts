// The questions an exercise can ask about a run. Each is implemented once, on top of the run view, and returns
// the reference answer plus, for every item, a sentence saying why (the grader's specific feedback).
import type { ScenarioChange } from '../runExercise.ts';
import type { RunView } from '../runView.ts';
import { assignment } from './assignment.ts';
import { capabilityQuestions } from './capabilities.ts';
import { compareQuestions, type CompareSpec } from './compare.ts';
import { engineChoices } from './engineChoices.ts';
import { kafkaStreams } from './kafkaStreams.ts';
import { microBatches } from './microBatches.ts';
import { panes } from './panes.ts';
import { records } from './records.ts';
import { runtime } from './runtime.ts';
import { stormAcking } from './stormAcking.ts';
import { stormGroupings } from './stormGroupings.ts';
import { sparkQueries } from './sparkQueries.ts';
import { tuning } from './tuning.ts';
import { windowTypeQuestions } from './windowTypes.ts';
import { windows } from './windows.ts';

/** A question as an exercise names it: `question: { name: fired-windows, after: e5 }`. */
export interface QuestionRef {
  name: string;
  /** A window label, e.g. "[10,20)" (with the key first when there are several keys: "a [10,20)"). */
  window?: string;
  /** A record label, e.g. "e3". */
  record?: string;
  /** Ask about the state after this record was processed, instead of at the end of the run. */
  after?: string;
  /** A requirement card of the course capability matrix (questions/capabilities.ts). */
  card?: string;
  /** A second run of the same input to compare with (questions/compare.ts). */
  compare?: CompareSpec;
}

export type QuestionParam = 'window' | 'record' | 'after' | 'card' | 'compare';

/** Runs the same variant again with a change to its scenario JSON (questions that compare runs use it). */
export type Rerun = (change: ScenarioChange) => RunView;

/** A choice shown to the learner, with the run's reason for it being in or out of the answer. */
export interface Option {
  id: string;
  label: string;
  why: string;
  /** Places the choice in a grid of rows × columns (questions/grid.ts); the widget then draws a table. */
  cell?: { row: string; column: string; rowDetail?: string };
}

interface Base { summary: string; needs: QuestionParam[]; allows?: QuestionParam[] }
export interface SetQuestion extends Base {
  shape: 'set';
  options: (view: RunView, ref: QuestionRef, rerun: Rerun) => Option[];
  answer: (view: RunView, ref: QuestionRef, rerun: Rerun) => string[];
  /** Replaces the grader's feedback on a wrong answer (grid questions name each row's mistakes). */
  feedback?: (options: Option[], answer: string[], expected: string[]) => string;
}
export interface NumberQuestion extends Base {
  shape: 'number';
  /** Time answers are in ms and shown in the exercise's unit; counts are plain numbers. */
  dimension: 'time' | 'count';
  /** The answer is one number per window ({"[0,10)": 3}) rather than a single number. */
  isPerWindow?: boolean;
  answer: (view: RunView, ref: QuestionRef) => number | Record<string, number>;
  /** One sentence from the run that explains the reference answer (shown after a wrong answer). */
  explain: (view: RunView, ref: QuestionRef) => string;
}
export interface SequenceQuestion extends Base {
  shape: 'sequence';
  /** The items in the order the run produced them. */
  answer: (view: RunView, ref: QuestionRef) => Option[];
}
export type Question = SetQuestion | NumberQuestion | SequenceQuestion;

export const QUESTIONS: Record<string, Question> = { ...records, ...assignment, ...windows, ...panes, ...tuning, ...runtime, ...capabilityQuestions, ...compareQuestions, ...windowTypeQuestions, ...stormAcking, ...stormGroupings, ...kafkaStreams, ...sparkQueries, ...microBatches, ...engineChoices };

export function findQuestion(name: string): Question | undefined {
  return Object.hasOwn(QUESTIONS, name) ? QUESTIONS[name] : undefined;
}
