// Small hand-made join and CEP scenarios for the view tests, with what happens in each worked out in the comments.

/** Processing-time CEP: login then (followedBy) buy within 10 ms. L@0 is seen to time out when L@20 arrives; L@20 + B@25 match. */
export function loginThenBuy(): Record<string, unknown> {
  return {
    format: 'eventide.scenario/1', name: 'Login then buy', profile: 'flink',
    pipeline: { cep: { pattern: [{ name: 'login', where: { value: 'L' } }, { name: 'buy', contiguity: 'followedBy', where: { value: 'B' } }], within: 10, time: 'processing' } },
    events: [
      { key: 'u', value: 'L', ts: 0, arrivalMs: 0 },
      { key: 'u', value: 'L', ts: 20, arrivalMs: 20 },
      { key: 'u', value: 'B', ts: 25, arrivalMs: 25 },
    ],
    steps: [],
  };
}

/**
 * Kafka Streams left join, JoinWindows ±5, no grace. A@10 meets x@12 when x arrives (100 ms); B@20 arrives at
 * 200 ms and moves left stream time to 20, so A (10 ≤ 20 − 10) expires; C@40 at 300 ms closes B's window: B gets
 * its null result then.
 */
export function leftJoin(): Record<string, unknown> {
  return {
    format: 'eventide.scenario/1', name: 'Orders and payments', profile: 'kafka-streams',
    pipeline: { join: { type: 'interval', kind: 'left', lower: -5, upper: 5 } },
    events: [
      { key: 'a', value: 'A', ts: 10, stream: 'left', arrivalMs: 0 },
      { key: 'a', value: 'x', ts: 12, stream: 'right', arrivalMs: 100 },
      { key: 'b', value: 'B', ts: 20, stream: 'left', arrivalMs: 200 },
      { key: 'c', value: 'C', ts: 40, stream: 'left', arrivalMs: 300 },
    ],
    steps: [],
  };
}
