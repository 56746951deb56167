// The engine-selection questions answered by rules over sourced data: which benchmark claims can be ranked, and
// which of Lambda and Kappa fits each use case — the curriculum's sets (variant 1) and drawn variants.
import { describe, expect, it } from 'vitest';
import { findQuestion, type SetQuestion } from '../../../src/exercises/questions/catalog.ts';
import { runScenario } from '../../../src/exercises/runExercise.ts';

const claims = findQuestion('comparable-claims') as SetQuestion;
const architectures = findQuestion('architecture-fit') as SetQuestion;
const noRerun = () => { throw new Error('not used'); };
const viewWithSeed = (seed: number) => runScenario({
  format: 'eventide.scenario/1', profile: 'flink', seed,
  pipeline: { window: { type: 'tumbling', size: 10_000 }, aggregate: 'count', watermark: { type: 'bounded', delay: 0 } }, events: [],
});
const seeds = Array.from({ length: 60 }, (_, i) => 2 + i * 15_485_863 % 999_983);
const ask = (question: SetQuestion, seed: number) => {
  const view = viewWithSeed(seed);
  const ref = { name: 'q' };
  return { options: question.options(view, ref, noRerun), answer: question.answer(view, ref, noRerun) };
};

describe('comparable-claims', () => {
  it('ranks no pair of the four claims of curriculum L10 Ex1: per core, per topology, per batch and per instance', () => {
    const { options, answer } = ask(claims, 1);
    expect(answer).toEqual(['none']);
    expect(options).toHaveLength(7);
    expect(options.find((o) => o.id === 'flink+storm')!.why).toBe('these cannot be ranked: one is per CPU core, the other per whole topology');
    expect(options.find((o) => o.id === 'flink+spark')!.why).toBe('these cannot be ranked: Spark\'s figure is a batch size, not a rate');
  });

  it('in every variant, answers "none" alone or exactly the pairs that share a unit and a workload', () => {
    const outcomes = seeds.map((seed) => {
      const { options, answer } = ask(claims, seed);
      const comparable = options.filter((o) => o.why.startsWith('both are rates')).map((o) => o.id);
      expect(answer).toEqual(comparable.length > 0 ? comparable : ['none']);
      for (const id of comparable) {
        const label = options.find((o) => o.id === id)!.label;
        // "Flink (1M+ records/s per CPU core, measured with …)": what follows the figure must match.
        const [a, b] = label.split(' vs ').map((side) => /^[^(]+\(\S+ (.*)\)$/.exec(side)![1]);
        expect(a, label).toBe(b);
      }
      return answer[0] === 'none';
    });
    // "none" is neither always nor never right, so it is not a safe guess.
    expect(outcomes.filter(Boolean).length).toBeGreaterThan(seeds.length / 5);
    expect(outcomes.filter((x) => !x).length).toBeGreaterThan(seeds.length / 5);
  });
});

describe('architecture-fit', () => {
  it('picks Kappa for ad attribution and Lambda for the regulatory reports and the batch-only backfill (curriculum L10 Ex3)', () => {
    const { options, answer } = ask(architectures, 1);
    expect(answer).toEqual(['ad-attribution:kappa', 'regulatory-reports:lambda', 'feature-backfill:lambda']);
    const why = Object.fromEntries(options.map((o) => [o.id, o.why]));
    expect(why['ad-attribution:lambda']).toContain('this team needs one code path');
    expect(why['regulatory-reports:kappa']).toBe('Kappa reprocesses by replaying the log, which keeps 7 days, not the 7 years to recompute');
    expect(why['feature-backfill:kappa']).toContain('only exists as a batch job');
  });

  it('in every variant, every use case has an architecture that fits, and the reasons agree with the answer', () => {
    for (const seed of seeds) {
      const { options, answer } = ask(architectures, seed);
      expect(options).toHaveLength(6);
      for (const useCase of ['case-1', 'case-2', 'case-3']) expect(answer.some((id) => id.startsWith(`${useCase}:`))).toBe(true);
      for (const option of options) expect(/^(Lambda|Kappa) fits/.test(option.why)).toBe(answer.includes(option.id));
    }
  });
});
