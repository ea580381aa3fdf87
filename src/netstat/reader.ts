import { fastLinuxRow } from './formats/netstatRows.js';
import { readLine } from './formats/registry.js';
import { isWordChar } from './lineScan.js';
import { LineView } from './lineView.js';
import { ReadContext } from './readContext.js';
import { RowScanner } from './rowScanner.js';
import { SCAN_RECORD } from './scanRecord.js';
import type { Snapshot } from './snapshot.js';
import { RowScratch, SnapshotBuilder, type SnapshotLimits } from './snapshotBuilder.js';
import { TCP_STATES, type TcpState } from './states.js';

// Record fields of the row scanner, as plain constants for the hot loop.
const {
  KIND: R_KIND,
  START: R_START,
  END: R_END,
  FLAGS: R_FLAGS,
  STATE: R_STATE,
  RECVQ: R_RECVQ,
  SENDQ: R_SENDQ,
  LOCAL_IP: R_LOCAL_IP,
  LOCAL_PORT: R_LOCAL_PORT,
  REMOTE_IP: R_REMOTE_IP,
  REMOTE_PORT: R_REMOTE_PORT,
  PID: R_PID,
  NAME_START: R_NAME_START,
  NAME_END: R_NAME_END,
} = SCAN_RECORD;
/** The scanner's state codes are indexes into TCP_STATES. */
const STATE_BY_CODE: readonly TcpState[] = TCP_STATES;

/** Longest line kept whole; past it the line is cut and reported. */
const MAX_LINE = 1 << 20;

/**
 * Reads netstat / ss / /proc/net/tcp text of any supported format, line by line as it
 * streams, into a Snapshot. Input comes as raw bytes (`pushBytes`): the WebAssembly row
 * scanner reads the common Linux netstat rows, and every other line is read here as a
 * latin1 view of its UTF-8 bytes (one char per byte), so scanning is by char code; text
 * shown to people is converted back. `push` takes such latin1 text directly.
 *
 * Each line goes to the first format module that takes it (`formats/registry.ts`); the
 * reader itself only splits chunks into lines, trims chat damage and runs the fast paths.
 * It keeps O(1) state per line (in `ReadContext`): the current section, the current command
 * context, and one pending row that a continuation line may still complete (ss wrapped
 * records, `ss -p`/`-i` second lines, Windows `netstat -b` image names).
 */
export class SocketTableReader {
  private readonly b: SnapshotBuilder;
  /** What the format modules see: the Snapshot being built, the pending row, the block's facts. */
  private readonly ctx: ReadContext;
  private readonly v = new LineView();
  private carry = '';
  private carryBytes: Buffer | undefined;
  private readonly scanner: RowScanner | undefined;

  /** `byteScanner: false` reads every line in TypeScript (the reference the scanner is tested against). */
  constructor(limits: Partial<SnapshotLimits> = {}, options: { byteScanner?: boolean } = {}) {
    this.b = new SnapshotBuilder(limits);
    this.ctx = new ReadContext(this.b);
    this.ctx.reread = (s, a, e) => this.line(s, a, e);
    this.scanner = options.byteScanner === false ? undefined : RowScanner.shared();
  }

  /** Whether rows are read by the WebAssembly scanner (else every line is read as text). */
  get scans(): boolean {
    return this.scanner !== undefined;
  }

  /**
   * Feeds the next chunk of raw bytes; lines may span chunks. Rows the WebAssembly scanner
   * recognises are folded from its records; every other line is read as text.
   */
  pushBytes(chunk: Buffer): void {
    if (this.scanner === undefined) {
      this.push(chunk.toString('latin1'));
      return;
    }
    this.wholeLines(chunk, (bytes, a, e) => this.scanLines(bytes, a, e));
  }

  /**
   * Splits a chunk at line boundaries, joining a line that spans chunks: `take` gets each
   * run of whole lines, in order, and the partial last line is kept (copied) for the next
   * chunk before `take` sees the chunk, so `take` may hand the chunk's memory to a worker.
   */
  wholeLines(chunk: Buffer, take: (bytes: Buffer, a: number, e: number) => void): void {
    let a = 0;
    let joined: Buffer | undefined;
    const carried = this.carryBytes;
    if (carried !== undefined) {
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        this.keepBytes(Buffer.concat([carried, chunk]));
        return;
      }
      this.carryBytes = undefined;
      joined = Buffer.concat([carried, chunk.subarray(0, nl + 1)]);
      a = nl + 1;
    }
    const last = chunk.lastIndexOf(10);
    const e = last >= a ? last + 1 : a;
    if (e < chunk.length) this.keepBytes(chunk.subarray(e));
    if (joined !== undefined) take(joined, 0, joined.length);
    if (e > a) take(chunk, a, e);
  }

  /** Keeps a partial last line as bytes (a copy: the chunk may be a view of a larger buffer). */
  private keepBytes(rest: Buffer): void {
    if (rest.length > MAX_LINE) {
      this.b.unreadable('a line longer than 1 MiB was cut');
      this.carryBytes = Buffer.from(rest.subarray(0, MAX_LINE));
    } else {
      this.carryBytes = Buffer.from(rest);
    }
  }

  /** Reads bytes[a, e), which ends with a newline, through the scanner. */
  private scanLines(bytes: Buffer, a: number, e: number): void {
    this.takeRecords(bytes, (this.scanner as RowScanner).scanLines(bytes, a, e));
  }

  /** The scanner's records for bytes[a, e) (whole lines), for `takeRecords` later, in input order. */
  scanRecords(bytes: Buffer, a: number, e: number): { bytes: Buffer; records: Int32Array } {
    return { bytes, records: (this.scanner as RowScanner).scanLines(bytes, a, e) };
  }

  /** Folds the scanner's records of `bytes`: parsed rows, and spans of other lines read as text. */
  takeRecords(bytes: Buffer, rec: Int32Array): void {
    const stride = (this.scanner as RowScanner).stride;
    const end = rec.length;
    let o = 0;
    while (o < end) {
      if (rec[o + R_KIND] === 0 || this.ctx.section === 'unix') {
        this.lines(bytes.toString('latin1', rec[o + R_START] as number, rec[o + R_END] as number));
        o += stride;
        continue;
      }
      // A run of rows: all but the last are folded straight from their fields; the last
      // becomes the pending row, since the next line may continue it.
      let last = o;
      while (last + stride < end && rec[last + stride + R_KIND] === 1) last += stride;
      if (last > o && this.b.sampleFull) {
        this.ctx.flushPending();
        this.foldRun(bytes, rec, o, last, stride);
        o = last;
      }
      this.pendRecord(bytes, rec, o);
      o += stride;
    }
  }

  /** Folds the row records in rec[from, to) (stride apart) without keeping them. */
  private foldRun(bytes: Buffer, rec: Int32Array, from: number, to: number, stride: number): void {
    const b = this.b;
    b.foldScannedRows(bytes, rec, from, to, stride, this.names);
    const rows = (to - from) / stride;
    b.lines.total += rows;
    this.ctx.seen('netstat-linux', 'linux', rows);
  }
  /** Scratch for labelling processes of rows folded by `foldRun`. */
  private readonly names = new RowScratch();

  /** Makes row record o the pending row, as `fastLinuxRow` does for a row read as text. */
  private pendRecord(bytes: Buffer, rec: Int32Array, o: number): void {
    this.b.lines.total++;
    // Every field of the row is written here, so no reset() is needed.
    const r = this.ctx.cur;
    const flags = rec[o + R_FLAGS] as number;
    r.localIp = (rec[o + R_LOCAL_IP] as number) >>> 0;
    r.localHost = undefined;
    r.localPortNum = rec[o + R_LOCAL_PORT] as number;
    r.localPort = undefined;
    r.remoteIp = (rec[o + R_REMOTE_IP] as number) >>> 0;
    r.remoteHost = undefined;
    r.remotePortNum = rec[o + R_REMOTE_PORT] as number;
    r.remotePort = flags & 4 ? '*' : undefined;
    const pid = rec[o + R_PID] as number;
    r.processKey = pid >= 0 ? pid : undefined;
    r.processName = undefined;
    r.processNameSource = pid >= 0 ? bytes : undefined;
    r.processNameStart = rec[o + R_NAME_START] as number;
    r.processNameEnd = rec[o + R_NAME_END] as number;
    r.timer = undefined;
    r.lineText = undefined;
    r.lineSuffix = undefined;
    r.lineSource = bytes;
    r.lineStart = rec[o + R_START] as number;
    r.lineEnd = rec[o + R_END] as number;
    this.ctx.commitFastRow(
      r,
      STATE_BY_CODE[rec[o + R_STATE] as number] as TcpState,
      flags & 1 ? 'tcp6' : 'tcp',
      rec[o + R_RECVQ] as number,
      rec[o + R_SENDQ] as number,
    );
  }

  /** Reads every line of s (lines separated by newlines; the last one complete). */
  private lines(s: string): void {
    let a = 0;
    for (;;) {
      const nl = s.indexOf('\n', a);
      if (nl < 0) break;
      this.line(s, a, nl);
      a = nl + 1;
    }
    this.line(s, a, s.length);
  }

  /** Feeds the next chunk (latin1 view); lines may span chunks. */
  push(chunk: string): void {
    let a = 0;
    if (this.carry.length > 0) {
      // Finish the line that spans the boundary on its own, so the big chunk stays a flat
      // string (a concatenation would make every char read go through a cons string).
      const nl = chunk.indexOf('\n');
      if (nl < 0) {
        this.keep(this.carry + chunk);
        return;
      }
      const line = this.carry + chunk.slice(0, nl);
      this.carry = '';
      this.line(line, 0, line.length);
      a = nl + 1;
    }
    for (;;) {
      const nl = chunk.indexOf('\n', a);
      if (nl < 0) break;
      this.line(chunk, a, nl);
      a = nl + 1;
    }
    if (a < chunk.length) this.keep(a === 0 ? chunk : chunk.slice(a));
  }

  /** Keeps a partial last line; caps it so one endless line cannot grow memory. */
  private keep(rest: string): void {
    if (rest.length > MAX_LINE) {
      this.b.unreadable('a line longer than 1 MiB was cut');
      this.carry = rest.slice(0, MAX_LINE);
    } else {
      this.carry = rest;
    }
  }

  /** Ends the input (the last line may be truncated) and returns the Snapshot. */
  end(): Snapshot {
    this.drain();
    if (this.ctx.artefacts.size > 0) {
      this.b.warn(
        `ignored words that are not TCP states: ${[...this.ctx.artefacts].slice(0, 6).join(', ')}`,
      );
    }
    return this.b.finish();
  }

  /** Reads the last (unterminated) line and folds the pending row. */
  private drain(): void {
    if (this.carryBytes !== undefined) {
      const rest = this.carryBytes;
      this.carryBytes = undefined;
      this.line(rest.toString('latin1', 0, rest.length), 0, rest.length);
    }
    if (this.carry.length > 0) {
      const s = this.carry;
      this.carry = '';
      this.line(s, 0, s.length);
    }
    this.ctx.flushPending();
  }

  // ---- one line -------------------------------------------------------------------------

  private line(s: string, a: number, e: number): void {
    const b = this.b;
    b.lines.total++;
    // Trim the right: CR, spaces, tabs.
    while (e > a) {
      const c = s.charCodeAt(e - 1);
      if (c !== 13 && c !== 32 && c !== 9) break;
      e--;
    }
    const raw = a;
    // Trim the left, then chat damage: '>' quote marks, backticks, code fences.
    for (;;) {
      while (a < e) {
        const c = s.charCodeAt(a);
        if (c !== 32 && c !== 9 && c !== 0xa0) break;
        a++;
      }
      if (a >= e) break;
      const c = s.charCodeAt(a);
      if (c === 62 && (a + 1 >= e || s.charCodeAt(a + 1) === 32 || s.charCodeAt(a + 1) === 62)) {
        a++; // markdown quote "> "
        continue;
      }
      if (c === 96) {
        let k = a;
        while (k < e && s.charCodeAt(k) === 96) k++;
        if (k - a >= 3) {
          // A fence, maybe with a language tag ("```text") or content glued to it.
          let t = k;
          while (t < e && isWordChar(s.charCodeAt(t))) t++;
          a = t >= e ? e : k;
        } else a = k;
        continue;
      }
      if (c === 0xe2 && s.charCodeAt(a + 1) === 0x80 && s.charCodeAt(a + 2) === 0xa6) {
        b.skip('elision'); // "…"
        return;
      }
      break;
    }
    while (e > a && s.charCodeAt(e - 1) === 96) e--; // closing backticks glued to the end
    while (e > a && (s.charCodeAt(e - 1) === 32 || s.charCodeAt(e - 1) === 9)) e--;
    if (a >= e) {
      b.skip('blank');
      return;
    }
    if (this.ctx.section !== 'unix' && s.charCodeAt(a) === 116 && fastLinuxRow(this.ctx, s, a, e))
      return;
    const indented = a > raw;
    const v = this.v;
    v.set(s, a, e);
    readLine(v, this.ctx, indented);
  }
}
