// Every number the build-a-mini-engine lesson and its exercises quote, re-derived from simulator runs of its
// scenarios and from the hidden cases the code exercises build.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignmentTask } from '../../../../src/exercises/code/alignmentTask.ts';
import { runTraced } from '../../../../src/exercises/code/task.ts';
import { CASE_LIMIT_MS } from '../../../../src/exercises/code/types.ts';
import { valveCase, valveTask } from '../../../../src/exercises/code/valveTask.ts';
import { windowTask } from '../../../../src/exercises/code/windowTask.ts';

const LESSON = 'src/lessons/build-a-mini-engine';
const scenario = (name: string): unknown => JSON.parse(readFileSync(`${LESSON}/scenarios/${name}.json`, 'utf8'));
const s = (ms: number) => ms / 1000;

describe('build-a-mini-engine: the valve with an idle meter', () => {
  const json = scenario('idle-partition');
  const { input, expected } = valveCase('idle', json);
  const { trace, result } = runTraced(json);
  const idleAt = trace.events.filter((e) => e.kind === 'idle');
  const goesIdle = input.steps.findIndex((step) => 'isIdle' in step && step.isIdle);
  const comesBack = input.steps.findIndex((step) => 'isIdle' in step && !step.isIdle);

  it("has meter b's last reading before its silence stamped 3.5 s, and marks it idle at 7.2 s of processing time", () => {
    const meterB = trace.keys.indexOf('meter-b');
    const stamps = Array.from({ length: trace.records.length }, (_, i) => i).filter((i) => trace.records.keyId[i] === meterB).map((i) => s(trace.records.ts[i]));
    expect(stamps.slice(0, 3)).toEqual([0.5, 2.5, 3.5]);
    expect(idleAt[0]).toMatchObject({ partition: 1, isIdle: true });
    expect(s(idleAt[0].procTimeMs)).toBe(7.2);
  });

  it('holds the operator at 2.499 s while meter b is silent, then jumps to 4.999 s when it goes idle', () => {
    const before = expected.slice(0, goesIdle).filter((wm) => wm !== null).at(-1)!;
    expect(s(before)).toBe(2.499);
    expect(s(expected[goesIdle]!)).toBe(4.999);
  });

  it('sees meter b come back at 15.2 s with 4.999 s while the operator is at 12.999 s, drop its reading stamped 6 s, and rejoin at 14.999 s', () => {
    expect(s(idleAt[1].procTimeMs)).toBe(15.2);
    expect(input.steps[comesBack + 1]).toEqual({ channel: 1, wm: 4999 });
    expect(expected.slice(0, comesBack).filter((wm) => wm !== null).at(-1)).toBe(12999);
    expect(result.late.map((r) => [r.key, s(r.ts)])).toEqual([['meter-b', 6]]);
    const rejoin = input.steps.findIndex((step, i) => i > comesBack && 'wm' in step && step.channel === 1 && step.wm >= 12999);
    expect(input.steps[rejoin]).toEqual({ channel: 1, wm: 14999 });
  });
});

describe('build-a-mini-engine: the keyed window with allowed lateness', () => {
  const { result, trace } = runTraced(scenario('late-readings'));
  const operatorWm = (step: number) => result.watermarks.filter((w) => w.step <= step).at(-1)!.wm;

  it("fires [0,10) on time for north with 2 and south with 1 when north's reading at 12.5 s lifts the watermark to 10.499 s", () => {
    const fired = result.emitted.filter((e) => e.timing === 'ON_TIME' && e.end === 10000);
    expect(fired.map((e) => [e.key, e.value])).toEqual([['north', 2], ['south', 1]]);
    expect(trace.records.ts[fired[0].step]).toBe(12500);
    expect(operatorWm(fired[0].step)).toBe(10499);
  });

  it("fires [0,10) again for south's reading stamped 8 s, LATE with 2, and drops north's stamped 9 s at a watermark of 15.999 s", () => {
    const late = result.emitted.filter((e) => e.timing === 'LATE');
    expect(late.map((e) => [e.key, e.start, e.value])).toEqual([['south', 0, 2]]);
    expect(trace.records.ts[late[0].step]).toBe(8000);
    expect(result.late.map((r) => [r.key, s(r.ts)])).toEqual([['north', 9]]);
    expect(operatorWm(result.late[0].step)).toBe(15999);
    expect(s(9999 + (scenario('late-readings') as { pipeline: { allowedLateness: number } }).pipeline.allowedLateness)).toBe(14.999);
  });

  it('emits 7 results and drops 1 record in all; [10,20) fires at 20.999 s', () => {
    expect(result.emitted).toHaveLength(7);
    expect(result.late).toHaveLength(1);
    const second = result.emitted.find((e) => e.start === 10000)!;
    expect(operatorWm(second.step)).toBe(20999);
  });
});

describe('build-a-mini-engine: hidden tests and the barrier example', () => {
  it('checkpoint 1 of the worked example holds a1, a2, b1, b2 and b3', () => {
    const [example] = alignmentTask.cases(1, undefined);
    expect(example.expected[1].sort()).toEqual(['a1', 'a2', 'b1', 'b2', 'b3']);
  });

  it('replays the lesson scenario plus ten seeded sources for the valve, and the sensors, a boundary case and twelve seeded streams for the window', () => {
    expect(valveTask.cases(1, scenario('idle-partition'))).toHaveLength(1 + 10);
    expect(windowTask.cases(1, scenario('late-readings'))).toHaveLength(1 + 1 + 12);
  });

  it('stops a hidden test after 1.5 s', () => {
    expect(s(CASE_LIMIT_MS)).toBe(1.5);
  });
});
