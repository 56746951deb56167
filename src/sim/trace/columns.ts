// Growable typed-array columns: record-level trace data stays compact (8 bytes a number, no objects per row).

type NumericArray = Float64Array | Int32Array | Uint8Array;

export class Column<A extends NumericArray> {
  data: A;
  constructor(private readonly make: (n: number) => A, capacity = 1024) {
    this.data = make(capacity);
  }
  /** Writes at `index`, growing by doubling. */
  set(index: number, value: number): void {
    if (index >= this.data.length) {
      const grown = this.make(Math.max(this.data.length * 2, index + 1));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[index] = value;
  }
  /** A trimmed copy, so the trace does not keep the doubling slack. */
  trimmed(length: number): A {
    return this.data.slice(0, length) as A;
  }
}

export const f64 = () => new Column((n) => new Float64Array(n));
export const i32 = () => new Column((n) => new Int32Array(n));
export const u8 = () => new Column((n) => new Uint8Array(n));
