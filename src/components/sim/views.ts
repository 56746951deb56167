// The views a simulation can show, by the names lessons use in `::simulation{views="…"}`.
export const VIEW_NAMES = ['timeplot', 'output', 'log', 'dataflow', 'checkpoints', 'metrics'] as const;
/** Views that read the parallel runtime's trace (scenarios with `pipeline.runtime`). */
export const RUNTIME_VIEWS: readonly ViewName[] = ['dataflow', 'checkpoints', 'metrics'];
export type ViewName = (typeof VIEW_NAMES)[number];

export const DEFAULT_VIEWS: ViewName[] = ['timeplot', 'output'];

/** Known names in the order given; unknown ones are reported rather than silently skipped. */
export function parseViews(names: readonly string[]): { views: ViewName[]; unknown: string[] } {
  const views = names.filter((name): name is ViewName => (VIEW_NAMES as readonly string[]).includes(name));
  const unknown = names.filter((name) => !(VIEW_NAMES as readonly string[]).includes(name));
  return { views: views.length > 0 ? views : DEFAULT_VIEWS, unknown };
}
