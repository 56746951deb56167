// R3.7: a two-input operator's watermark is min(W_left, W_right) of the two inputs' valve outputs, an idle input
// excluded. Each input runs the core's per-partition generators and valve (R3.1–R3.6) unchanged.
import { periodic } from '../engine.ts';
import { flinkRules } from '../profiles/eventTimeRules.ts';
import type { Scheduler } from '../scheduler.ts';
import { Recorder } from '../trace/recorder.ts';
import type { Scenario } from '../types.ts';
import { PartitionWatermarks } from '../watermarks/partitionWatermarks.ts';
import { Valve } from '../watermarks/valve.ts';
import type { JoinEngine, JoinEngineContext } from './engine.ts';
import type { JoinOutput, JoinRecord } from './joinOutput.ts';
import type { Side } from './types.ts';

export class TwoInputWatermarks {
  wm = -Infinity;
  private readonly inputWm = [-Infinity, -Infinity];
  private readonly valves: Valve[] = [];
  private readonly generators: PartitionWatermarks[] = [];
  private readonly wakes: (() => void)[] = [];

  constructor(scenario: Scenario, clock: Scheduler, private readonly out: JoinOutput, watermarks: Scenario['pipeline']['watermark'][], private readonly onAdvance: (wm: number) => void) {
    const partitions = scenario.pipeline.partitions;
    for (const side of [0, 1] as const) {
      const spec = watermarks[side];
      const valve = new Valve(partitions, (wm) => this.onInput(side, wm));
      // The generators report per-partition watermarks to a recorder of their own: the join trace keeps one
      // watermark row per input (scope 0/1) and one for the operator (scope −1).
      const partitionRecorder = new Recorder(clock, scenario.profile, [], partitions, false);
      const delay = spec?.type === 'bounded' ? spec.delay : 0;
      const generators = new PartitionWatermarks(spec, partitions, flinkRules.boundedFormula(delay), valve, partitionRecorder);
      this.valves.push(valve);
      this.generators.push(generators);
      this.wakes.push(generators.hasPeriodicWork ? periodic(clock, generators.interval, (now) => generators.periodic(now)) : () => {});
    }
  }

  /** R3.2 per-record mode: call after the record has been processed. */
  onRecord(side: Side, partition: number, ts: number): void {
    this.wakes[side]();
    this.generators[side].onRecord(partition, ts);
  }

  /** An explicit watermark step: side −1 = both inputs, partition −1 = every partition. */
  explicit(side: number, partition: number, wm: number, partitions: number): void {
    for (const s of side < 0 ? [0, 1] : [side]) {
      for (let p = partition < 0 ? 0 : partition; p < (partition < 0 ? partitions : partition + 1); p++) this.generators[s].explicit(p, wm);
    }
  }

  private onInput(side: Side, wm: number): void {
    this.inputWm[side] = wm;
    this.out.inputWatermark(side, wm);
    const isIdle = (s: number) => this.valves[s].isActive.every((a) => a === 0);
    const active = [0, 1].filter((s) => !isIdle(s));
    const min = Math.min(...(active.length > 0 ? active : [0, 1]).map((s) => this.inputWm[s]));
    if (min > this.wm) {
      this.wm = min;
      this.onAdvance(min);
    }
  }

  /** R3.9: the end of bounded input is the watermark +∞ on both inputs. */
  end(): void {
    if (this.wm === Infinity) return;
    this.wm = Infinity;
    this.onAdvance(Infinity);
  }
}

/**
 * The engine shape every Flink join shares: a record goes to the join's own logic first, then feeds the two-input
 * watermark (R3.7), whose advances reach the join through the callback it was built with.
 */
export function watermarkedJoin(
  { scenario, program, out }: Pick<JoinEngineContext, 'scenario' | 'program' | 'out'>,
  watermarks: TwoInputWatermarks,
  accept: (record: JoinRecord) => void,
): JoinEngine {
  return {
    record(op) {
      const record = out.arrive(op);
      accept(record);
      watermarks.onRecord(record.side, program.partition[op], record.t);
    },
    watermark(wm, partition, side) {
      watermarks.explicit(side, partition, wm, scenario.pipeline.partitions);
    },
    end() {
      watermarks.end();
    },
    get operatorWm() {
      return watermarks.wm;
    },
  };
}
