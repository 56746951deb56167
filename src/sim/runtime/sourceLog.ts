// The partitioned log a source reads (Kafka-like): records are appended when they arrive and stay, so a source can
// rewind to a checkpoint's offsets and read them again (R7.12). An entry is a record's program position (≥ 0) or a
// control element (< 0): an explicit watermark step, or the end of a bounded input.
export class SourceLog {
  private readonly entries: number[][];
  /** Processing time each entry was appended (for consumer lag in time). */
  private readonly appendedMs: number[][];

  /** The furthest offset any source has read per partition: below it, reading is a replay. */
  readonly readUpTo: Int32Array;

  constructor(readonly partitions: number) {
    this.readUpTo = new Int32Array(partitions);
    this.entries = Array.from({ length: partitions }, () => []);
    this.appendedMs = Array.from({ length: partitions }, () => []);
  }

  append(partition: number, entry: number, nowMs: number): void {
    this.entries[partition].push(entry);
    this.appendedMs[partition].push(nowMs);
  }

  /** The log end offset of a partition. */
  endOffset(partition: number): number { return this.entries[partition].length; }
  at(partition: number, offset: number): number { return this.entries[partition][offset]; }
  appendedAt(partition: number, offset: number): number { return this.appendedMs[partition][offset]; }
}
