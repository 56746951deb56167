// Sizing the repartition topics of a join's co-partition group at start-up (CopartitionedTopicsEnforcer).
import { describe, expect, it } from 'vitest';
import { sizeCopartitionGroup, TopologyError } from '../../../../src/sim/kafka/copartition.ts';

describe('co-partition groups', () => {
  it('gives a repartition topic from a key change the partition count of the source topic it joins', () => {
    expect(sizeCopartitionGroup([{ name: 'orders', isSource: true, partitions: 6 }, { name: 'payments-repartition', isSource: false }]))
      .toEqual({ orders: 6, 'payments-repartition': 6 });
  });

  it('keeps a repartition topic whose count the application fixed when it matches', () => {
    expect(sizeCopartitionGroup([{ name: 'orders', isSource: true, partitions: 6 }, { name: 'payments-repartition', isSource: false, partitions: 6 }]))
      .toEqual({ orders: 6, 'payments-repartition': 6 });
  });

  it('fails at start-up when a fixed repartition count differs, naming the topic and both counts', () => {
    expect(() => sizeCopartitionGroup([{ name: 'orders', isSource: true, partitions: 6 }, { name: 'payments-repartition', isSource: false, partitions: 4 }]))
      .toThrow('TopologyException: Number of partitions [4] of repartition topic [payments-repartition] doesn\'t match number of partitions [6] of the source topic.');
  });

  it('leaves two disagreeing source topics as they are, for the join to refuse', () => {
    expect(sizeCopartitionGroup([{ name: 'orders', isSource: true, partitions: 6 }, { name: 'payments', isSource: true, partitions: 4 }]))
      .toEqual({ orders: 6, payments: 4 });
  });

  it('names the topic with a bad or missing count', () => {
    expect(() => sizeCopartitionGroup([{ name: 'orders', isSource: true }])).toThrow(/source topic "orders": expected a partition count/);
    expect(() => sizeCopartitionGroup([{ name: 'orders', isSource: true, partitions: 0 }])).toThrow(TopologyError);
    expect(() => sizeCopartitionGroup([{ name: 'x-repartition', isSource: false }])).toThrow(/at least one source topic/);
  });
});
