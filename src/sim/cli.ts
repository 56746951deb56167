// `npm run --silent sim -- run <file | -> [--trace | --summary | --metrics]` (spec/vectors.md "The command").
// Exit 0 with the result JSON; exit 2 with one line naming the bad place; exit 3 "unsupported: …". Output is written
// only after the run has finished, so a failure never leaves partial output, and no stack trace is ever printed.
import { readFileSync } from 'node:fs';
import { formatResult, parseScenario, run, runCep, runJoin } from './index.ts';
import { wmForJson } from './result.ts';
import { summarizeRuntime } from './runtime/summary.ts';
import { traceLines } from './trace/jsonLines.ts';
import type { Run } from './types.ts';

const USAGE = 'usage: sim run <vector.json | -> [--trace | --summary | --metrics]';

function fail(code: 2 | 3, message: string): never {
  process.stderr.write(`${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(code);
}

function main(argv: string[]): void {
  const flags = argv.filter((a) => a.startsWith('--'));
  const args = argv.filter((a) => !a.startsWith('--'));
  const unknown = flags.find((f) => f !== '--trace' && f !== '--summary' && f !== '--metrics');
  if (unknown) fail(2, `${unknown}: unknown option; ${USAGE}`);
  if (args[0] !== 'run' || args.length !== 2) fail(2, USAGE);
  const file = args[1];
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    fail(2, `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const parsed = parseScenario(text);
  if (!parsed.ok) fail(parsed.kind === 'unsupported' ? 3 : 2, parsed.error);
  const isMetrics = flags.includes('--metrics');
  if (isMetrics && !parsed.scenario.pipeline.runtime) fail(2, '--metrics: the scenario has no pipeline.runtime (metrics come from the parallel runtime)');
  const isTracing = flags.includes('--trace');
  let output: string;
  try {
    const { pipeline } = parsed.scenario;
    const result = pipeline.join ? runJoin(parsed.scenario, { trace: isTracing }) : pipeline.cep ? runCep(parsed.scenario, { trace: isTracing }) : run(parsed.scenario, { trace: isTracing || isMetrics });
    if (isMetrics) output = `${JSON.stringify(summarizeRuntime(result as Run))}\n`;
    else if (isTracing) output = [...traceLines(result.trace && 'base' in result.trace ? result.trace.base : result.trace!)].join('\n') + '\n';
    else if (flags.includes('--summary')) output = `${JSON.stringify({ ...result.summary, finalWatermark: wmForJson(result.summary.finalWatermark) })}\n`;
    else output = `${formatResult(result.result)}\n`;
  } catch (error) {
    fail(2, `run: ${(error as Error).message}`);
  }
  process.stdout.write(output);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  fail(2, `sim: ${(error as Error).message}`);
}
