// Unaligned checkpoints (R7.10): on the first barrier n a task snapshots at once and sends barrier n ahead of its
// output. Its snapshot then also holds in-flight data — the output the barrier overtook, and for every input
// channel the records queued or still arriving before that channel's barrier n — which a restore replays before
// new input. The acknowledgement waits until barrier n has come on every live channel.
import type { Channel } from './channel.ts';

export interface UnalignedSnapshot {
  isUnaligned: true;
  state: unknown;
  /** Per input channel: data elements to read again before anything new. */
  inputs: number[][];
  /** Output held back at the snapshot: pairs of (output index, element). */
  output: number[];
}

export const isUnaligned = (saved: unknown): saved is UnalignedSnapshot =>
  typeof saved === 'object' && saved !== null && (saved as UnalignedSnapshot).isUnaligned === true;

/** The kind state of a snapshot, whichever way it was taken. */
export const stateOf = (saved: unknown): unknown => (isUnaligned(saved) ? saved.state : saved);

export class UnalignedCapture {
  private readonly inputs: (number[] | undefined)[];

  /** `first`: the channel whose barrier came first; it was just taken off that channel's head. */
  constructor(readonly id: number, readonly state: unknown, readonly bytes: number, private readonly output: number[], channels: readonly Channel[], first: number, isBarrier: (element: number) => boolean) {
    this.inputs = channels.map((ch, i) => {
      if (i === first) return ch.dataAhead(ch.preBarrier);
      // Switched from an alignment (aligned-checkpoint-timeout): a blocked channel delivered its barrier already.
      if (ch.isBlocked) return [];
      if (ch.hasEnded) return [];
      // Its barrier is already waiting at the head: what it overtook is known.
      if (ch.length > 0 && isBarrier(ch.peek())) return ch.dataAhead(ch.preBarrier + 1);
      // An aligned barrier queued behind data (the task switched from aligning): the data before it.
      const before = ch.dataBefore(isBarrier);
      if (before) return before;
      ch.recording = ch.dataAhead(ch.length);
      return undefined;
    });
  }

  /** Barrier n (or end of input) came on channel `i`: its in-flight data is complete. */
  settle(i: number, channel: Channel): void {
    if (this.inputs[i] !== undefined) return;
    this.inputs[i] = channel.recorded ?? channel.recording ?? [];
    channel.recording = undefined;
    channel.recorded = undefined;
  }

  get isComplete(): boolean { return this.inputs.every((data) => data !== undefined); }

  get inFlight(): number {
    return this.inputs.reduce((n, data) => n + (data?.length ?? 0), 0) + this.output.length / 2;
  }

  snapshot(): UnalignedSnapshot {
    return { isUnaligned: true, state: this.state, inputs: this.inputs as number[][], output: this.output };
  }
}
