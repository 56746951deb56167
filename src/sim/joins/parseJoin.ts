// `pipeline.join` (vectors.md "Joins and CEP") becomes a canonical JoinSpec, or one clear message: exit 2 for bad
// input, exit 3 for a join the profile's engine does not have (spec R5; which engine API each case stands for is
// named in the message, so a learner sees why).
import * as v from 'valibot';
import { describeIssue, invalid, InputError, show, unsupported } from '../parse/issues.ts';
import { Int, NonNegative, Positive, WindowSchema } from '../parse/schemas.ts';
import type { ProfileId, WatermarkSpec } from '../types.ts';
import type { JoinKind, JoinSpec } from './types.ts';

const says = (what: string) => (issue: v.BaseIssue<unknown>) => `expected ${what}, got ${show(issue.input)}`;
const Kind = v.optional(v.picklist(['inner', 'left', 'right', 'outer'], says('one of inner | left | right | outer')), 'inner');
const Flag = v.optional(v.boolean(says('true or false')), false);
const Partitions = v.optional(v.strictObject({ left: Positive, right: Positive }));

const JoinSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('interval'), lower: Int, upper: Int, lowerExclusive: Flag, upperExclusive: Flag, kind: Kind,
    grace: v.optional(NonNegative), semantics: v.optional(v.picklist(['held', 'eager'], says('held | eager'))), partitions: Partitions,
  }),
  v.strictObject({ type: v.literal('window'), window: WindowSchema, kind: Kind, partitions: Partitions }),
  v.strictObject({ type: v.picklist(['temporal', 'lookup']), kind: Kind, grace: v.optional(NonNegative), partitions: Partitions }),
], says('a join type: interval | window | temporal | lookup'));

type RawJoin = v.InferOutput<typeof JoinSchema>;

/** What each engine has (R5): join type → the kinds it supports, and the engine API that decides it. */
const SUPPORTED: Record<ProfileId, Partial<Record<JoinSpec['type'], { kinds: JoinKind[]; api: string }>>> = {
  flink: {
    interval: { kinds: ['inner'], api: 'the DataStream interval join (IntervalJoinOperator) is inner only' },
    window: { kinds: ['inner'], api: 'the DataStream window join is inner only; outer joins need coGroup' },
    temporal: { kinds: ['inner', 'left'], api: 'Flink SQL event-time temporal joins are inner or left' },
    lookup: { kinds: ['inner', 'left'], api: 'Flink SQL lookup joins are inner or left' },
  },
  'kafka-streams': {
    interval: { kinds: ['inner', 'left', 'outer'], api: 'KStream has join, leftJoin and outerJoin; swap the streams for a right join' },
    temporal: { kinds: ['inner', 'left'], api: 'a KStream-KTable join is join or leftJoin' },
    lookup: { kinds: ['inner', 'left'], api: 'a KStream-KTable join is join or leftJoin' },
  },
  spark: {
    interval: { kinds: ['inner', 'left', 'right', 'outer'], api: '' },
    window: { kinds: ['inner', 'left', 'right', 'outer'], api: '' },
  },
  beam: {},
  storm: {},
};

const WHY_NOT: Partial<Record<string, string>> = {
  'kafka-streams window': 'Kafka Streams joins streams with JoinWindows (use "type": "interval")',
  'spark temporal': 'Spark has no event-time temporal join',
  'spark lookup': 'Spark joins a stream with a static table, which never updates',
};

/** `pipeline.watermark` for a join: one strategy for both inputs, or `{ "left": …, "right": … }`. */
function parseWatermarks(raw: unknown, parseOne: (raw: unknown, path: string) => WatermarkSpec | undefined): [WatermarkSpec | undefined, WatermarkSpec | undefined] {
  if (typeof raw === 'object' && raw !== null && !('type' in raw)) {
    const sides = raw as Record<string, unknown>;
    const extra = Object.keys(sides).find((k) => k !== 'left' && k !== 'right');
    if (extra) throw invalid(`pipeline.watermark.${extra}`, 'unknown field (expected left or right)');
    return [parseOne(sides.left, 'pipeline.watermark.left'), parseOne(sides.right, 'pipeline.watermark.right')];
  }
  const both = parseOne(raw, 'pipeline.watermark');
  return [both, both];
}

export interface JoinContext {
  profile: ProfileId;
  watermark: unknown;
  grace: number;
  allowedLateness: number;
  partitions: number;
  parseWatermark: (raw: unknown, path: string) => WatermarkSpec | undefined;
}

/** R4.19: the deprecated `JoinWindows.of(d)` gives grace max(24 h − size, 0). */
const DAY_MS = 86_400_000;

export function parseJoin(raw: unknown, ctx: JoinContext): JoinSpec {
  const parsed = v.safeParse(JoinSchema, raw);
  if (!parsed.success) throw new InputError('invalid', describeIssue('pipeline.join', parsed.issues[0]));
  const join: RawJoin = parsed.output;
  const { profile } = ctx;
  const support = SUPPORTED[profile][join.type];
  if (!support) throw unsupported(`${join.type} joins under ${profile}${WHY_NOT[`${profile} ${join.type}`] ? ` (${WHY_NOT[`${profile} ${join.type}`]})` : ''}`);
  if (!support.kinds.includes(join.kind)) throw unsupported(`${join.kind} ${join.type} join under ${profile} (${support.api})`);
  if (ctx.allowedLateness > 0 && !(profile === 'flink' && join.type === 'window')) throw unsupported(`allowedLateness for a ${join.type} join under ${profile}`);
  const partitions: [number, number] = [join.partitions?.left ?? ctx.partitions, join.partitions?.right ?? ctx.partitions];
  if (profile === 'kafka-streams') {
    if (ctx.watermark !== undefined) throw invalid('pipeline.watermark', 'kafka-streams has no watermarks (stream time comes from the records)');
    // R7.4: a task owns partition i of every input topic, so both topics need the same partition count. The wording is
    // Kafka Streams' own (CopartitionedTopicsEnforcer.getSamePartitions, thrown as a TopologyException at start-up).
    if (partitions[0] !== partitions[1]) {
      throw invalid('pipeline.join.partitions', `TopologyException: Invalid topology: Topics not co-partitioned: [{left=${partitions[0]}, right=${partitions[1]}}]`);
    }
  }
  const watermarks = profile === 'kafka-streams' ? [undefined, undefined] as [undefined, undefined] : parseWatermarks(ctx.watermark, ctx.parseWatermark);
  if (profile === 'spark') checkSparkWatermarks(watermarks, join);
  const common = { kind: join.kind, partitions, watermarks };
  switch (join.type) {
    case 'interval': {
      if (join.lower > join.upper) throw invalid('pipeline.join.upper', `expected lower (${join.lower}) ≤ upper, got ${join.upper}`);
      const isEager = join.semantics === 'eager';
      if (profile !== 'kafka-streams') {
        if (join.grace !== undefined || ctx.grace > 0) throw unsupported(`join grace under ${profile}`);
        if (join.semantics !== undefined) throw unsupported(`join semantics under ${profile} (a Kafka Streams option)`);
      } else if (join.lowerExclusive || join.upperExclusive) {
        throw unsupported('exclusive bounds under kafka-streams (JoinWindows bounds are inclusive)');
      }
      const lower = join.lower + (join.lowerExclusive ? 1 : 0);
      const upper = join.upper - (join.upperExclusive ? 1 : 0);
      const grace = join.grace ?? (isEager && ctx.grace === 0 ? Math.max(DAY_MS - (upper - lower), 0) : ctx.grace);
      return { type: 'interval', ...common, lower, upper, grace, isEager };
    }
    case 'window': {
      const window = join.window;
      if (window.time !== 'event') throw unsupported(`processing-time window joins under ${profile}`);
      const types = profile === 'flink' ? ['tumbling', 'sliding', 'session'] : ['tumbling', 'sliding'];
      if (!types.includes(window.type)) throw unsupported(`${window.type} window joins under ${profile}`);
      if ('offset' in window && Math.abs(window.offset) >= (window.type === 'sliding' ? window.slide : window.size)) {
        throw invalid('pipeline.join.window.offset', `expected |offset| < ${window.type === 'sliding' ? 'slide' : 'size'}, got ${window.offset}`);
      }
      return { type: 'window', ...common, window, allowedLateness: ctx.allowedLateness };
    }
    default: {
      const grace = join.grace ?? ctx.grace;
      // Kafka Streams: "KTable must be versioned to use a grace period in a stream table join" (KStreamKTableJoinProcessor).
      if (grace > 0 && !(profile === 'kafka-streams' && join.type === 'temporal')) throw unsupported(`grace for a ${join.type} join under ${profile}`);
      return { type: join.type, ...common, grace };
    }
  }
}

/**
 * R5.16, R5.17: Spark accepts an inner join without watermarks (its state grows forever) but an outer join needs
 * the state of the side that gets nulls to be evictable.
 */
function checkSparkWatermarks(watermarks: [WatermarkSpec | undefined, WatermarkSpec | undefined], join: RawJoin): void {
  for (const [i, wm] of watermarks.entries()) {
    if (wm && wm.type !== 'bounded') throw unsupported(`${wm.type} watermarks under spark (withWatermark sets a delay: use bounded)`);
    if (wm && wm.emit === 'per-record') throw unsupported(`per-record watermarks under spark (the watermark moves once per micro-batch), ${i === 0 ? 'left' : 'right'}`);
  }
  const needs: number[] = join.kind === 'left' ? [0] : join.kind === 'right' ? [1] : join.kind === 'outer' ? [0, 1] : [];
  for (const side of needs) {
    // A side's rows are evicted by the other side's watermark (range condition) or by its own (window equality).
    const evictor = join.type === 'interval' ? 1 - side : side;
    if (!watermarks[evictor]) {
      throw unsupported(`${join.kind} outer join without a watermark on the ${evictor === 0 ? 'left' : 'right'} input under spark (Spark rejects it: the unmatched rows could never be emitted)`);
    }
  }
}
