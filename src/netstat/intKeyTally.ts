/** One entry of an IntKeyTally's top list. */
export interface IntKeyCount {
  a: number;
  b: number;
  count: number;
  recvQ: number;
  sendQ: number;
}

/**
 * A bounded tally keyed by one or two 32-bit integers (an IPv4 address, or an address and a
 * port), held in flat typed arrays with open addressing: counting a row costs a hash and a
 * probe or two, and allocates nothing. Past `maxKeys` distinct keys, new keys are not kept
 * and `capped` is set.
 */
export class IntKeyTally {
  private readonly mask: number;
  private readonly keyA: Int32Array;
  private readonly keyB: Int32Array;
  private readonly used: Uint8Array;
  private readonly count: Int32Array;
  private readonly recvQ: Float64Array;
  private readonly sendQ: Float64Array;
  size = 0;
  capped = false;

  constructor(private readonly maxKeys: number) {
    let slots = 16;
    while (slots < maxKeys * 2) slots *= 2; // load factor at most one half
    this.mask = slots - 1;
    this.keyA = new Int32Array(slots);
    this.keyB = new Int32Array(slots);
    this.used = new Uint8Array(slots);
    this.count = new Int32Array(slots);
    this.recvQ = new Float64Array(slots);
    this.sendQ = new Float64Array(slots);
  }

  /** Counts one row under (a, b) with its queued bytes. */
  add(a: number, b: number, rq: number, sq: number): void {
    const h = Math.imul(a ^ Math.imul(b, 0x27d4eb2d), 0x9e3779b1);
    let i = (h ^ (h >>> 16)) & this.mask;
    for (;;) {
      if (this.used[i] === 0) {
        if (this.size >= this.maxKeys) {
          this.capped = true;
          return;
        }
        this.used[i] = 1;
        this.keyA[i] = a;
        this.keyB[i] = b;
        this.size++;
        break;
      }
      if (this.keyA[i] === a && this.keyB[i] === b) break;
      i = (i + 1) & this.mask;
    }
    this.count[i] = (this.count[i] as number) + 1;
    if (rq > 0) this.recvQ[i] = (this.recvQ[i] as number) + rq;
    if (sq > 0) this.sendQ[i] = (this.sendQ[i] as number) + sq;
  }

  /** The n keys with the highest counts, highest first. */
  top(n: number): IntKeyCount[] {
    const out: IntKeyCount[] = [];
    for (let i = 0; i <= this.mask; i++) {
      if (this.used[i] === 0) continue;
      const c = this.count[i] as number;
      if (out.length === n && c <= (out[n - 1] as IntKeyCount).count) continue;
      out.push({
        a: this.keyA[i] as number,
        b: this.keyB[i] as number,
        count: c,
        recvQ: this.recvQ[i] as number,
        sendQ: this.sendQ[i] as number,
      });
      out.sort((x, y) => y.count - x.count);
      if (out.length > n) out.pop();
    }
    return out;
  }
}
