// Small real scenarios for component tests that run the simulator (times in ms).
export const lateRecordScenario = () => ({
  format: 'eventide.scenario/1',
  name: 'one late record',
  profile: 'flink',
  pipeline: { window: { type: 'tumbling', size: 10000 }, aggregate: 'count', watermark: { type: 'bounded', delay: 5000, emit: 'per-record' }, lateOutput: true },
  events: [
    { key: 'k', ts: 1000, arrivalMs: 1000 },
    { key: 'k', ts: 4000, arrivalMs: 4000 },
    { key: 'k', ts: 12000, arrivalMs: 12000 },
    { key: 'k', ts: 3000, arrivalMs: 13000 },
    { key: 'k', ts: 15000, arrivalMs: 15000 },
    { key: 'k', ts: 9000, arrivalMs: 16000 },
  ],
  steps: [{ end: true }],
});
