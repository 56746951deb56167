// fast-check generators of small vectors, valid for the profile they name.
import fc from 'fast-check';

const record = (partitions: number) =>
  fc.record({ key: fc.constantFrom('a', 'b', 'c'), ts: fc.integer({ min: 0, max: 60 }), value: fc.integer({ min: 1, max: 9 }), partition: fc.integer({ min: 0, max: partitions - 1 }) });

const step = (profile: string, partitions: number) =>
  fc.oneof(
    { weight: 6, arbitrary: record(partitions).map((r) => ({ record: r })) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }).map((d) => ({ advance: d })) },
    ...(profile === 'flink' || profile === 'beam' ? [{ weight: 1, arbitrary: fc.integer({ min: -5, max: 70 }).map((w) => ({ watermark: w })) }] : []),
    ...(profile === 'spark' ? [{ weight: 2, arbitrary: fc.array(record(partitions), { minLength: 1, maxLength: 4 }).map((b) => ({ batch: b })) }] : []),
  );

const windowFor = (profile: string) => {
  const common = [
    fc.integer({ min: 1, max: 20 }).map((size) => ({ type: 'tumbling', size })),
    fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 })).map(([a, b]) => ({ type: 'sliding', size: Math.max(a, b), slide: Math.min(a, b) })),
  ];
  const session = fc.integer({ min: 1, max: 15 }).map((gap) => ({ type: 'session', gap }));
  switch (profile) {
    case 'flink':
    case 'beam':
      return fc.oneof(...common, session, fc.integer({ min: 1, max: 4 }).map((size) => ({ type: 'count', size })));
    case 'kafka-streams':
      return fc.oneof(...common, session, fc.integer({ min: 1, max: 15 }).map((size) => ({ type: 'kafka-sliding', size })));
    case 'spark':
      return fc.oneof(...common, session);
    default:
      return fc.oneof(...common);
  }
};

const watermarkFor = (profile: string) =>
  profile === 'storm' || profile === 'spark'
    ? fc.integer({ min: 0, max: 10 }).map((delay) => ({ type: 'bounded', delay }))
    : fc.oneof(
        fc.constant({ type: 'explicit' }),
        fc.record({ type: fc.constant('bounded'), delay: fc.integer({ min: 0, max: 10 }), emit: fc.constantFrom('per-record', 'periodic') }),
        ...(profile === 'flink' ? [fc.record({ type: fc.constant('bounded'), delay: fc.integer({ min: 0, max: 10 }), idleness: fc.integer({ min: 50, max: 500 }) })] : []),
      );

const extrasFor = (profile: string) => {
  if (profile === 'flink' || profile === 'beam') {
    return fc.record({
      allowedLateness: fc.integer({ min: 0, max: 10 }),
      accumulation: fc.constantFrom('discarding', 'accumulating', 'retracting'),
      trigger: fc.oneof(fc.constant({ type: 'default' }), fc.integer({ min: 1, max: 3 }).map((n) => ({ type: 'count', n })),
        fc.record({ type: fc.constant('afterWatermark'), early: fc.constant({ type: 'count', n: 2 }), late: fc.constant({ type: 'count', n: 1 }) })),
    });
  }
  if (profile === 'kafka-streams') return fc.record({ grace: fc.integer({ min: 0, max: 10 }), emit: fc.constantFrom('updates', 'final') });
  if (profile === 'spark') return fc.record({ outputMode: fc.constantFrom('append', 'complete') });
  return fc.constant({});
};

export const vectorFor = (profile: string) =>
  fc.integer({ min: 1, max: 3 }).chain((partitions) =>
    fc.record({
      profile: fc.constant(profile),
      pipeline: fc.record({ window: windowFor(profile), watermark: watermarkFor(profile), aggregate: fc.constantFrom('count', 'sum', 'list'), partitions: fc.constant(partitions), lateOutput: fc.constant(true) })
        .chain((p) => extrasFor(profile).map((x) => ({ ...p, ...x }))),
      steps: fc.array(step(profile, partitions), { maxLength: 25 }).map((s) => [...s, { end: true }]),
    }));

export const anyVector = fc.constantFrom('flink', 'beam', 'kafka-streams', 'spark', 'storm').chain(vectorFor);
