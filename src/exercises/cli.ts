// The authoring command line (also how exercises are tested from outside):
//   npm run --silent exercise -- list
//   npm run --silent exercise -- solve <lesson-id/exercise-id> --seed <n>
//   npm run --silent exercise -- grade <lesson-id/exercise-id> --seed <n> --answer '<json>'
//   npm run --silent exercise -- settings <lesson-id/exercise-id> --seed <n>   (what the card shows: front matter `show`)
// `--lessons <folder>` reads lessons from another folder (fixtures). Bad input exits 2 with one line on stderr.
import { loadCourseExercises } from './courseExercises.ts';
import { gradeAnswer, parseAnswer, solve } from './grade.ts';
import { AnswerError } from './graders/grader.ts';
import { runVariant, ScenarioError } from './runExercise.ts';
import { describeSettings } from './settings.ts';
import { MAX_SEED } from './variant.ts';

class UsageError extends Error {}

const USAGE = 'usage: exercise list | solve <id> --seed <n> | settings <id> --seed <n> | grade <id> --seed <n> --answer <json> [--lessons <folder>]';

function parseArgs(argv: string[]): { command: string; id?: string; options: Map<string, string> } {
  const [command, ...rest] = argv;
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    if (!['--seed', '--answer', '--lessons'].includes(arg)) throw new UsageError(`unknown option ${arg} (${USAGE})`);
    if (i + 1 >= rest.length) throw new UsageError(`${arg} needs a value`);
    options.set(arg.slice(2), rest[++i]);
  }
  if (positional.length > 1) throw new UsageError(`unexpected argument "${positional[1]}" (${USAGE})`);
  return { command, id: positional[0], options };
}

function parseSeed(text: string | undefined): number {
  if (text === undefined) throw new UsageError('--seed is required (1 is the scenario as written)');
  const seed = Number(text);
  if (!/^\d+$/.test(text) || seed < 1 || seed > MAX_SEED) throw new UsageError(`--seed must be an integer from 1 to ${MAX_SEED}, got "${text}"`);
  return seed;
}

async function main(argv: string[]): Promise<string> {
  const { command, id, options } = parseArgs(argv);
  if (!['list', 'solve', 'settings', 'grade'].includes(command ?? '')) throw new UsageError(`unknown command "${command ?? ''}" (${USAGE})`);
  const lessons = options.get('lessons');
  const { exercises, errors } = await loadCourseExercises(lessons ? { lessonRoots: [lessons] } : {});
  if (errors.length > 0) throw new UsageError(`the course has invalid exercises: ${errors[0]}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`);
  if (command === 'list') return JSON.stringify(exercises.map((e) => e.id));
  if (!id) throw new UsageError(`${command} needs an exercise id (${USAGE})`);
  const exercise = exercises.find((e) => e.id === id);
  if (!exercise) throw new UsageError(`unknown exercise "${id}" (ids look like <lesson-id>/<exercise-id>; see "exercise list")`);
  const seed = parseSeed(options.get('seed'));
  if (command === 'solve') return JSON.stringify(solve(exercise, seed));
  if (command === 'settings') {
    const shown = describeSettings(exercise.show, runVariant(exercise, seed).scenario);
    return JSON.stringify(Object.fromEntries(shown.map((s) => [s.name, s.value])));
  }
  const answerText = options.get('answer');
  if (answerText === undefined) throw new UsageError('--answer is required, as JSON');
  let answer: unknown;
  try {
    answer = JSON.parse(answerText);
  } catch {
    throw new UsageError(`--answer is not valid JSON: ${answerText}`);
  }
  const verdict = await gradeAnswer(exercise, seed, parseAnswer(exercise, answer));
  return JSON.stringify({ correct: verdict.correct, feedback: verdict.feedback, misconception: verdict.misconception });
}

main(process.argv.slice(2)).then(
  (output) => process.stdout.write(`${output}\n`),
  (error: unknown) => {
    const known = error instanceof UsageError || error instanceof AnswerError || error instanceof ScenarioError || error instanceof RangeError;
    process.stderr.write(`exercise: ${known ? (error as Error).message : `internal error: ${String(error)}`}\n`);
    process.exitCode = known ? 2 : 1;
  },
);
