// How Kafka Streams sizes the repartition topics of a co-partition group (the inputs of one join) at start-up,
// after apache/kafka streams/.../processor/internals/assignment/CopartitionedTopicsEnforcer.enforce:
// - a repartition topic created by a key change (selectKey, groupBy, map before a join) has no partition count of
//   its own: it is given the count of the group's source topics, so such a join always lines up;
// - a repartition topic whose count the application fixed (`repartition(Repartitioned.numberOfPartitions(n))`)
//   keeps it, and start-up fails with a TopologyException when it differs from the source topics' count.
// Two source topics that disagree are refused by the join itself (src/sim/joins/parseJoin.ts, R7.4).

export interface CopartitionTopic {
  name: string;
  /** A topic the application reads as it is. */
  isSource: boolean;
  /** Partitions of a source topic, or the count an application fixed for a repartition topic. */
  partitions?: number;
}

export class TopologyError extends Error {}

/** Every topic's partition count once start-up has sized the repartition topics, or the TopologyException. */
export function sizeCopartitionGroup(group: readonly CopartitionTopic[]): Record<string, number> {
  const sources = group.filter((t) => t.isSource);
  if (sources.length === 0) throw new TopologyError('this model needs at least one source topic in a co-partition group');
  for (const t of group) {
    if (t.partitions !== undefined && (!Number.isInteger(t.partitions) || t.partitions < 1)) throw new TopologyError(`topic "${t.name}": expected a partition count ≥ 1, got ${t.partitions}`);
    if (t.isSource && t.partitions === undefined) throw new TopologyError(`source topic "${t.name}": expected a partition count, got nothing`);
  }
  // If the sources disagree the join refuses to start anyway; the repartition topics follow the first one.
  const count = sources[0].partitions!;
  const sized: Record<string, number> = {};
  for (const t of group) {
    if (!t.isSource && t.partitions !== undefined && t.partitions !== count) {
      // The enforcer's words: the repartition topic's count does not match the source topic's.
      throw new TopologyError(`TopologyException: Number of partitions [${t.partitions}] of repartition topic [${t.name}] doesn't match number of partitions [${count}] of the source topic.`);
    }
    sized[t.name] = t.partitions ?? count;
  }
  return sized;
}
