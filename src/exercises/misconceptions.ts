// The misconceptions of curriculum Part A: a targeted hint for each and, where the wrong belief is a rule the
// simulator can run, a scenario transform that applies it. A wrong answer equal to the transformed run's answer
// is taken as that misconception, and the learner gets its hint instead of a generic "try again".
import type { MisconceptionId } from './types.ts';

type RawScenario = Record<string, unknown> & { pipeline?: Record<string, unknown>; events?: Record<string, unknown>[] };

export interface MisconceptionRule {
  hint: string;
  /** The wrong rule, as a change to the scenario JSON (the result is parsed and run like any scenario). */
  wrongRule?: { summary: string; apply: (scenario: RawScenario) => RawScenario };
}

const FOREVER_MS = 10 ** 12;

function withPipeline(scenario: RawScenario, change: (pipeline: Record<string, unknown>) => void): RawScenario {
  const copy = structuredClone(scenario);
  copy.pipeline = { ...copy.pipeline };
  change(copy.pipeline);
  return copy;
}

/** How long a window keeps taking late records: grace in Kafka Streams, allowed lateness in Flink and Beam. */
function withLateness(scenario: RawScenario, ms: number): RawScenario {
  return withPipeline(scenario, (p) => {
    if (scenario.profile === 'kafka-streams') p.grace = ms;
    else p.allowedLateness = ms;
  });
}

export const MISCONCEPTIONS: Record<MisconceptionId, MisconceptionRule> = {
  M1: {
    hint: 'Look at every input, not only the busy one. An operator\'s watermark is the smallest watermark of its inputs, so one partition that sends nothing keeps event time still for every window.',
    wrongRule: {
      summary: 'every record feeds one partition, as if a silent partition could not hold the watermark back',
      apply: (s) => {
        const copy = withPipeline(s, (p) => (p.partitions = 1));
        copy.events = copy.events?.map((e) => ({ ...e, partition: 0 }));
        return copy;
      },
    },
  },
  M2: {
    hint: 'Check which clock the window uses. An event-time window groups records by the time stamped on them, however late they arrive; only a processing-time window looks at the arrival clock.',
    wrongRule: {
      summary: 'windows placed on the arrival (processing-time) clock',
      apply: (s) => withPipeline(s, (p) => (p.window = { ...(p.window as object), time: 'processing' })),
    },
  },
  M3: {
    hint: 'A record behind the watermark is not automatically lost, and a lost record leaves no error. Ask for each record: had its window already passed its end plus the allowed lateness when it arrived?',
    wrongRule: {
      summary: 'late records counted anyway',
      apply: (s) => withLateness(s, FOREVER_MS),
    },
  },
  M4: {
    hint: 'suppress() releases a window when stream time passes its end plus the grace period. Stream time only moves when new records arrive; the wall clock does not release anything.',
  },
  M5: {
    hint: 'A window can emit more than once: a late record inside the allowed lateness fires it again with an updated result. Count every firing, not only the first.',
    wrongRule: {
      summary: 'one result per window (late firings ignored)',
      // Kafka Streams refines a window on every record; one result per window is what suppress() gives.
      apply: (s) => (s.profile === 'kafka-streams' ? withPipeline(s, (p) => (p.emit = 'final')) : withLateness(s, 0)),
    },
  },
  M6: {
    hint: 'Check the unit of the timestamps. Seconds read as milliseconds make every window a thousand times too long in real time.',
  },
  M7: {
    hint: 'In Spark the watermark is computed from the largest event time at the end of a micro-batch and only used from the next batch on, so results and drops come one batch later than a per-record rule predicts.',
  },
  M8: {
    hint: 'State stays until something removes it: a window until the watermark passes its end plus lateness, a join buffer until both sides\' watermarks bound it. Count what is still held.',
  },
  M9: {
    hint: 'Exactly-once covers the state inside the job. End to end it also needs a replayable source and a transactional or idempotent sink; otherwise replayed output appears twice.',
  },
  M10: {
    hint: 'A checkpoint barrier waits behind every record queued in front of it. Remove the backlog (or let the barrier overtake it) rather than raising the timeout.',
  },
  M11: {
    hint: 'All records of one key go to one subtask. If one key carries more than one subtask can handle, adding subtasks changes nothing for that key.',
  },
  M12: {
    hint: 'The backpressured operators sit upstream of the problem. Look for the first operator that is busy nearly all the time but not backpressured itself.',
  },
  M13: {
    hint: 'Lag falls only when the consumers read faster than the producers write, and no more consumers can read than there are partitions.',
  },
  M14: {
    hint: 'Sessions are built record by record and merge when a record falls within the gap of two of them, so one late record can join two sessions into one and fire the merged session again.',
  },
  M15: {
    hint: 'A pause longer than the heartbeat timeout looks like a lost worker, so the job restarts even though nothing crashed.',
  },
};

export function isMisconceptionId(id: string): id is MisconceptionId {
  return Object.hasOwn(MISCONCEPTIONS, id);
}
