// What a task pays and what it holds back: the service time of one record, and output it could not ship for lack
// of credit (R7.5) — (output index, element) pairs, oldest first. While any is held the task ships nothing new past
// it, so order per channel is kept, and the task is back-pressured.
import { randomExponential, type Rng } from '../rng.ts';
import type { ServiceTime } from './types.ts';

/** Service time of one record: fixed, or drawn from the scenario's seeded generator (R8.3). */
export function drawServiceMs(service: ServiceTime, rng: Rng): number {
  switch (service.type) {
    case 'fixed': return service.ms;
    case 'uniform': return service.minMs + rng() * (service.maxMs - service.minMs);
    case 'exponential': return randomExponential(rng, service.meanMs);
  }
}

export class HeldOutput {
  private items: number[] = [];
  private head = 0;

  get isEmpty(): boolean { return this.head === this.items.length; }

  push(output: number, element: number): void {
    this.items.push(output, element);
  }

  /** Ships from the oldest while `ship` takes it; false when some is still held. */
  drain(ship: (output: number, element: number) => boolean): boolean {
    const items = this.items;
    while (this.head < items.length) {
      if (!ship(items[this.head], items[this.head + 1])) return false;
      this.head += 2;
    }
    this.reset();
    return true;
  }

  /** The held (output, element) pairs of data elements, control elements left out (R7.10 in-flight data). */
  dataPairs(): number[] {
    const pairs: number[] = [];
    for (let i = this.head; i < this.items.length; i += 2) if (this.items[i + 1] >= 0) pairs.push(this.items[i], this.items[i + 1]);
    return pairs;
  }

  /** Replaces everything held (restore after an unaligned checkpoint; empty on cancel). */
  reset(pairs: readonly number[] = []): void {
    this.items = [...pairs];
    this.head = 0;
  }
}
