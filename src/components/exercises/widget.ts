// What every answer widget receives: the exercise, the run it asks about, the current answer (undefined before
// the learner touches it) and a callback for a new answer. Widgets render; they never grade.
import type { GradingRun } from '../../exercises/graders/grader.ts';
import type { AnswerOf, Exercise, ExerciseKind, ExerciseOf } from '../../exercises/types.ts';

export interface WidgetProps<K extends ExerciseKind> {
  exercise: ExerciseOf<K>;
  run: GradingRun;
  answer: AnswerOf<K> | undefined;
  disabled: boolean;
  onchange: (answer: AnswerOf<K>) => void;
}

export const KIND_LABELS: Record<Exercise['kind'], string> = {
  select: 'Choose', num: 'Compute', order: 'Put in order', drag: 'Place on the axis', param: 'Tune the parameters',
  predict: 'Predict, then run', code: 'Write code',
};
