// Two 5,000-event scenarios for the join and CEP views at scale: the same input every time (no randomness).

/** Flink interval join, ±1 s, 50 keys, the two sides interleaved, arrivals up to 1.5 s out of order. */
export function bigJoin(): Record<string, unknown> {
  const events = Array.from({ length: 5000 }, (_, i) => {
    const ts = i * 10;
    return { key: `k${Math.floor(i / 2) % 50}`, value: i, ts, stream: i % 2 === 0 ? 'left' : 'right', arrivalMs: ts + ((i * 7919) % 1500) };
  });
  return {
    format: 'eventide.scenario/1', name: '5,000 orders and payments', profile: 'flink',
    pipeline: { join: { type: 'interval', kind: 'inner', lower: -1000, upper: 1000 }, watermark: { type: 'bounded', delay: 1500, emit: 'per-record' } },
    events, steps: [],
  };
}

/** Flink CEP in event time: login, then a purchase within 2 s, over 5,000 events of 50 users. */
export function bigPattern(): Record<string, unknown> {
  // Per user, every 500 ms: a login bought 1 s later (a match), then a login that waits 3.5 s for a purchase (a timeout).
  const values = ['login', 'view', 'buy', 'login', 'view', 'view', 'view', 'view'];
  const events = Array.from({ length: 5000 }, (_, i) => {
    const ts = i * 10;
    return { key: `u${(i * 13) % 50}`, value: values[Math.floor(i / 50) % values.length], ts, arrivalMs: ts + ((i * 7919) % 400) };
  });
  return {
    format: 'eventide.scenario/1', name: '5,000 clicks', profile: 'flink',
    pipeline: {
      cep: { pattern: [{ name: 'login', where: { value: 'login' } }, { name: 'buy', contiguity: 'followedBy', where: { value: 'buy' } }], within: 2000, skip: 'skipPastLastEvent' },
      watermark: { type: 'bounded', delay: 500, emit: 'per-record' },
    },
    events, steps: [],
  };
}
