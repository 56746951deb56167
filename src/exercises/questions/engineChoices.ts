// Conceptual questions of the engine-selection lesson, answered by rules over sourced data (like engines-for-card):
// which benchmark claims can be ranked against each other (data/benchmark-claims.json), and which architecture,
// Lambda or Kappa, fits each use case (data/architectures.json). Variant 1 asks about the data as written; other
// variants draw claims or use cases from the scenario's seed, so the learner applies the rule, not a memory.
import matrix from '../../lessons/engine-capabilities.json';
import { createRng, type Rng } from '../../sim/index.ts';
import type { RunView } from '../runView.ts';
import type { Option, SetQuestion } from './catalog.ts';
import { gridFeedback } from './grid.ts';
import architectures from './data/architectures.json';
import benchmarks from './data/benchmark-claims.json';
import { drawUntil, pick } from './draw.ts';

const isFirstVariant = (view: RunView) => view.scenario.seed === 1;

// ── Benchmark claims ───────────────────────────────────────────────────────────────────────────────────────────

type Scope = keyof typeof benchmarks.scopes;
type Measure = keyof typeof benchmarks.units;
interface Claim { engine: string; figure: string; measure: Measure; per: Scope; workload?: string }

/** Short names ("Flink", "Spark") keep the pair labels readable on a phone. */
const engineName = (id: string) => (matrix.engines.find((e) => e.id === id)?.name ?? id).replace(/^Apache | Structured Streaming$/g, '');
const claimText = (c: Claim) => `${engineName(c.engine)} (${c.figure} ${benchmarks.units[c.measure]} ${benchmarks.scopes[c.per]}${c.workload ? `, measured with ${c.workload}` : ''})`;

/** Why two claims cannot be ranked, or undefined when they can: both rates, per the same unit, on the same workload. */
function whyNotComparable(a: Claim, b: Claim): string | undefined {
  const size = [a, b].find((c) => c.measure !== 'rate');
  if (size) return `${engineName(size.engine)}'s figure is a batch size, not a rate`;
  if (a.per !== b.per) return `one is ${benchmarks.scopes[a.per]}, the other ${benchmarks.scopes[b.per]}`;
  const vague = [a, b].filter((c) => !c.workload).map((c) => engineName(c.engine));
  if (vague.length > 0) return `${vague.join(' and ')} ${vague.length === 1 ? 'does' : 'do'} not say what was measured: record size, work per record, guarantee`;
  if (a.workload !== b.workload) return `they were measured on different workloads (${a.workload}; ${b.workload})`;
  return undefined;
}

function drawClaims(rng: Rng): Claim[] {
  const scopes: Scope[] = ['core', 'core', 'node', 'instance'];
  return matrix.engines.map((engine) => ({
    engine: engine.id,
    figure: pick(rng, ['100K+', '250K+', '500K+', '1M+', '2M+']),
    measure: rng() < 0.1 ? 'size' : 'rate',
    per: pick(rng, scopes),
    ...(rng() < 0.85 ? { workload: pick(rng, benchmarks.workloads) } : {}),
  }));
}

/** About two variants in five have no comparable pair, the others one or two, so "none" is not a safe guess. */
function claimsOf(view: RunView): Claim[] {
  if (isFirstVariant(view)) return benchmarks.claims as Claim[];
  const rng = createRng(view.scenario.seed);
  const wantsNone = rng() < 0.4;
  return drawUntil(() => drawClaims(rng), (claims) => {
    const comparable = pairsOf(claims).filter((p) => !p.why).length;
    return wantsNone ? comparable === 0 : comparable >= 1 && comparable <= 2;
  }, 'set of claims');
}

const NONE = 'none';

function pairsOf(claims: Claim[]) {
  return claims.flatMap((a, i) => claims.slice(i + 1).map((b) => ({ id: `${a.engine}+${b.engine}`, a, b, why: whyNotComparable(a, b) })));
}

const comparableClaims: SetQuestion = {
  shape: 'set',
  summary: 'the pairs of benchmark claims that can be ranked against each other, or "none"',
  needs: [],
  options: (view) => {
    const pairs = pairsOf(claimsOf(view));
    const comparable = pairs.filter((p) => !p.why);
    return [
      ...pairs.map((p): Option => ({
        id: p.id, label: `${claimText(p.a)} vs ${claimText(p.b)}`,
        why: p.why ? `these cannot be ranked: ${p.why}` : 'both are rates per the same unit, measured on the same stated workload',
      })),
      { id: NONE, label: 'No pair: none of these can be ranked', why: comparable.length === 0 ? 'no two claims share a unit and a workload' : `${comparable.map((p) => `${engineName(p.a.engine)} and ${engineName(p.b.engine)}`).join('; ')} can be ranked` },
    ];
  },
  answer: (view) => {
    const comparable = pairsOf(claimsOf(view)).filter((p) => !p.why).map((p) => p.id);
    return comparable.length > 0 ? comparable : [NONE];
  },
};

// ── Lambda or Kappa ────────────────────────────────────────────────────────────────────────────────────────────

interface UseCase { id: string; label: string; reprocessDays: number; logRetentionDays: number; logicIsStreamable: boolean; mustHaveOneCodePath: boolean }
type Architecture = keyof typeof architectures.architectures;

/** Why an architecture does not fit a use case, or undefined when it does. */
function misfit(architecture: Architecture, u: UseCase): string | undefined {
  const a = architectures.architectures[architecture];
  if (a.codePaths > 1 && u.mustHaveOneCodePath) return `${a.label} keeps the logic twice, in a batch and a streaming layer, and this team needs one code path`;
  if (a.needsStreamableLogic && !u.logicIsStreamable) return `${a.label} reprocesses with the streaming job, and this logic only exists as a batch job`;
  if (architecture === 'kappa' && u.logRetentionDays < u.reprocessDays) return `${a.label} reprocesses by replaying the log, which keeps ${days(u.logRetentionDays)}, not the ${days(u.reprocessDays)} to recompute`;
  return undefined;
}

const days = (n: number) => (n >= 365 && n % 365 === 0 ? `${n / 365} year${n === 365 ? '' : 's'}` : `${n} days`);

function useCaseDetail(u: UseCase): string {
  return `recompute ${days(u.reprocessDays)} of history; the log keeps ${days(u.logRetentionDays)}; the logic ${u.logicIsStreamable ? 'runs as a streaming job' : 'is a batch job that cannot run as a stream'}; ${u.mustHaveOneCodePath ? 'one code path required' : 'two code paths acceptable'}`;
}

function drawUseCases(rng: Rng): UseCase[] {
  const labels = ['Use case A', 'Use case B', 'Use case C'];
  return labels.map((label, i) => drawUntil((): UseCase => ({
    id: `case-${i + 1}`, label, reprocessDays: pick(rng, [7, 30, 90, 365, 2555]), logRetentionDays: pick(rng, [7, 30, 90, 365, 3650]),
    logicIsStreamable: rng() < 0.75, mustHaveOneCodePath: rng() < 0.5,
  }), (u) => !misfit('lambda', u) || !misfit('kappa', u), 'use case'));
}

function useCasesOf(view: RunView): UseCase[] {
  return isFirstVariant(view) ? architectures.useCases : drawUseCases(createRng(view.scenario.seed));
}

const ARCHITECTURES = Object.keys(architectures.architectures) as Architecture[];

const architectureFit: SetQuestion = {
  shape: 'set',
  summary: 'for each use case, the architectures (Lambda, Kappa) whose needs it meets',
  needs: [],
  // A grid of use cases × architectures: the widget draws it as a table, and a wrong answer is explained per use case.
  options: (view) => useCasesOf(view).flatMap((u) => ARCHITECTURES.map((arch): Option => {
    const { label } = architectures.architectures[arch];
    return {
      id: `${u.id}:${arch}`, label: `${u.label}: ${label}`, why: misfit(arch, u) ?? `${label} fits: ${architectures.architectures[arch].reprocessing}`,
      cell: { row: u.label, column: label, rowDetail: useCaseDetail(u) },
    };
  })),
  feedback: (options, answer, expected) => gridFeedback(options, answer, expected, 'use cases'),
  answer: (view) => useCasesOf(view).flatMap((u) => ARCHITECTURES.filter((arch) => !misfit(arch, u)).map((arch) => `${u.id}:${arch}`)),
};

export const engineChoices = { 'comparable-claims': comparableClaims, 'architecture-fit': architectureFit };
