// CODE exercises: the three tasks of lesson "Build a mini engine", the shape of their hidden cases and of what the
// learner's code did on them, and the sandbox that runs that code away from the page.

export type TaskId = 'valve' | 'window' | 'alignment';

// ─── Task 1: the watermark valve (spec R3.6) ─────────────────────────────────────────────────────

export type ValveStep = { channel: number; wm: number } | { channel: number; isIdle: boolean };
export interface ValveInput { channels: number; steps: ValveStep[] }
/** Per step: the watermark forwarded, null for none, or the text of a value that is not a number. */
export type ValveOutput = (number | null | string)[];

// ─── Task 2: a keyed tumbling window with allowed lateness (spec R4.1–R4.5) ──────────────────────

export type WindowStep = { key: string; ts: number } | { wm: number };
export interface WindowInput { sizeMs: number; allowedLatenessMs: number; steps: WindowStep[] }
export type WindowEmission =
  | { kind: 'fire'; key: string; start: number; end: number; count: number; timing: string }
  | { kind: 'drop'; key: string; ts: number };
/** Per step: what the operator emitted while handling it. */
export type WindowOutput = WindowEmission[][];

// ─── Task 3: barrier alignment at a two-input task (spec R7.8) ───────────────────────────────────

export type AlignmentItem = { record: string } | { barrier: number };
export interface AlignmentInput {
  /** What each of the two inputs delivers, in order. */
  channels: [AlignmentItem[], AlignmentItem[]];
  /** Seeded choices in [0, 1): which readable input the task reads next. */
  picks: number[];
}
export type AlignmentEvent =
  | { type: 'read'; channel: number }
  | { type: 'refuse'; channel: number }
  | { type: 'process'; channel: number; value: string }
  | { type: 'snapshot'; id: number };
export interface AlignmentOutput { log: AlignmentEvent[]; isStalled: boolean }

// ─── Hidden cases and the sandbox ────────────────────────────────────────────────────────────────

/** One hidden test: a name for the feedback, the input, and what the simulator says must come out. */
export interface HiddenCase<I, E> { name: string; input: I; expected: E }

export interface SandboxRequest { task: TaskId; source: string; entry: string; inputs: unknown[] }

/** What the learner's code did on one case: its output, or the error it threw at an input step (−1: creating it). */
export type CaseOutcome = { ok: true; output: unknown } | { ok: false; step: number; error: string };

export type SandboxReply =
  | { status: 'done'; outcomes: CaseOutcome[] }
  /** The code does not parse, or defines no function named like the entry. */
  | { status: 'unusable'; error: string }
  /** Stopped: case `caseIndex` ran longer than `limitMs`. */
  | { status: 'timeout'; caseIndex: number; limitMs: number };

/** Messages from a sandbox worker: which case starts (so a runaway case can be named), then the reply. */
export type WorkerMessage = { type: 'case'; index: number } | { type: 'reply'; reply: SandboxReply };

export interface Sandbox { run: (request: SandboxRequest) => Promise<SandboxReply> }

/** How long one hidden case may run before the sandbox is stopped. */
export const CASE_LIMIT_MS = 1500;
