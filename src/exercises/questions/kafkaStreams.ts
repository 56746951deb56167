// Questions about how a Kafka Streams application is laid out at start-up: how many stream threads get no task
// (read from a kafka-streams runtime run, whose threads get their tasks from src/sim/kafka/taskAssignment.ts) and
// which joins fail to start because their inputs are not co-partitioned (repartition topics sized by
// src/sim/kafka/copartition.ts, then the join simulator, which refuses mismatched inputs as Kafka does). The first
// set of joins lives in data/kafka-streams-setups.json.
import { createRng, parseScenario, run, sizeCopartitionGroup, TopologyError, type Rng } from '../../sim/index.ts';
import type { RunView } from '../runView.ts';
import type { NumberQuestion, Option, SetQuestion } from './catalog.ts';
import setups from './data/kafka-streams-setups.json';
import { drawUntil, pick } from './draw.ts';

/** `foreign-key`: a KTable–KTable join on a field of the left value (KIP-213), which Kafka re-keys internally. */
type JoinKind = 'stream' | 'table' | 'global-table' | 'foreign-key';
interface JoinSetup {
  id: string;
  kind: JoinKind;
  left: { topic: string; partitions: number };
  /** `rekeyed`: selectKey before the join (an internal repartition topic); `repartitionTo`: repartition(n). */
  right: { topic: string; partitions: number; rekeyed?: boolean; repartitionTo?: number };
}

/** The stream threads of a kafka-streams runtime run, each with the tasks the assignor gave it. */
function threadsOf(view: RunView) {
  const threads = view.scenario.profile === 'kafka-streams' && view.scenario.pipeline.runtime ? run(view.scenario, { trace: true }).runtime?.kafka?.threads : undefined;
  if (!threads) throw new RangeError('this question needs a kafka-streams runtime scenario (pipeline.runtime with threads)');
  return threads;
}

const idleThreadsQuestion: NumberQuestion = {
  shape: 'number',
  summary: 'how many stream threads of a kafka-streams runtime scenario get no task',
  needs: [],
  dimension: 'count',
  answer: (view) => threadsOf(view).filter((t) => t.tasks.length === 0).length,
  explain: (view) => {
    const threads = threadsOf(view);
    const tasks = threads.reduce((n, t) => n + t.tasks.length, 0);
    const instances = new Set(threads.map((t) => t.instance)).size;
    const idle = threads.filter((t) => t.tasks.length === 0);
    const busiest = Math.max(...threads.map((t) => t.tasks.length));
    return `${view.scenario.pipeline.partitions} partitions make ${tasks} tasks; ${instances} instances run ${threads.length} threads, and the assignor gives each at most ${busiest} task${busiest === 1 ? '' : 's'}, so ${idle.length} thread${idle.length === 1 ? '' : 's'} get${idle.length === 1 ? 's' : ''} none${idle.length > 0 ? ` (${idle.map((t) => `${t.instance}, ${t.thread}`).join('; ')})` : ''}.`;
  },
};

const TOPIC_COUNTS = [2, 3, 4, 6, 8, 12];

/** A join drawn at random for variants: different partition counts, sometimes repaired, sometimes not. */
function drawJoin(rng: Rng, index: number): JoinSetup {
  const left = pick(rng, TOPIC_COUNTS);
  const right = pick(rng, TOPIC_COUNTS);
  const kind = pick(rng, ['stream', 'stream', 'table', 'global-table', 'foreign-key'] as const);
  const change = kind === 'stream' ? pick(rng, ['none', 'none', 'rekeyed', 'repartition'] as const) : 'none';
  return {
    id: `join-${index + 1}`, kind,
    left: { topic: 'orders', partitions: left },
    right: {
      topic: kind === 'stream' ? 'payments' : 'customers', partitions: right,
      ...(change === 'rekeyed' ? { rekeyed: true } : {}),
      ...(change === 'repartition' ? { repartitionTo: pick(rng, [left, left, right === left ? left * 2 : right]) } : {}),
    },
  };
}

type Outcome = { fails: true; reason: string } | { fails: false; partitions: number };

/**
 * Starts the join the way Kafka Streams does: size the repartition topic (if any), then run the join simulator on
 * the two inputs. A GlobalKTable is not co-partitioned: every instance reads all of it, so the join runs on the
 * stream's partitioning alone; a foreign-key join routes both tables through its own internal topics, so it does
 * not need co-partitioned inputs either.
 */
function start(join: JoinSetup): Outcome {
  const rightTopic = join.right.rekeyed || join.right.repartitionTo !== undefined ? `${join.right.topic}-repartition` : join.right.topic;
  let counts: Record<string, number>;
  try {
    counts = join.kind === 'global-table' || join.kind === 'foreign-key'
      ? { [join.left.topic]: join.left.partitions, [rightTopic]: join.left.partitions }
      : sizeCopartitionGroup([
        { name: join.left.topic, isSource: true, partitions: join.left.partitions },
        rightTopic === join.right.topic
          ? { name: rightTopic, isSource: true, partitions: join.right.partitions }
          : { name: rightTopic, isSource: false, partitions: join.right.repartitionTo },
      ]);
  } catch (error) {
    if (error instanceof TopologyError) return { fails: true, reason: error.message };
    throw error;
  }
  const type = join.kind === 'stream' ? { type: 'interval', lower: -300_000, upper: 300_000 } : { type: 'temporal' };
  const parsed = parseScenario({
    profile: 'kafka-streams', steps: [],
    pipeline: { join: { ...type, partitions: { left: counts[join.left.topic], right: counts[rightTopic] } } },
  });
  return parsed.ok ? { fails: false, partitions: counts[join.left.topic] } : { fails: true, reason: parsed.error.replace(/^[^:]*: /, '') };
}

function joinLabel(join: JoinSetup): string {
  const left = `${join.left.topic} (${join.left.partitions} partitions)`;
  const right = `${join.right.topic} (${join.right.partitions} partitions)`;
  // Labels keep to short words so that they wrap on a phone.
  if (join.kind === 'global-table') return `${left} joined with the GlobalKTable ${right}`;
  if (join.kind === 'foreign-key') return `the KTable ${left} joined with the KTable ${right} by a foreign key (the customer id in each order)`;
  if (join.kind === 'table') return `${left} joined with the KTable ${right}`;
  if (join.right.rekeyed) return `${left} joined with ${right} after payments.selectKey(…)`;
  if (join.right.repartitionTo !== undefined) return `${left} joined with ${right} after payments.repartition(…) to ${join.right.repartitionTo} partitions`;
  return `${left} joined with ${right}`;
}

/** Variant 1 shows the curated joins; other variants draw four, at least one that fails and one that starts. */
function joinsOf(view: RunView): JoinSetup[] {
  if (view.scenario.seed === 1) return setups.joins as JoinSetup[];
  const rng = createRng(view.scenario.seed);
  return drawUntil(() => Array.from({ length: 4 }, (_, i) => drawJoin(rng, i)), (joins) => {
    const failing = joins.filter((j) => start(j).fails).length;
    return failing > 0 && failing < joins.length;
  }, 'set of joins');
}

const failingJoins: SetQuestion = {
  shape: 'set',
  summary: 'the joins that fail at start-up because their inputs are not co-partitioned',
  needs: [],
  options: (view) => joinsOf(view).map((join): Option => {
    const outcome = start(join);
    const why = outcome.fails
      ? `it fails at start-up: ${outcome.reason}`
      : join.kind === 'global-table'
        ? 'it starts: every instance reads the whole GlobalKTable, so no co-partitioning is needed'
        : join.kind === 'foreign-key'
          ? 'it starts: a foreign-key join sends both tables through its own internal topics, so no co-partitioning is needed'
        : `it starts: both inputs of the join have ${outcome.partitions} partitions${join.right.rekeyed ? ' (Kafka sizes the internal repartition topic to match)' : ''}`;
    return { id: join.id, label: joinLabel(join), why };
  }),
  answer: (view) => joinsOf(view).filter((join) => start(join).fails).map((join) => join.id),
};

export const kafkaStreams = { 'idle-threads': idleThreadsQuestion, 'failing-joins': failingJoins };
