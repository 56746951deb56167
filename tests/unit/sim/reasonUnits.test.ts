// The "why?" sentences quote engine times in milliseconds while views show seconds, so every sentence that quotes
// a time says its unit. Checked on every window vector of the project, all five profiles.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, run } from '../../../src/sim/index.ts';

const DIR = new URL('../../vectors/', import.meta.url);
const windowVectors = readdirSync(DIR)
  .filter((file) => /^(flink|beam|kafka-streams|spark|storm)-/.test(file))
  .map((file) => parseScenario(readFileSync(new URL(file, DIR), 'utf8')))
  .flatMap((parsed) => (parsed.ok && !parsed.scenario.pipeline.runtime ? [parsed.scenario] : []));

/** A number left after removing rule ids (R4.3), engine class names and the unit note is a quoted time. */
const quotesTime = (reason: string) => /\d/.test(reason.replace(/\bR\d+\.\d+\b/g, '').replace(/ \(times in ms\)$/, ''));

describe('reason units', () => {
  it('covers window vectors of all five profiles', () => {
    expect(new Set(windowVectors.map((s) => s.profile)).size).toBe(5);
  });

  it('every pane, drop and lifecycle reason that quotes a time ends with "(times in ms)"', () => {
    const missing: string[] = [];
    for (const scenario of windowVectors) {
      const { trace } = run(scenario, { trace: true });
      const reasons = [...trace!.panes, ...trace!.drops, ...trace!.events].flatMap((e) => ('reason' in e ? [e.reason] : []));
      for (const reason of reasons) if (quotesTime(reason) && !reason.endsWith(' (times in ms)')) missing.push(`${scenario.name}: ${reason}`);
    }
    expect(missing).toEqual([]);
  });

  it('adds the unit without changing the rule or the values compared', () => {
    const parsed = parseScenario({ format: 'eventide.vector/1', name: 'unit', profile: 'flink', pipeline: { window: { type: 'tumbling', size: 10 }, watermark: { type: 'bounded', delay: 0, emit: 'per-record' } }, steps: [{ record: { ts: 10 } }, { record: { ts: 9 } }] });
    if (!parsed.ok) throw new Error(parsed.error);
    const drop = run(parsed.scenario, { trace: true }).trace!.drops[0];
    expect(drop).toMatchObject({ rule: 'R4.1', values: { maxTs: 9, allowedLateness: 0, watermark: 9 } });
    expect(drop.reason).toBe('late: window [0,10) maxTs 9 + allowed lateness 0 = 9 ≤ watermark 9 (times in ms)');
  });
});
