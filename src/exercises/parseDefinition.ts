// Turns an exercise file (as the lesson loader passes it: common fields checked, kind-specific ones untouched)
// plus its scenario JSON into a typed Exercise, or messages that name the file and the field.
import * as v from 'valibot';
import { describeIssues } from '../lessons/schema.ts';
import type { ExerciseMeta } from '../lessons/types.ts';
import { parseScenario, type Scenario } from '../sim/index.ts';
import { gridOf, MAX_COMBINATIONS } from './graders/param.ts';
import { isMisconceptionId, MISCONCEPTIONS } from './misconceptions.ts';
import { findQuestion, type Question, type QuestionRef } from './questions/catalog.ts';
import { isSettingName, SETTING_NAMES, SETTINGS, type SettingName } from './settings.ts';
import type { Exercise, ExerciseBase, MisconceptionId } from './types.ts';
import { NO_VARIATION } from './variant.ts';

const ms = v.pipe(v.number(), v.integer('an integer number of ms'));
const positiveMs = v.pipe(ms, v.minValue(1, 'a number of ms > 0'));
const range = v.pipe(
  v.strictObject({ min: v.number(), max: v.number(), step: v.pipe(v.number(), v.gtValue(0, 'a step > 0')) }),
  v.check((r) => r.min <= r.max, 'min ≤ max'),
);
const choices = v.strictObject({ choices: v.pipe(v.array(v.unknown()), v.minLength(1, 'at least one choice')) });
const varySchema = v.strictObject({
  order: v.optional(v.boolean(), false),
  tsJitterMs: v.optional(v.pipe(ms, v.minValue(0)), 0),
  tsStepMs: v.optional(positiveMs, 1000),
  params: v.optional(v.record(v.string(), v.union([range, choices], '{ min, max, step } or { choices: [...] }')), {}),
});
// "[10,20)" in seconds, with the key first when a scenario has several keys ("a [10,20)"); Kafka sessions end in "]".
const WINDOW_LABEL = /^(?:\S+ )?(?:\[-?\d+(?:\.\d+)?,-?\d+(?:\.\d+)?[)\]]|global)$/;
const windowLabel = v.pipe(v.string(), v.regex(WINDOW_LABEL, 'a window label such as "[10,20)" (seconds)'));
const MAX_AXIS_POINTS = 1000;
// Scenario fields by dotted path; the changed scenario is parsed by the simulator when it runs.
const fieldChanges = v.optional(v.record(v.string(), v.unknown()), {});
const compareSchema = v.strictObject({
  label: v.optional(v.string(), 'the scenario as written'),
  against: v.pipe(
    v.strictObject({
      label: v.optional(v.string(), 'the other run'),
      replay: v.optional(v.strictObject({ atMs: v.pipe(ms, v.minValue(0)), speed: v.pipe(v.number(), v.gtValue(0, 'a speed > 0')) })),
      set: fieldChanges,
    }),
    v.check((a) => a.replay !== undefined || Object.keys(a.set).length > 0, 'a replay or fields to set'),
  ),
  outputs: v.optional(v.pipe(
    v.record(v.string(), v.strictObject({ label: v.string(), set: fieldChanges })),
    v.check((o) => Object.keys(o).length >= 2, 'at least two outputs to choose from'),
  )),
});
const questionSchema = v.union([
  v.pipe(v.string(), v.transform((name): QuestionRef => ({ name }))),
  v.strictObject({
    name: v.string(), window: v.optional(windowLabel), record: v.optional(v.string()), after: v.optional(v.string()), card: v.optional(v.string()),
    compare: v.optional(compareSchema),
  }),
], 'a question name or { name, window?, record?, after?, card?, compare? }');
const predicateSchema = v.variant('is', [
  v.strictObject({ is: v.literal('nothing-dropped') }),
  v.strictObject({ is: v.literal('fired'), window: windowLabel }),
  v.strictObject({ is: v.literal('not-fired'), window: windowLabel }),
  v.strictObject({ is: v.literal('first-result-within'), window: windowLabel, withinMs: v.pipe(ms, v.minValue(0)) }),
  v.strictObject({ is: v.literal('counted'), record: v.string() }),
  v.strictObject({ is: v.literal('dropped'), record: v.string() }),
], 'a goal: nothing-dropped | fired | not-fired | first-result-within | counted | dropped');
const goal = v.pipe(v.array(predicateSchema), v.minLength(1, 'at least one goal'));
const common = { vary: v.optional(varySchema), wrongRules: v.optional(v.array(v.string()), []), show: v.optional(v.array(v.string()), []) };

const kindFields = {
  select: v.strictObject({ ...common, question: questionSchema }),
  num: v.strictObject({ ...common, question: questionSchema, tolerance: v.optional(v.pipe(v.number(), v.minValue(0)), 0), unit: v.optional(v.string()) }),
  order: v.strictObject({ ...common, question: questionSchema }),
  drag: v.strictObject({
    ...common,
    place: v.union([
      v.literal('watermark'),
      v.strictObject({ event: v.strictObject({ key: v.optional(v.string(), ''), value: v.optional(v.number(), 1), arrivalMs: ms }) }),
    ], 'watermark or { event: { key?, value?, arrivalMs } }'),
    axis: v.pipe(
      v.strictObject({ fromMs: ms, toMs: ms, stepMs: positiveMs }),
      v.check((a) => a.fromMs < a.toMs, 'fromMs < toMs'),
      v.check((a) => (a.toMs - a.fromMs) / a.stepMs < MAX_AXIS_POINTS, `at most ${MAX_AXIS_POINTS} steps on the axis`),
    ),
    goal,
  }),
  param: v.strictObject({
    ...common,
    params: v.pipe(v.record(v.string(), v.strictObject({
      path: v.string(), label: v.string(), min: v.number(), max: v.number(), step: v.pipe(v.number(), v.gtValue(0)), unit: v.optional(v.string(), ''),
    })), v.check((p) => Object.keys(p).length > 0, 'at least one parameter'),
    v.check((p) => Object.values(p).reduce((n, spec) => n * gridOf(spec).length, 1) <= MAX_COMBINATIONS, `at most ${MAX_COMBINATIONS} combinations of values`)),
    goal,
  }),
  predict: v.strictObject({ ...common, gradeWhen: v.optional(v.boolean(), false) }),
  code: v.strictObject({ ...common, entry: v.string() }),
} as const;

const SHAPE_FOR_KIND = { select: 'set', num: 'number', order: 'sequence' } as const;
const TIME_UNITS = ['ms', 's', 'min'];

export type ParsedExercise = { ok: true; exercise: Exercise } | { ok: false, errors: string[] };

/** `scenarioText` is the JSON of the exercise's `scenario`, when it names one. */
export function parseDefinition(file: string, lessonId: string, meta: ExerciseMeta, scenarioText: string | undefined): ParsedExercise {
  const result = v.safeParse(kindFields[meta.kind], meta.fields);
  if (!result.success) return { ok: false, errors: describeIssues(file, 'front matter', result.issues) };
  const fields = result.output as Record<string, unknown> & { wrongRules: string[]; show: string[]; vary?: ExerciseBase['vary'] };
  const errors: string[] = [];
  const say = (field: string, message: string) => errors.push(`${file}: front matter "${field}": ${message}`);

  let scenario: unknown;
  // A code exercise may name a scenario: its hidden tests then start with it.
  if (meta.kind !== 'code' || meta.scenario !== undefined) {
    if (scenarioText === undefined) say('scenario', `a ${meta.kind} exercise needs a scenario (scenarios/<name>.json)`);
    else {
      try {
        scenario = JSON.parse(scenarioText);
        const parsed = parseScenario(scenario);
        if (!parsed.ok) say('scenario', `scenarios/${meta.scenario}.json: ${parsed.error}`);
        else errors.push(...checkShown(file, fields.show, parsed.scenario));
      } catch (error) {
        say('scenario', `scenarios/${meta.scenario}.json is not valid JSON: ${(error as Error).message}`);
      }
    }
  }
  for (const id of fields.wrongRules) {
    if (!isMisconceptionId(id)) say('wrongRules', `unknown misconception "${id}"`);
    else if (!MISCONCEPTIONS[id].wrongRule) say('wrongRules', `${id} has no wrong rule to run (only a hint); rules exist for ${Object.entries(MISCONCEPTIONS).filter(([, m]) => m.wrongRule).map(([id]) => id).join(', ')}`);
  }
  if (meta.kind in SHAPE_FOR_KIND) {
    const ref = fields.question as QuestionRef;
    const question = findQuestion(ref.name);
    const shape = SHAPE_FOR_KIND[meta.kind as keyof typeof SHAPE_FOR_KIND];
    if (!question) say('question', `unknown question "${ref.name}"`);
    else if (question.shape !== shape) say('question', `"${ref.name}" answers with a ${question.shape}, but a ${meta.kind} exercise needs a ${shape} question`);
    else errors.push(...checkQuestionParams(file, ref, question));
    if (meta.kind === 'num' && question?.shape === 'number' && question.dimension === 'time' && fields.unit !== undefined && !TIME_UNITS.includes(fields.unit as string)) {
      say('unit', `"${ref.name}" answers with a time; use one of ${TIME_UNITS.join(', ')}, got "${fields.unit}"`);
    }
  }
  if (meta.scenario === undefined && fields.show.length > 0) say('show', 'settings are read from the scenario; name one');
  if (errors.length > 0) return { ok: false, errors };

  const { vary, wrongRules, show, place, ...rest } = fields;
  const base = {
    id: `${lessonId}/${meta.id}`, lessonId, misconceptions: meta.misconceptions as MisconceptionId[], seeded: meta.seeded,
    scenario, scenarioName: meta.scenario ?? '', vary: meta.seeded && vary ? vary : NO_VARIATION,
    wrongRules: wrongRules as MisconceptionId[], show: show as SettingName[], prompt: meta.prompt, hints: meta.hints, explanation: meta.explanation,
  };
  if (meta.kind === 'num') rest.unit ??= (findQuestion((rest.question as QuestionRef).name) as Question & { dimension?: string }).dimension === 'time' ? 's' : '';
  if (meta.kind === 'drag') {
    const what = place === 'watermark' ? { what: 'watermark' } : { what: 'event', ...(place as { event: object }).event };
    return { ok: true, exercise: { ...base, ...rest, kind: 'drag', place: what } as Exercise };
  }
  return { ok: true, exercise: { ...base, ...rest, kind: meta.kind } as Exercise };
}

/** Every shown setting must be known and must exist in the scenario (a trigger interval needs a spark runtime). */
function checkShown(file: string, names: string[], scenario: Scenario): string[] {
  return names.flatMap((name) => {
    const problem = !isSettingName(name)
      ? `unknown setting "${name}" (known: ${SETTING_NAMES.join(', ')})`
      : SETTINGS[name].describe(scenario) === undefined ? `"${name}" is not a setting of this ${scenario.profile} scenario` : undefined;
    return problem ? [`${file}: front matter "show": ${problem}`] : [];
  });
}

function checkQuestionParams(file: string, ref: QuestionRef, question: Question): string[] {
  const errors: string[] = [];
  for (const param of question.needs) {
    if (ref[param] === undefined) errors.push(`${file}: front matter "question.${param}": "${ref.name}" needs a ${param}`);
  }
  for (const param of ['window', 'record', 'after', 'card', 'compare'] as const) {
    if (ref[param] !== undefined && !question.needs.includes(param) && !question.allows?.includes(param)) {
      errors.push(`${file}: front matter "question.${param}": "${ref.name}" takes no ${param}`);
    }
  }
  return errors;
}
