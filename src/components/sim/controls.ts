// The knobs a simulation exposes, as data. Each reads and writes the scenario's JSON (before parsing), so a control
// change is a new scenario that parseScenario validates and the simulator re-runs (STYLE §1). A control that does
// not apply to the scenario (no `delay` without a bounded watermark) reads as undefined and is not shown.
export type RawScenario = Record<string, unknown>;

interface ControlBase { id: string; label: string; help?: string }
export interface NumberControl extends ControlBase {
  kind: 'number';
  unit: 'ms' | 'records' | 'per s' | '';
  min: number;
  max: number;
  step: number;
  get(scenario: RawScenario): number | undefined;
  set(scenario: RawScenario, value: number): RawScenario;
}
export interface ChoiceControl extends ControlBase {
  kind: 'choice';
  options: { value: string; label: string }[];
  get(scenario: RawScenario): string | undefined;
  set(scenario: RawScenario, value: string): RawScenario;
}
export type Control = NumberControl | ChoiceControl;

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

function read(scenario: RawScenario, path: string[]): unknown {
  let at: unknown = scenario;
  for (const key of path) at = isObj(at) ? at[key] : undefined;
  return at;
}

/** A copy with `path` set; objects on the way are copied, never shared with the input. */
function write(scenario: RawScenario, path: string[], value: unknown): RawScenario {
  const copy = structuredClone(scenario);
  let at: Obj = copy;
  for (const key of path.slice(0, -1)) {
    if (!isObj(at[key])) at[key] = {};
    at = at[key] as Obj;
  }
  if (value === undefined) delete at[path.at(-1)!];
  else at[path.at(-1)!] = value;
  return copy;
}

function numberAt(id: string, label: string, path: string[], limits: Pick<NumberControl, 'unit' | 'min' | 'max' | 'step'>, options: { when?: (s: RawScenario) => boolean; fallback?: number; help?: string } = {}): NumberControl {
  return {
    id, label, kind: 'number', help: options.help, ...limits,
    get: (s) => {
      if (options.when && !options.when(s)) return undefined;
      const value = read(s, path);
      return typeof value === 'number' ? value : options.fallback;
    },
    set: (s, value) => write(s, path, value),
  };
}

function choiceAt(id: string, label: string, path: string[], options: ChoiceControl['options'], extra: { when?: (s: RawScenario) => boolean; fallback?: string } = {}): ChoiceControl {
  return {
    id, label, kind: 'choice', options,
    get: (s) => {
      if (extra.when && !extra.when(s)) return undefined;
      const value = read(s, path);
      return typeof value === 'string' ? value : extra.fallback;
    },
    set: (s, value) => write(s, path, value),
  };
}

const windowType = (s: RawScenario) => read(s, ['pipeline', 'window', 'type']);
const watermarkType = (s: RawScenario) => read(s, ['pipeline', 'watermark', 'type']);
const profile = (s: RawScenario) => read(s, ['profile']);
const hasGenerator = (s: RawScenario) => isObj(s.generator);
const MS = { unit: 'ms' as const, step: 100 };
const HOUR = 3_600_000;

/** Window shapes with the fields each needs, sized from the current window so switching keeps the scale. */
function windowOf(type: string, current: Obj): Obj {
  const size = typeof current.size === 'number' ? current.size : typeof current.gap === 'number' ? current.gap * 2 : 10_000;
  switch (type) {
    case 'sliding': return { type, size, slide: Math.max(1, Math.round(size / 2)) };
    case 'session': return { type, gap: Math.max(1, Math.round(size / 2)) };
    case 'kafka-sliding': return { type, size };
    case 'global': return { type };
    case 'count': return { type, size: 3 };
    default: return { type: 'tumbling', size };
  }
}

/** Trigger presets; the full trigger grammar is in spec/vectors.md and stays editable in the scenario JSON. */
const TRIGGERS: Record<string, Obj> = {
  default: { type: 'default' },
  'early-count': { type: 'afterWatermark', early: { type: 'count', n: 2 } },
  'late-every': { type: 'afterWatermark', late: { type: 'count', n: 1 } },
  'early-and-late': { type: 'afterWatermark', early: { type: 'count', n: 2 }, late: { type: 'count', n: 1 } },
  'count-3': { type: 'count', n: 3 },
  'processing-5s': { type: 'processingTime', interval: 5000 },
};

const hasRuntime = (s: RawScenario) => isObj(read(s, ['pipeline', 'runtime']));

/** The parallel runtime's knobs (spec §7), shown for scenarios with `pipeline.runtime`. */
const RUNTIME_CONTROLS: Control[] = [
  numberAt('parallelism', 'Window parallelism', ['pipeline', 'runtime', 'parallelism'], { unit: '', min: 1, max: 64, step: 1 }, { when: hasRuntime, fallback: 1 }),
  choiceAt('checkpointMode', 'Checkpoints', ['pipeline', 'runtime', 'checkpoint', 'mode'],
    [{ value: 'exactly-once', label: 'exactly-once (aligned)' }, { value: 'at-least-once', label: 'at-least-once' }, { value: 'none', label: 'none' }],
    { when: hasRuntime, fallback: 'exactly-once' }),
  numberAt('checkpointInterval', 'Checkpoint interval', ['pipeline', 'runtime', 'checkpoint', 'interval'], { ...MS, min: 1, max: HOUR }, { when: hasRuntime, fallback: 1000 }),
  choiceAt('sink', 'Sink', ['pipeline', 'runtime', 'sink'],
    [{ value: 'at-least-once', label: 'at-least-once' }, { value: 'transactional', label: 'transactional (two-phase commit)' }, { value: 'upsert', label: 'upsert (by key and window)' }],
    { when: hasRuntime, fallback: 'at-least-once' }),
  numberAt('bufferCapacity', 'Channel buffer', ['pipeline', 'runtime', 'bufferCapacity'], { unit: 'records', min: 1, max: 65_535, step: 1 }, { when: hasRuntime, fallback: 1000 }),
  numberAt('serviceMs', 'Window service time', ['pipeline', 'runtime', 'window', 'serviceMs'], { unit: 'ms', min: 0, max: 10_000, step: 0.5 }, { when: hasRuntime, fallback: 0, help: 'Time a window task spends on each record.' }),
  numberAt('restartDelay', 'Restart delay', ['pipeline', 'runtime', 'restartDelay'], { ...MS, min: 0, max: HOUR }, { when: hasRuntime, fallback: 1000 }),
];

export const CONTROLS: Control[] = [
  choiceAt('profile', 'Engine', ['profile'], [
    { value: 'flink', label: 'Apache Flink' }, { value: 'beam', label: 'Apache Beam' }, { value: 'kafka-streams', label: 'Kafka Streams' },
    { value: 'spark', label: 'Spark Structured Streaming' }, { value: 'storm', label: 'Apache Storm' },
  ]),
  {
    id: 'windowType', label: 'Window', kind: 'choice',
    options: ['tumbling', 'sliding', 'kafka-sliding', 'session', 'global', 'count'].map((value) => ({ value, label: value })),
    get: (s) => (typeof windowType(s) === 'string' ? (windowType(s) as string) : undefined),
    set: (s, value) => write(s, ['pipeline', 'window'], windowOf(value, (read(s, ['pipeline', 'window']) as Obj) ?? {})),
  },
  numberAt('window', 'Window size', ['pipeline', 'window', 'size'], { ...MS, min: 1, max: HOUR }, { when: (s) => ['tumbling', 'sliding', 'kafka-sliding'].includes(windowType(s) as string) }),
  numberAt('countSize', 'Records per window', ['pipeline', 'window', 'size'], { unit: 'records', min: 1, max: 10_000, step: 1 }, { when: (s) => windowType(s) === 'count' }),
  numberAt('slide', 'Slide', ['pipeline', 'window', 'slide'], { ...MS, min: 1, max: HOUR }, { when: (s) => windowType(s) === 'sliding' }),
  numberAt('gap', 'Session gap', ['pipeline', 'window', 'gap'], { ...MS, min: 1, max: HOUR }, { when: (s) => windowType(s) === 'session' }),
  {
    id: 'watermark', label: 'Watermark', kind: 'choice',
    options: [{ value: 'bounded', label: 'bounded out-of-orderness' }, { value: 'monotonous', label: 'monotonous (no delay)' }, { value: 'explicit', label: 'explicit steps only' }],
    get: (s) => (profile(s) === 'kafka-streams' ? undefined : ((watermarkType(s) as string | undefined) ?? 'explicit')),
    set: (s, value) => write(s, ['pipeline', 'watermark'], value === 'bounded' ? { type: 'bounded', delay: 2000 } : { type: value }),
  },
  numberAt('delay', 'Watermark delay', ['pipeline', 'watermark', 'delay'], { ...MS, min: 0, max: HOUR }, { when: (s) => watermarkType(s) === 'bounded', help: 'How far behind the largest event time seen the watermark stays.' }),
  choiceAt('emit', 'Watermark emitted', ['pipeline', 'watermark', 'emit'], [{ value: 'periodic', label: 'periodically' }, { value: 'per-record', label: 'after every record' }],
    { when: (s) => watermarkType(s) === 'bounded' || watermarkType(s) === 'monotonous', fallback: 'periodic' }),
  numberAt('interval', 'Watermark interval', ['pipeline', 'watermark', 'interval'], { ...MS, min: 0, max: 60_000 }, { when: (s) => read(s, ['pipeline', 'watermark', 'emit']) !== 'per-record' && (watermarkType(s) === 'bounded' || watermarkType(s) === 'monotonous'), fallback: 200 }),
  numberAt('idleness', 'Idle after', ['pipeline', 'watermark', 'idleness'], { ...MS, min: 1, max: HOUR }, { when: (s) => profile(s) === 'flink' && typeof watermarkType(s) === 'string', help: 'A partition with no records for this long stops holding the watermark back.' }),
  numberAt('lateness', 'Allowed lateness', ['pipeline', 'allowedLateness'], { ...MS, min: 0, max: HOUR }, { when: (s) => profile(s) === 'flink' || profile(s) === 'beam', fallback: 0 }),
  numberAt('grace', 'Grace period', ['pipeline', 'grace'], { ...MS, min: 0, max: HOUR }, { when: (s) => profile(s) === 'kafka-streams', fallback: 0 }),
  {
    id: 'trigger', label: 'Trigger', kind: 'choice',
    options: [
      { value: 'default', label: 'at the watermark (default)' }, { value: 'early-count', label: 'early every 2 records, then on time' },
      { value: 'late-every', label: 'on time, then every late record' }, { value: 'early-and-late', label: 'early, on time and late' },
      { value: 'count-3', label: 'every 3 records' }, { value: 'processing-5s', label: 'every 5 s of processing time' },
    ],
    get: (s) => {
      if (profile(s) !== 'flink' && profile(s) !== 'beam') return undefined;
      const given = JSON.stringify(read(s, ['pipeline', 'trigger']) ?? TRIGGERS.default);
      return Object.keys(TRIGGERS).find((name) => JSON.stringify(TRIGGERS[name]) === given) ?? 'default';
    },
    set: (s, value) => write(s, ['pipeline', 'trigger'], TRIGGERS[value] ?? TRIGGERS.default),
  },
  choiceAt('accumulation', 'Accumulation', ['pipeline', 'accumulation'], ['discarding', 'accumulating', 'retracting'].map((value) => ({ value, label: value })),
    { when: (s) => profile(s) === 'flink' || profile(s) === 'beam', fallback: 'profile default' }),
  choiceAt('kafkaEmit', 'Emit', ['pipeline', 'emit'], [{ value: 'updates', label: 'every update' }, { value: 'final', label: 'final result only (suppress)' }], { when: (s) => profile(s) === 'kafka-streams', fallback: 'updates' }),
  choiceAt('outputMode', 'Output mode', ['pipeline', 'outputMode'], ['append', 'update', 'complete'].map((value) => ({ value, label: value })), { when: (s) => profile(s) === 'spark', fallback: 'append' }),
  numberAt('partitions', 'Source partitions', ['pipeline', 'partitions'], { unit: '', min: 1, max: 64, step: 1 }, { fallback: 1 }),
  numberAt('seed', 'Generator seed', ['seed'], { unit: '', min: 0, max: 2 ** 31 - 1, step: 1 }, { when: hasGenerator, fallback: 1 }),
  numberAt('count', 'Records', ['generator', 'count'], { unit: 'records', min: 1, max: 200_000, step: 100 }, { when: hasGenerator }),
  numberAt('rate', 'Rate', ['generator', 'ratePerSec'], { unit: 'per s', min: 0.1, max: 100_000, step: 1 }, { when: hasGenerator }),
  numberAt('keys', 'Keys', ['generator', 'keys', 'count'], { unit: '', min: 1, max: 10_000, step: 1 }, { when: hasGenerator, fallback: 1 }),
  numberAt('hotShare', 'Share of the hot key', ['generator', 'keys', 'distribution', 'hotShare'], { unit: '', min: 0, max: 1, step: 0.05 }, { when: (s) => read(s, ['generator', 'keys', 'distribution', 'type']) === 'hot' }),
  {
    id: 'skew', label: 'Key skew', kind: 'choice',
    options: [{ value: 'uniform', label: 'uniform' }, { value: 'zipf', label: 'Zipf (a few keys dominate)' }, { value: 'hot', label: 'one hot key' }],
    get: (s) => (hasGenerator(s) ? ((read(s, ['generator', 'keys', 'distribution', 'type']) as string | undefined) ?? 'uniform') : undefined),
    set: (s, value) => write(s, ['generator', 'keys', 'distribution'], value === 'zipf' ? { type: 'zipf', exponent: 1.2 } : value === 'hot' ? { type: 'hot', hotShare: 0.8 } : { type: 'uniform' }),
  },
  ...RUNTIME_CONTROLS,
  numberAt('disorder', 'Max arrival delay', ['generator', 'disorder', 'maxDelayMs'], { ...MS, min: 0, max: HOUR }, { when: (s) => hasGenerator(s) && read(s, ['generator', 'disorder', 'type']) !== undefined && read(s, ['generator', 'disorder', 'type']) !== 'none' }),
];

export const controlById = (id: string) => CONTROLS.find((control) => control.id === id);

/** Puts a number inside the control's range and says what was changed, so an absurd value is capped, not obeyed. */
export function capNumber(control: NumberControl, value: number): { value: number; message?: string } {
  if (!Number.isFinite(value)) return { value: control.min, message: `${control.label} must be a number; using ${control.min}.` };
  const rounded = control.step >= 1 ? Math.round(value) : value;
  if (rounded < control.min) return { value: control.min, message: `${control.label} cannot be below ${control.min}${control.unit ? ` ${control.unit}` : ''}; using ${control.min}.` };
  if (rounded > control.max) return { value: control.max, message: `${control.label} is capped at ${control.max.toLocaleString('en')}${control.unit ? ` ${control.unit}` : ''}.` };
  return { value: rounded };
}
