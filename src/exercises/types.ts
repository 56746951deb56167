// The exercise engine's types, declared once: exercise definitions per kind, the learner's answer per kind,
// and the verdict a grader returns. Prose (prompt, hints, explanation) stays in the lesson's Markdown.
import type { ExerciseKind } from '../lessons/types.ts';
import type { Predicate } from './predicates.ts';
import type { QuestionRef } from './questions/catalog.ts';
import type { SettingName } from './settings.ts';
import type { VarySpec } from './variant.ts';

export type { ExerciseKind };
export type MisconceptionId = `M${number}`;

/** What every kind shares: where it lives, its prose, its scenario and how its variants vary. */
export interface ExerciseBase {
  /** Course-wide id: `<lesson-id>/<exercise-id>`. */
  id: string;
  lessonId: string;
  misconceptions: MisconceptionId[];
  seeded: boolean;
  /** The scenario JSON as the lesson wrote it (seed 1 runs exactly this). */
  scenario: unknown;
  scenarioName: string;
  vary: VarySpec;
  /** Misconceptions whose wrong rule the grader tries on a wrong answer. */
  wrongRules: MisconceptionId[];
  /** Pipeline settings the card shows above the input, read from the variant's scenario. */
  show: SettingName[];
  prompt: string;
  hints: string[];
  explanation: string;
}

export interface SelectExercise extends ExerciseBase { kind: 'select'; question: QuestionRef }
export interface NumExercise extends ExerciseBase {
  kind: 'num';
  question: QuestionRef;
  /** Accepted distance from the reference, in `unit`. */
  tolerance: number;
  /** Time questions: ms | s | min; counts: a free label such as "results". */
  unit: string;
}
export interface OrderExercise extends ExerciseBase { kind: 'order'; question: QuestionRef }
/** Place one value on a time axis; the grader inserts it into the scenario and checks the goal. */
export interface DragExercise extends ExerciseBase {
  kind: 'drag';
  place: { what: 'watermark' } | { what: 'event'; key: string; value: number; arrivalMs: number };
  axis: { fromMs: number; toMs: number; stepMs: number };
  goal: Predicate[];
}
export interface ParamSpec {
  /** Dotted path into the scenario JSON, e.g. `pipeline.watermark.delay`. */
  path: string;
  label: string;
  min: number;
  max: number;
  step: number;
  unit: string;
}
export interface ParamExercise extends ExerciseBase { kind: 'param'; params: Record<string, ParamSpec>; goal: Predicate[] }
export interface PredictExercise extends ExerciseBase {
  kind: 'predict';
  /** Also grade after which record each pane fires. */
  gradeWhen: boolean;
}
/** Code exercises arrive with lesson L11 (hidden property tests); the kind exists so lessons can name it. */
export interface CodeExercise extends ExerciseBase { kind: 'code'; entry: string }

export type Exercise = SelectExercise | NumExercise | OrderExercise | DragExercise | ParamExercise | PredictExercise | CodeExercise;
export type ExerciseOf<K extends ExerciseKind> = Extract<Exercise, { kind: K }>;

/** A predicted pane: which window, its value and timing, and (optionally) after which record it fires. */
export interface PanePrediction { window: string; value: number | string; timing?: string; after?: string }

/** The learner's answer for each kind. */
export interface AnswerByKind {
  select: string[];
  num: number | Record<string, number>;
  order: string[];
  drag: number;
  param: Record<string, number>;
  predict: PanePrediction[];
  code: string;
}
export type AnswerOf<K extends ExerciseKind> = AnswerByKind[K];

/** One item's verdict, e.g. a window in a PREDICT answer or a record in a SELECT answer. */
export interface ItemVerdict { id: string; correct: boolean; text: string }

export interface Verdict {
  correct: boolean;
  feedback: string;
  items?: ItemVerdict[];
  misconception: MisconceptionId | null;
  /** The targeted hint for `misconception`. */
  misconceptionHint?: string;
}
