// One attempt at one exercise: intro → answering → checking → correct | incorrect → (hint | retry | reveal) → done.
// The machine knows nothing of streams: grading is the invoked actor `grade` (swap it with `provide`), answers
// are opaque values, and views ask tags and `can(...)` rather than state names.
import { assign, fromPromise, setup } from 'xstate';

export interface GradeResult { correct: boolean; feedback: string; misconception: string | null; misconceptionHint?: string; items?: unknown[] }

export interface AttemptContext {
  answer: unknown;
  attempts: number;
  hintsUsed: number;
  hintCount: number;
  seed: number;
  verdict: GradeResult | undefined;
  /** Set when grading itself failed (e.g. an answer the exercise cannot read). */
  error: string | undefined;
  isRevealed: boolean;
}

export type AttemptEvent =
  | { type: 'attempt.start' }
  | { type: 'answer.change'; answer: unknown }
  | { type: 'answer.submit' }
  | { type: 'hint.request' }
  | { type: 'attempt.retry' }
  | { type: 'reveal.request' }
  | { type: 'reveal.confirm' }
  | { type: 'reveal.cancel' }
  | { type: 'variant.new'; seed: number }
  | { type: 'attempt.finish' };

export interface AttemptInput { hintCount: number; seed?: number; answer?: unknown }

export const attemptMachine = setup({
  types: { context: {} as AttemptContext, events: {} as AttemptEvent, input: {} as AttemptInput },
  actors: {
    grade: fromPromise<GradeResult, { answer: unknown; seed: number }>(async () => {
      throw new Error('no grader provided: use attemptMachine.provide({ actors: { grade } })');
    }),
  },
  guards: {
    hasHintsLeft: ({ context }) => context.hintsUsed < context.hintCount,
    isCorrect: ({ event }) => (event as unknown as { output: GradeResult }).output.correct,
  },
  actions: {
    recordAnswer: assign({ answer: ({ event }) => (event as Extract<AttemptEvent, { type: 'answer.change' }>).answer }),
    countAttempt: assign({ attempts: ({ context }) => context.attempts + 1, error: undefined }),
    takeHint: assign({ hintsUsed: ({ context }) => context.hintsUsed + 1 }),
    clearVerdict: assign({ verdict: undefined, error: undefined }),
    markRevealed: assign({ isRevealed: true }),
    startVariant: assign({
      seed: ({ event }) => (event as Extract<AttemptEvent, { type: 'variant.new' }>).seed,
      answer: undefined, verdict: undefined, error: undefined, isRevealed: false,
    }),
  },
}).createMachine({
  id: 'attempt',
  context: ({ input }) => ({
    answer: input.answer, attempts: 0, hintsUsed: 0, hintCount: input.hintCount, seed: input.seed ?? 1,
    verdict: undefined, error: undefined, isRevealed: false,
  }),
  initial: 'intro',
  // Hints stay available whatever the learner is doing, until the exercise is done.
  on: { 'hint.request': { guard: 'hasHintsLeft', actions: 'takeHint' } },
  states: {
    intro: {
      tags: ['intro'],
      on: {
        'attempt.start': 'answering',
        'answer.change': { target: 'answering', actions: 'recordAnswer' },
        'reveal.request': 'confirmingReveal',
        // A learner may want a fresh variant before touching this one.
        'variant.new': { target: 'answering', actions: 'startVariant' },
      },
    },
    answering: {
      tags: ['answering', 'editable'],
      on: {
        'answer.change': { actions: 'recordAnswer' },
        'answer.submit': { target: 'checking', actions: 'countAttempt' },
        'reveal.request': 'confirmingReveal',
        'variant.new': { target: 'answering', actions: 'startVariant' },
      },
    },
    checking: {
      tags: ['checking', 'busy'],
      invoke: {
        src: 'grade',
        input: ({ context }) => ({ answer: context.answer, seed: context.seed }),
        onDone: [
          { guard: 'isCorrect', target: 'correct', actions: assign({ verdict: ({ event }) => event.output }) },
          { target: 'incorrect', actions: assign({ verdict: ({ event }) => event.output }) },
        ],
        onError: { target: 'answering', actions: assign({ error: ({ event }) => (event.error instanceof Error ? event.error.message : String(event.error)) }) },
      },
      // A second submit, a hint, or a new answer while grading changes nothing: the verdict is for this answer.
      on: { 'answer.submit': {}, 'answer.change': {}, 'hint.request': {} },
    },
    incorrect: {
      tags: ['incorrect', 'graded'],
      on: {
        'attempt.retry': { target: 'answering', actions: 'clearVerdict' },
        'answer.change': { target: 'answering', actions: ['clearVerdict', 'recordAnswer'] },
        'reveal.request': 'confirmingReveal',
        'variant.new': { target: 'answering', actions: 'startVariant' },
      },
    },
    confirmingReveal: {
      tags: ['confirming-reveal'],
      on: {
        'reveal.confirm': { target: 'revealed', actions: 'markRevealed' },
        'reveal.cancel': 'answering',
      },
    },
    revealed: {
      tags: ['revealed', 'finished'],
      on: {
        'attempt.retry': { target: 'answering', actions: 'clearVerdict' },
        'variant.new': { target: 'answering', actions: 'startVariant' },
        'attempt.finish': 'done',
      },
    },
    correct: {
      tags: ['correct', 'graded', 'finished'],
      on: {
        'variant.new': { target: 'answering', actions: 'startVariant' },
        'attempt.finish': 'done',
      },
    },
    done: { tags: ['done', 'finished'], on: { 'variant.new': { target: 'answering', actions: 'startVariant' } } },
  },
});
