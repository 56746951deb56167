// `npm run syllabus` prints the course as Markdown; `--json` prints the shape other tools read.
// Exits 1 with one message per problem on stderr when the course does not validate.
import { E2E_FIXTURES_ROOT, LESSONS_ROOT, loadCourse } from './nodeLoader.ts';
import { toSyllabusJson, toSyllabusMarkdown } from './syllabusFormat.ts';

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--json' && arg !== '--e2e-fixtures');
if (unknown.length > 0) {
  process.stderr.write(`syllabus: unknown option ${unknown[0]} (options: --json, --e2e-fixtures)\n`);
  process.exit(2);
}
const { course, errors } = args.includes('--e2e-fixtures')
  ? loadCourse({ lessonRoots: [LESSONS_ROOT, E2E_FIXTURES_ROOT], pathsFile: `${E2E_FIXTURES_ROOT}/paths.yaml` })
  : loadCourse();
if (errors.length > 0) {
  process.stderr.write(errors.map((error) => `${error}\n`).join(''));
  process.exit(1);
}
process.stdout.write(args.includes('--json') ? `${JSON.stringify(toSyllabusJson(course), null, 2)}\n` : toSyllabusMarkdown(course));
