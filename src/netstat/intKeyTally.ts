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
 * probe or two, and allocates nothing. Each slot's keys and count sit side by side, so a
 * probe touches one cache line (on a 1M-row dump the tables outgrow the cache, and separate
 * arrays cost a miss each). Past `maxKeys` distinct keys, new keys are not kept and
 * `capped` is set.
 */
export class IntKeyTally {
  private readonly mask: number;
  /** Per slot: key a, key b, count (0 = empty slot), unused. */
  private readonly slots: Int32Array;
  /** Per slot: recv-q and send-q totals; touched only by rows with queued bytes. */
  private readonly queues: Float64Array;
  size = 0;
  capped = false;

  constructor(private readonly maxKeys: number) {
    let slots = 16;
    while (slots < maxKeys * 2) slots *= 2; // load factor at most one half
    this.mask = slots - 1;
    this.slots = new Int32Array(slots * 4);
    this.queues = new Float64Array(slots * 2);
  }

  /** Counts one row under (a, b) with its queued bytes. */
  add(a: number, b: number, rq: number, sq: number): void {
    const t = this.slots;
    const h = Math.imul(a ^ Math.imul(b, 0x27d4eb2d), 0x9e3779b1);
    let i = (h ^ (h >>> 16)) & this.mask;
    for (;;) {
      const at = i << 2;
      const count = t[at + 2] as number;
      if (count === 0) {
        if (this.size >= this.maxKeys) {
          this.capped = true;
          return;
        }
        t[at] = a;
        t[at + 1] = b;
        this.size++;
        break;
      }
      if (t[at] === a && t[at + 1] === b) break;
      i = (i + 1) & this.mask;
    }
    t[(i << 2) + 2] = (t[(i << 2) + 2] as number) + 1;
    if (rq > 0) this.queues[i << 1] = (this.queues[i << 1] as number) + rq;
    if (sq > 0) this.queues[(i << 1) + 1] = (this.queues[(i << 1) + 1] as number) + sq;
  }

  /** The n keys with the highest counts, highest first. */
  top(n: number): IntKeyCount[] {
    const t = this.slots;
    const out: IntKeyCount[] = [];
    for (let i = 0; i <= this.mask; i++) {
      const c = t[(i << 2) + 2] as number;
      if (c === 0) continue;
      if (out.length === n && c <= (out[n - 1] as IntKeyCount).count) continue;
      out.push({
        a: t[i << 2] as number,
        b: t[(i << 2) + 1] as number,
        count: c,
        recvQ: this.queues[i << 1] as number,
        sendQ: this.queues[(i << 1) + 1] as number,
      });
      out.sort((x, y) => y.count - x.count);
      if (out.length > n) out.pop();
    }
    return out;
  }
}
