// The pipeline settings an exercise card shows above the input (front matter `show: [partitions, threads, …]`).
// Each is read from the parsed scenario of the variant being attempted, so when a variant draws a new trigger
// interval or timeout, the card shows the value its answer was computed from: no prompt has to quote it.
import type { Scenario } from '../sim/index.ts';
import { formatSeconds } from './runView.ts';

export interface Setting {
  term: string;
  /** The value as the card shows it, or undefined when the scenario has no such setting. */
  describe(scenario: Scenario): string | undefined;
}

export interface ShownSetting { name: string; term: string; value: string }

const seconds = (ms: number) => `${formatSeconds(ms)} s`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const runtimeOf = (s: Scenario) => s.pipeline.runtime;
const kafkaThreads = (s: Scenario) => (s.profile === 'kafka-streams' ? runtimeOf(s)?.kafka?.threadsPerInstance : undefined);
const acking = (s: Scenario) => (s.profile === 'storm' ? runtimeOf(s)?.acking : undefined);

function windowText({ pipeline: { window } }: Scenario): string {
  const time = window.time === 'processing' ? ', processing time' : '';
  switch (window.type) {
    case 'tumbling': return `tumbling, ${seconds(window.size)}${time}`;
    case 'sliding': return `sliding, ${seconds(window.size)} every ${seconds(window.slide)}${time}`;
    case 'kafka-sliding': return `sliding, ${seconds(window.size)}${time}`;
    case 'session': return `session, gap ${seconds(window.gap)}${time}`;
    case 'count': return `count, ${plural(window.size, 'record')}${window.slide ? ` every ${window.slide}` : ''}`;
    case 'global': return 'global';
  }
}

/** A micro-batch's duration: fixed overhead and commit, plus a cost per row when the scenario has one. */
function batchDuration(s: Scenario): string | undefined {
  const batch = s.profile === 'spark' ? runtimeOf(s)?.microBatch : undefined;
  if (!batch) return undefined;
  const fixed = seconds(batch.overheadMs + batch.commitMs);
  return batch.perRowMs > 0 ? `${fixed} + ${batch.perRowMs} ms per row` : `${fixed} per batch`;
}

/** Each bolt's time per tuple, named when the topology has several bolts. */
function serviceTimes(s: Scenario): string | undefined {
  const bolts = acking(s) ? runtimeOf(s)!.operators.filter((op) => op.kind !== 'source') : [];
  if (bolts.length === 0) return undefined;
  const perTuple = (ms: number) => `${seconds(ms)} per tuple`;
  const serviceMs = (op: (typeof bolts)[number]) => (op.service.type === 'fixed' ? op.service.ms : NaN);
  return bolts.length === 1
    ? perTuple(serviceMs(bolts[0]))
    : bolts.map((op) => `${op.name}: ${perTuple(serviceMs(op))}`).join('; ');
}

export const SETTINGS = {
  window: { term: 'Window', describe: windowText },
  'watermark-delay': {
    term: 'Watermark delay',
    describe: (s) => (s.pipeline.watermark?.type === 'bounded' ? seconds(s.pipeline.watermark.delay) : undefined),
  },
  'allowed-lateness': { term: 'Allowed lateness', describe: (s) => seconds(s.pipeline.allowedLateness) },
  grace: { term: 'Grace period', describe: (s) => (s.profile === 'kafka-streams' ? seconds(s.pipeline.grace) : undefined) },
  partitions: { term: 'Input partitions', describe: (s) => String(s.pipeline.partitions) },
  instances: { term: 'Application instances', describe: (s) => kafkaThreads(s)?.length.toString() },
  threads: {
    term: 'num.stream.threads',
    describe: (s) => {
      const threads = kafkaThreads(s);
      if (!threads) return undefined;
      return threads.every((n) => n === threads[0])
        ? `${threads[0]} per instance`
        : threads.map((n, i) => `instance ${i + 1}: ${n}`).join(', ');
    },
  },
  trigger: { term: 'Trigger interval', describe: (s) => (s.profile === 'spark' && runtimeOf(s) ? seconds(s.pipeline.batchInterval) : undefined) },
  'batch-duration': { term: 'Micro-batch duration', describe: batchDuration },
  'service-time': { term: 'Bolt service time', describe: serviceTimes },
  'message-timeout': { term: 'Message timeout', describe: (s) => { const a = acking(s); return a && seconds(a.messageTimeoutMs); } },
  'max-spout-pending': {
    term: 'topology.max.spout.pending',
    describe: (s) => {
      const a = acking(s);
      return a && (Number.isFinite(a.maxSpoutPending) ? plural(a.maxSpoutPending, 'tuple') : 'not set (no cap)');
    },
  },
} satisfies Record<string, Setting>;

export type SettingName = keyof typeof SETTINGS;
export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];

export const isSettingName = (name: string): name is SettingName => Object.hasOwn(SETTINGS, name);

/** The settings an exercise shows, with the values of this (variant's) scenario. */
export function describeSettings(names: readonly SettingName[], scenario: Scenario): ShownSetting[] {
  return names.flatMap((name) => {
    const { term, describe } = SETTINGS[name] as Setting;
    const value = describe(scenario);
    return value === undefined ? [] : [{ name, term, value }];
  });
}
