import { TCP_STATES } from './states.js';
import { instantiate } from './wasm.js';

/** Scalars kept per state (indexes into the module's state block). */
export const SCALAR = Object.freeze({
  records: 0,
  recvQTotal: 1,
  recvQMax: 2,
  recvQNonZero: 3,
  sendQTotal: 4,
  sendQMax: 5,
  sendQNonZero: 6,
  atLeast1024: 7,
  atLeast10000: 8,
  atLeast32768: 9,
  atLeast49152: 10,
  distinctPorts: 11,
});

/** The keyed tables kept per state. */
export const TABLE = Object.freeze({ hosts: 0, endpoints: 1, processes: 2 });

/** One entry of a top list: keys a and b (a port, an IPv4 address and port, a process key). */
export interface TallyEntry {
  a: number;
  b: number;
  count: number;
  recvQ: number;
  sendQ: number;
}

/** What the module reports while folding scanner records, in input order. */
export interface TallyEvents {
  /** A process key was seen for the first time in state si, on the record at offset o. */
  newProcess(si: number, o: number): void;
  /** A LISTEN row, at offset o. */
  listening(o: number): void;
}

interface TalliesExports {
  memory: { buffer: ArrayBuffer };
  reset(keys: number): void;
  batchPtr(): number;
  batchCapacity(): number;
  eventsPtr(): number;
  outPtr(): number;
  listenIndex(): number;
  hasState(si: number): number;
  countRow(si: number): void;
  rowsOf(si: number): number;
  scalar(si: number, k: number): number;
  foldRow(
    si: number,
    port: number,
    ip: number,
    remotePort: number,
    rq: number,
    sq: number,
    hasProc: number,
    proc: number,
  ): number;
  foldBatch(n: number): number;
  topPorts(si: number, n: number): number;
  topTable(si: number, t: number, n: number): number;
  tableSize(si: number, t: number): number;
  tableCapped(si: number, t: number): number;
}

/** Instances kept for reuse: a reader per chat message would otherwise make one each. */
const pool: Tallies[] = [];
const POOL_SIZE = 4;

/**
 * The numeric tallies of one Snapshot, per state, in a WebAssembly module (source:
 * assembly/tallies.ts): rows, queue stats, local ports, IPv4 peers and processes, each keyed
 * table capped at `maxKeys` distinct keys. Text rows are folded one call at a time, rows of
 * the byte scanner a run at a time from its records.
 */
export class Tallies {
  private readonly x: TalliesExports;
  private readonly batchCapacity: number;

  private constructor(x: TalliesExports) {
    this.x = x;
    this.batchCapacity = x.batchCapacity();
    if (TCP_STATES[x.listenIndex()] !== 'LISTEN')
      throw new Error('tallies.wasm: state order mismatch');
  }

  /** Fresh tallies capped at maxKeys distinct keys per table; `release` them when read. */
  static acquire(maxKeys: number): Tallies {
    let t = pool.pop();
    if (t === undefined) {
      const instance = instantiate('tallies.wasm');
      if (instance === undefined) {
        throw new Error('dist/tallies.wasm is missing: run `npm run build` first');
      }
      t = new Tallies(instance.exports as TalliesExports);
    }
    t.x.reset(maxKeys);
    return t;
  }

  /** Returns the instance for reuse; this object must not be used afterwards. */
  release(): void {
    if (pool.length < POOL_SIZE) pool.push(this);
  }

  /** Counts one row of state si. */
  countRow(si: number): void {
    this.x.countRow(si);
  }

  /** Rows counted in state si. */
  rows(si: number): number {
    return this.x.rowsOf(si);
  }

  /** Whether state si has folded a row with addresses. */
  hasState(si: number): boolean {
    return this.x.hasState(si) !== 0;
  }

  /** A scalar of state si (see SCALAR). */
  scalar(si: number, k: number): number {
    return this.x.scalar(si, k);
  }

  /**
   * Folds a row with addresses: numeric local port or -1, IPv4 peer (> 0) or -1, remote
   * port or -1, queued bytes, process key (a 31-bit integer) or undefined. True when the
   * process key is new and kept, so the caller can label it.
   */
  foldRow(
    si: number,
    port: number,
    ip: number,
    remotePort: number,
    rq: number,
    sq: number,
    proc: number | undefined,
  ): boolean {
    const peer = ip > 0 ? ip | 0 : 0; // 0: no IPv4 peer (or the wildcard)
    const hasProc = proc === undefined ? 0 : 1;
    return this.x.foldRow(si, port, peer, remotePort, rq, sq, hasProc, proc ?? 0) !== 0;
  }

  /** Folds the scanner row records in rec[from, to) (stride i32 apart), reporting events. */
  foldRecords(rec: Int32Array, from: number, to: number, stride: number, on: TallyEvents): void {
    const x = this.x;
    for (let o = from; o < to; ) {
      const n = Math.min(this.batchCapacity, (to - o) / stride);
      // Views are made per call: the module's memory may have grown (and been replaced).
      new Int32Array(x.memory.buffer, x.batchPtr(), n * stride).set(
        rec.subarray(o, o + n * stride),
      );
      const events = x.foldBatch(n);
      if (events > 0) {
        const ev = new Int32Array(x.memory.buffer, x.eventsPtr(), events * 3);
        for (let e = 0; e < ev.length; e += 3) {
          const at = o + (ev[e + 2] as number) * stride;
          if (ev[e] === 1) on.newProcess(ev[e + 1] as number, at);
          else on.listening(at);
        }
      }
      o += n * stride;
    }
  }

  /** The n busiest local ports of state si (a = port), busiest first; ties keep lower ports. */
  topPorts(si: number, n: number): TallyEntry[] {
    return this.entries(this.x.topPorts(si, n));
  }

  /** The n highest entries of table t of state si, highest first; n < 0 for every entry. */
  topTable(si: number, t: number, n: number): TallyEntry[] {
    return this.entries(this.x.topTable(si, t, n));
  }

  /** Distinct keys kept in table t of state si. */
  tableSize(si: number, t: number): number {
    return this.x.tableSize(si, t);
  }

  /** Whether table t of state si met a key it could not keep. */
  tableCapped(si: number, t: number): boolean {
    return this.x.tableCapped(si, t) !== 0;
  }

  private entries(n: number): TallyEntry[] {
    const buf = this.x.memory.buffer;
    const ints = new Int32Array(buf, this.x.outPtr(), n * 8);
    const floats = new Float64Array(buf, this.x.outPtr(), n * 4);
    const out: TallyEntry[] = [];
    for (let i = 0; i < n; i++) {
      out.push({
        a: ints[i * 8] as number,
        b: ints[i * 8 + 1] as number,
        count: ints[i * 8 + 2] as number,
        recvQ: floats[i * 4 + 2] as number,
        sendQ: floats[i * 4 + 3] as number,
      });
    }
    return out;
  }
}
