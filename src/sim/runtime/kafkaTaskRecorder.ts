// Pieces of the kafka-streams runtime: the recorder a task's windowed aggregate reports through, the graph and sample
// rows its dataflow view reads, and the duplicate flags of its output.
import { f64, u8 } from '../trace/columns.ts';
import type { DropInput, PaneInput, Recorder } from '../trace/recorder.ts';
import { SubtaskRecorder } from './subtaskRecorder.ts';
import { TaskState, type RuntimeSamples, type RuntimeTrace, type SinkWrite } from './types.ts';

/**
 * Passes a task's results on to the run's recorder and to the output topic, counts its changelog writes (one per
 * window store update), and stays silent while the task rebuilds its store from the changelog (`muted`).
 */
export class KafkaTaskRecorder extends SubtaskRecorder {
  /** The trace index of the record being processed (a replay processes the same record again). */
  current = -1;
  muted = false;
  changelog = 0;

  constructor(main: Recorder, output: (pane: PaneInput) => void) {
    super(main, { pane: output, assign() {}, windowOpened() {}, windowClosed() {} });
  }

  override arrive(): number { return this.current; }

  override assign(record: number, windowId: number): void {
    if (this.muted) return;
    this.changelog++;
    super.assign(record, windowId);
  }

  override pane(p: PaneInput): void {
    if (!this.muted) super.pane(p);
  }

  override drop(d: DropInput, fate: 1 | 2): void {
    if (!this.muted) super.drop(d, fate);
  }

  override event(e: Parameters<Recorder['event']>[0]): void {
    if (!this.muted) super.event(e);
  }
}

export interface PartitionNow { isDown: boolean; waiting: number; lag: number }

/**
 * Sample rows for the graph input-p → 0_p → output: a row whenever something changed (the last one of a ms wins).
 * Tasks of a thread that is down are Down, a task with records waiting Busy, others Idle; channel p holds the
 * records waiting in partition p; consumer lag counts from the committed offsets, as Kafka's consumer lag does.
 */
export class KafkaSamples {
  private count = 0;
  private readonly times = f64();
  private readonly states = u8();
  private readonly fill: number[] = [];
  private readonly lags = f64();

  constructor(private readonly partitions: number, private readonly isOn: boolean) {}

  row(nowMs: number, at: (partition: number) => PartitionNow): void {
    if (!this.isOn) return;
    const n = this.partitions;
    const row = this.count > 0 && this.times.data[this.count - 1] === nowMs ? this.count - 1 : this.count++;
    this.times.set(row, nowMs);
    for (let p = 0; p < n; p++) {
      const { isDown, waiting, lag } = at(p);
      this.states.set(row * (2 * n + 1) + p, isDown ? TaskState.Down : TaskState.Idle);
      this.states.set(row * (2 * n + 1) + n + p, isDown ? TaskState.Down : waiting > 0 ? TaskState.Busy : TaskState.Idle);
      this.fill[row * 2 * n + p] = Math.min(waiting, 65_535);
      this.fill[row * 2 * n + n + p] = 0;
      this.lags.set(row * n + p, lag);
    }
    this.states.set(row * (2 * n + 1) + 2 * n, TaskState.Idle);
  }

  done(): RuntimeSamples {
    const n = this.count;
    return {
      everyMs: 0, length: n, procTimeMs: this.times.trimmed(n), channelFill: Uint16Array.from(this.fill.slice(0, n * 2 * this.partitions)),
      state: this.states.trimmed(n * (2 * this.partitions + 1)), consumerLag: this.lags.trimmed(n * this.partitions),
    };
  }
}

/** Input partitions → one task each ("0_p", Kafka's task id) → the output topic. */
export function graphOf(partitions: number): RuntimeTrace['graph'] {
  const ids = Array.from({ length: partitions }, (_, p) => p);
  return {
    operators: [
      { name: 'input', kind: 'source', parallelism: partitions, partitioning: 'forward' },
      { name: 'task', kind: 'window', parallelism: partitions, partitioning: 'forward' },
      { name: 'output', kind: 'sink', parallelism: 1, partitioning: 'rebalance' },
    ],
    tasks: [
      ...ids.map((p) => ({ id: p, operator: 0, subtask: p, name: `input-${p}` })),
      ...ids.map((p) => ({ id: partitions + p, operator: 1, subtask: p, name: `0_${p}` })),
      { id: 2 * partitions, operator: 2, subtask: 0, name: 'output-0' },
    ],
    channels: [
      ...ids.map((p) => ({ id: p, from: p, to: partitions + p, capacity: Infinity })),
      ...ids.map((p) => ({ id: partitions + p, from: partitions + p, to: 2 * partitions, capacity: Infinity })),
    ],
    maxParallelism: 1, keyGroups: [...ids.map(() => null), ...ids.map(() => null), null], partitions,
  };
}

/** What a read_uncommitted reader (write order) and a read_committed reader (commit order) see twice. */
export function markDuplicates(writes: SinkWrite[]): void {
  const seen = new Set<string>();
  for (const w of writes) {
    const identity = JSON.stringify(w.row);
    w.isDuplicate = seen.has(identity);
    seen.add(identity);
  }
  const seenCommitted = new Set<string>();
  const visible = writes.filter((w) => !Number.isNaN(w.visibleAtMs)).sort((a, b) => a.visibleAtMs - b.visibleAtMs);
  for (const w of visible) {
    const identity = JSON.stringify(w.row);
    w.isCommittedDuplicate = seenCommitted.has(identity);
    seenCommitted.add(identity);
  }
}
