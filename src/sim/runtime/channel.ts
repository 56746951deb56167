// A channel between a producer subtask and a consumer subtask (R7.5): a FIFO of elements with a bounded receive
// buffer. Elements are numbers: ≥ 0 is a data item (a log record's program position, or a window result's index),
// < 0 is a control element (watermark, barrier, latency marker, end of input) looked up in the job's table.
export class Channel {
  private items: number[] = [];
  private head = 0;
  /** slow-link: records per ms the link carries (Infinity = no limit), as a token bucket. */
  ratePerMs = Infinity;
  private tokens = 0;
  /** Unaligned-free alignment (R7.8): the consumer stopped reading this channel until the barrier completes. */
  isBlocked = false;
  hasEnded = false;
  /** Unaligned (R7.10): data elements the barrier at the head overtook. */
  preBarrier = 0;
  /** Unaligned: the consumer snapshotted already; data pushed until this channel's barrier is in-flight state. */
  recording: number[] | undefined;
  recorded: number[] | undefined;

  constructor(readonly id: number, readonly from: number, readonly to: number, readonly capacity: number) {}

  get length(): number { return this.items.length - this.head; }
  peek(): number { return this.items[this.head]; }

  shift(): number {
    const item = this.items[this.head++];
    // Compact now and then so the array does not grow without end.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** R7.5 credit: a data item is shipped only when the receiver has a free buffer (and the link has capacity). */
  hasCredit(): boolean {
    return this.length < this.capacity && (this.ratePerMs === Infinity || this.tokens >= 1);
  }

  /** Control elements need no credit (Sim: they are small and must not deadlock a full pipeline). */
  push(item: number): void {
    if (item >= 0 && this.ratePerMs !== Infinity) this.tokens--;
    if (item >= 0 && this.recording) this.recording.push(item);
    this.items.push(item);
  }

  /** An aligned barrier goes behind the data; what a consumer recorded for this channel ends with it. */
  pushBarrier(barrier: number): void {
    if (this.recording) {
      this.recorded = this.recording;
      this.recording = undefined;
    }
    this.items.push(barrier);
  }

  /** The data queued before the first element `isBarrier` accepts, or undefined when none is queued. */
  dataBefore(isBarrier: (element: number) => boolean): number[] | undefined {
    const data: number[] = [];
    for (let i = this.head; i < this.items.length; i++) {
      if (this.items[i] >= 0) data.push(this.items[i]);
      else if (isBarrier(this.items[i])) return data;
    }
    return undefined;
  }

  /** R7.10: an unaligned barrier jumps ahead of everything queued; what it overtook is in-flight data. */
  pushBarrierFirst(barrier: number): void {
    if (this.recording) {
      this.recorded = this.recording;
      this.recording = undefined;
    } else this.preBarrier = this.length;
    if (this.head > 0) this.items[--this.head] = barrier;
    else this.items.unshift(barrier);
  }

  /** The data among the first `count` queued elements. */
  dataAhead(count: number): number[] {
    const data: number[] = [];
    for (let i = this.head; i < this.head + count && i < this.items.length; i++) if (this.items[i] >= 0) data.push(this.items[i]);
    return data;
  }

  /** Called once per ms: the slow link's budget for this ms. */
  refill(): void {
    if (this.ratePerMs !== Infinity) this.tokens = Math.min(Math.max(1, this.ratePerMs), this.tokens + this.ratePerMs);
  }

  /** Everything queued, oldest first (for snapshots of lost in-flight data). */
  contents(): number[] { return this.items.slice(this.head); }

  clear(): void {
    this.items = [];
    this.head = 0;
    this.isBlocked = false;
    this.hasEnded = false;
    this.recording = undefined;
    this.recorded = undefined;
  }
}
