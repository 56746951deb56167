// R3.6: the valve at an operator input with several channels (Flink's StatusWatermarkValve): the output watermark
// is the minimum over channels that are ACTIVE and aligned, forwarded only when it grows (R3.3).

export class Valve {
  readonly wm: Float64Array;
  readonly isActive: Uint8Array;
  private readonly isAligned: Uint8Array;
  lastOutput = -Infinity;

  constructor(channels: number, private readonly output: (wm: number) => void) {
    this.wm = new Float64Array(channels).fill(-Infinity);
    this.isActive = new Uint8Array(channels).fill(1);
    this.isAligned = new Uint8Array(channels).fill(1);
  }

  input(channel: number, wm: number): void {
    if (!this.isActive[channel] || wm <= this.wm[channel]) return;
    this.wm[channel] = wm;
    // R3.6: a channel that was behind rejoins the minimum once it catches up with the forwarded watermark.
    if (!this.isAligned[channel] && wm >= this.lastOutput) this.isAligned[channel] = 1;
    this.forwardMin();
  }

  markIdle(channel: number): void {
    if (!this.isActive[channel]) return;
    this.isActive[channel] = 0;
    this.isAligned[channel] = 0;
    if (this.isActive.every((a) => a === 0)) {
      // R3.6: when every channel is idle, the valve forwards the largest watermark it has seen.
      const max = Math.max(...this.wm);
      if (max > this.lastOutput) this.emit(max);
    } else {
      this.forwardMin();
    }
  }

  markActive(channel: number): void {
    if (this.isActive[channel]) return;
    this.isActive[channel] = 1;
    if (this.wm[channel] >= this.lastOutput) this.isAligned[channel] = 1;
  }

  private forwardMin(): void {
    let min = Infinity;
    let hasAligned = false;
    for (let c = 0; c < this.wm.length; c++) {
      if (this.isAligned[c]) {
        hasAligned = true;
        if (this.wm[c] < min) min = this.wm[c];
      }
    }
    if (hasAligned && min > this.lastOutput) this.emit(min);
  }

  private emit(wm: number): void {
    this.lastOutput = wm;
    this.output(wm);
  }
}
