// The settings an exercise card shows above its input: read from the (variant's) parsed scenario, never typed,
// and refused at load time when the scenario has no such setting.
import { describe, expect, it } from 'vitest';
import { loadExerciseFrom } from '../../../src/exercises/load.ts';
import { describeSettings, type SettingName } from '../../../src/exercises/settings.ts';
import { parseScenario, type Scenario } from '../../../src/sim/index.ts';

function scenarioOf(json: Record<string, unknown>): Scenario {
  const parsed = parseScenario({ format: 'eventide.scenario/1', events: [{ key: 'a', ts: 1000, arrivalMs: 1000 }], steps: [], ...json });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.scenario;
}
const shown = (names: SettingName[], json: Record<string, unknown>) =>
  Object.fromEntries(describeSettings(names, scenarioOf(json)).map((s) => [s.term, s.value]));

const kafka = (threads: number[]) => ({
  profile: 'kafka-streams', pipeline: { window: { type: 'tumbling', size: 10_000 }, aggregate: 'count', partitions: 7, runtime: { threads } },
});
const spark = (batch: Record<string, number>) => ({
  profile: 'spark', pipeline: { window: { type: 'tumbling', size: 10_000 }, aggregate: 'count', outputMode: 'update', batchInterval: 3000, runtime: { batch } },
});
const storm = (runtime: Record<string, unknown>) => ({
  profile: 'storm', pipeline: { window: { type: 'tumbling', size: 10_000 }, aggregate: 'count', watermark: { type: 'bounded', delay: 0 }, runtime },
});

describe('settings shown on an exercise card', () => {
  it('shows a Kafka Streams deployment: partitions, instances and the threads of each', () => {
    expect(shown(['partitions', 'instances', 'threads'], kafka([3, 3, 3]))).toEqual({
      'Input partitions': '7', 'Application instances': '3', 'num.stream.threads': '3 per instance',
    });
    expect(shown(['threads'], kafka([2, 1]))).toEqual({ 'num.stream.threads': 'instance 1: 2, instance 2: 1' });
  });

  it('shows a Spark trigger and how long a batch takes, with the cost per row when there is one', () => {
    expect(shown(['trigger', 'batch-duration'], spark({ overheadMs: 2500, perRowMs: 0, commitMs: 500 }))).toEqual({
      'Trigger interval': '3 s', 'Micro-batch duration': '3 s per batch',
    });
    expect(shown(['batch-duration'], spark({ overheadMs: 1000, perRowMs: 5, commitMs: 0 }))).toEqual({ 'Micro-batch duration': '1 s + 5 ms per row' });
  });

  it('shows Storm\'s service time per bolt, the message timeout, and whether max.spout.pending caps the spout', () => {
    expect(shown(['service-time', 'message-timeout', 'max-spout-pending'], storm({ messageTimeoutMs: 15_000, bolts: [{ name: 'count', serviceMs: 2500 }] }))).toEqual({
      'Bolt service time': '2.5 s per tuple', 'Message timeout': '15 s', 'topology.max.spout.pending': 'not set (no cap)',
    });
    const twoBolts = storm({ maxSpoutPending: 1, bolts: [{ name: 'parse', serviceMs: 100 }, { name: 'count', serviceMs: 2000 }] });
    expect(shown(['service-time', 'max-spout-pending'], twoBolts)).toEqual({
      'Bolt service time': 'parse: 0.1 s per tuple; count: 2 s per tuple', 'topology.max.spout.pending': '1 tuple',
    });
  });

  it('shows the window and the watermark delay of an event-time pipeline, and leaves out what it does not have', () => {
    const flink = { profile: 'flink', pipeline: { window: { type: 'sliding', size: 10_000, slide: 5000 }, watermark: { type: 'bounded', delay: 2000 } } };
    expect(shown(['window', 'watermark-delay', 'trigger', 'threads'], flink)).toEqual({ Window: 'sliding, 10 s every 5 s', 'Watermark delay': '2 s' });
  });
});

describe('front matter "show"', () => {
  const SCENARIO = JSON.stringify({ format: 'eventide.scenario/1', ...kafka([2, 2]), events: [{ key: 'a', ts: 1000, arrivalMs: 1000 }], steps: [] });
  const load = async (frontMatter: string) => {
    const markdown = `---\n${frontMatter}\n---\n\n## Prompt\n\nQ?\n\n## Hint\n\nOne.\n\n## Hint\n\nTwo.\n\n## Explanation\n\nBecause.\n`;
    return loadExerciseFrom({ file: 'lesson-x/exercises/q.md', lessonId: 'lesson-x', exerciseId: 'q', markdown, scenario: () => SCENARIO });
  };
  const base = 'kind: num\nmisconceptions: []\nseeded: false\nscenario: s\nquestion: idle-threads';

  it('keeps the settings an exercise names, in its order', async () => {
    const parsed = await load(`${base}\nshow: [threads, partitions]`);
    expect(parsed.ok && parsed.exercise.show).toEqual(['threads', 'partitions']);
  });

  it('names an unknown setting and lists the known ones', async () => {
    const parsed = await load(`${base}\nshow: [partitons]`);
    expect(parsed.ok ? [] : parsed.errors).toEqual([expect.stringMatching(/^lesson-x\/exercises\/q\.md: front matter "show": unknown setting "partitons" \(known: window, .*partitions/)]);
  });

  it('refuses a setting the scenario does not have, naming its profile', async () => {
    const parsed = await load(`${base}\nshow: [partitions, trigger]`);
    expect(parsed.ok ? [] : parsed.errors).toEqual(['lesson-x/exercises/q.md: front matter "show": "trigger" is not a setting of this kafka-streams scenario']);
  });
});
