// The views a runtime simulation can show, by the names lessons use in `::simulation{views="…"}`, and the
// controls it offers (`controls="…"`): each control sets one field of `pipeline.runtime`.
import type { RawScenario } from '../sim/controls.ts';
import { VIEW_NAMES, type ViewName } from '../sim/views.ts';

export const RUNTIME_VIEW_NAMES = ['dataflow', 'checkpoints', 'metrics'] as const;
export type RuntimeViewName = (typeof RUNTIME_VIEW_NAMES)[number];

export const isRuntimeView = (name: string): name is RuntimeViewName => (RUNTIME_VIEW_NAMES as readonly string[]).includes(name);

const isViewName = (name: string): name is ViewName => (VIEW_NAMES as readonly string[]).includes(name);

/**
 * Known names in the order given — the runtime's views and the ones every run has (time plot, output, log) — or
 * the three runtime views when none is known; unknown ones are reported, not skipped.
 */
export function parseRuntimeViews(names: readonly string[]): { views: ViewName[]; unknown: string[] } {
  const views = names.filter(isViewName);
  return { views: views.length > 0 ? views : [...RUNTIME_VIEW_NAMES], unknown: names.filter((n) => !isViewName(n)) };
}

export interface RuntimeControl { id: string; label: string; field: 'sink' | 'checkpoint'; options: string[]; fallback: string }

export const RUNTIME_CONTROLS: RuntimeControl[] = [
  { id: 'sink', label: 'Sink', field: 'sink', options: ['at-least-once', 'transactional', 'upsert'], fallback: 'at-least-once' },
  { id: 'checkpoint-mode', label: 'Checkpoint mode', field: 'checkpoint', options: ['exactly-once', 'unaligned', 'at-least-once', 'none'], fallback: 'exactly-once' },
];

const runtimeOf = (s: RawScenario) => ((s.pipeline as Record<string, unknown> | undefined)?.runtime ?? {}) as Record<string, unknown>;

export function controlValue(scenario: RawScenario, control: RuntimeControl): string {
  const runtime = runtimeOf(scenario);
  const value = control.field === 'sink' ? runtime.sink : (runtime.checkpoint as Record<string, unknown> | undefined)?.mode;
  return typeof value === 'string' ? value : control.fallback;
}

export function withControl(scenario: RawScenario, control: RuntimeControl, value: string): RawScenario {
  const runtime = runtimeOf(scenario);
  const next = control.field === 'sink' ? { ...runtime, sink: value } : { ...runtime, checkpoint: { ...(runtime.checkpoint as object | undefined), mode: value } };
  return { ...scenario, pipeline: { ...(scenario.pipeline as object), runtime: next } };
}
