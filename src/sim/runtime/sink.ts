// Sinks and what a reader of their output sees (R7.13). at-least-once: a write is visible at once and a replay
// writes again. transactional (two-phase commit): writes go into the subtask's open transaction, pre-committed on
// the barrier, committed when the checkpoint completes; read_committed readers see only committed ones,
// read_uncommitted readers (Kafka's default) see every write, aborted ones included. upsert: a write replaces the
// row of its (key, window), so replays rewrite the same rows.
import type { JobContext, PaneOut } from './context.ts';
import { Task } from './task.ts';
import type { SinkKind, SinkResult, SinkRow, SinkWrite } from './types.ts';

interface Transaction { txn: number; task: number; checkpoint: number; writes: number[] }

export class SinkState {
  readonly writes: SinkWrite[] = [];
  private readonly seen = new Set<string>();
  /** Rows a read_committed reader has seen: a transactional write joins when its transaction commits. */
  private readonly seenCommitted = new Set<string>();
  private readonly table = new Map<string, SinkRow>();
  private nextTxn = 1;
  /** Open transaction per sink subtask (task id → transaction). */
  private readonly open = new Map<number, Transaction>();
  private preCommitted: Transaction[] = [];

  constructor(readonly kind: SinkKind, private readonly job: JobContext) {}

  write(task: number, pane: PaneOut, nowMs: number): void {
    const row: SinkRow = { key: this.job.program.keys[pane.keyId], ...(pane.start !== undefined ? { start: pane.start, end: pane.end } : {}), value: pane.value };
    const identity = JSON.stringify(row);
    const isTransactional = this.kind === 'transactional';
    const txn = isTransactional ? this.openTxn(task) : undefined;
    this.writes.push({
      procTimeMs: nowMs, task, row, txn: txn?.txn ?? -1, visibleAtMs: isTransactional ? NaN : nowMs,
      isDuplicate: this.seen.has(identity), isCommittedDuplicate: false, isReplay: this.job.isReplaying,
    });
    this.seen.add(identity);
    if (!isTransactional) this.markVisible(this.writes.at(-1)!);
    txn?.writes.push(this.writes.length - 1);
    if (this.kind === 'upsert') this.table.set(`${row.key}\u0000${row.start}\u0000${row.end}`, row);
  }

  private openTxn(task: number): Transaction {
    let txn = this.open.get(task);
    if (!txn) {
      txn = { txn: this.nextTxn++, task, checkpoint: 0, writes: [] };
      this.open.set(task, txn);
    }
    return txn;
  }

  /** R7.13: on barrier n the sink pre-commits its transaction and opens a new one. */
  preCommit(task: number, checkpoint: number, nowMs: number): void {
    if (this.kind !== 'transactional') return;
    const txn = this.openTxn(task);
    txn.checkpoint = checkpoint;
    this.open.delete(task);
    this.preCommitted.push(txn);
    this.job.event({ kind: 'transaction', procTimeMs: nowMs, task, txn: txn.txn, action: 'pre-commit', writes: txn.writes.length });
  }

  /** notifyCheckpointComplete(n), or recovery from checkpoint n: transactions pre-committed for ≤ n commit. */
  commitUpTo(checkpoint: number, nowMs: number): void {
    const [due, later] = partition(this.preCommitted, (t) => t.checkpoint <= checkpoint);
    for (const txn of due) {
      for (const w of txn.writes) {
        this.writes[w].visibleAtMs = nowMs;
        this.markVisible(this.writes[w]);
      }
      this.job.event({ kind: 'transaction', procTimeMs: nowMs, task: txn.task, txn: txn.txn, action: 'commit', writes: txn.writes.length });
    }
    this.preCommitted = later;
  }

  private markVisible(write: SinkWrite): void {
    const identity = JSON.stringify(write.row);
    write.isCommittedDuplicate = this.seenCommitted.has(identity);
    this.seenCommitted.add(identity);
  }

  /** Recovery: after committing the restored checkpoint's transactions, every other one is aborted. */
  abortRest(nowMs: number): void {
    for (const txn of [...this.preCommitted, ...this.open.values()]) {
      this.job.event({ kind: 'transaction', procTimeMs: nowMs, task: txn.task, txn: txn.txn, action: 'abort', writes: txn.writes.length });
    }
    this.preCommitted = [];
    this.open.clear();
  }

  result(): SinkResult {
    const all = this.writes.map((w) => w.row);
    const visible = this.writes.filter((w) => !Number.isNaN(w.visibleAtMs));
    // A read_committed reader sees transactions in commit order; within one, in write order.
    const committed = visible.map((w, i) => ({ w, i })).sort((a, b) => a.w.visibleAtMs - b.w.visibleAtMs || a.i - b.i).map(({ w }) => w.row);
    if (this.kind !== 'upsert') return { committed, all };
    const table = [...this.table.values()].sort((a, b) => (a.end ?? 0) - (b.end ?? 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || (a.start ?? 0) - (b.start ?? 0));
    return { committed, all, table };
  }
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}

export class SinkTask extends Task {
  constructor(id: number, spec: ConstructorParameters<typeof Task>[1], subtask: number, job: JobContext, private readonly sink: SinkState) {
    super(id, spec, subtask, job, undefined);
  }

  protected processData(element: number, _channel: number, nowMs: number): void {
    this.sink.write(this.id, this.job.panes[element], nowMs);
  }

  protected keyOf(element: number): number { return this.job.panes[element].keyId; }

  protected override onMarker(element: number, nowMs: number): void {
    this.job.latency(nowMs - this.job.control(element).value);
  }

  protected snapshot(id: number, nowMs: number): { state: unknown; bytes: number } {
    this.sink.preCommit(this.id, id, nowMs);
    return { state: null, bytes: 0 };
  }

  /** A sink forwards no watermark, but holds one (the dataflow view shows it). */
  restore(): void {
    this.valve = this.newValve(this.inputs.length, () => {});
  }
}
