import { NON_TCP_PROTOS, stateFromHexCode, stateFromToken, TCP_PROTOS } from './aliases.js';
import { type CommandHints, commandHints, commandStart } from './command.js';
import { looksLikeAddress, parseEndpoint, scanIpv4Endpoint } from './endpoint.js';
import { fromLatin1, indexIn, LineView, lastIndexIn, parseHex, parseUint } from './lineView.js';
import { RowScanner } from './rowScanner.js';
import { SCAN_RECORD } from './scanRecord.js';
import type { InputFormat, Snapshot } from './snapshot.js';
import { RowScratch, SnapshotBuilder, type SnapshotLimits } from './snapshotBuilder.js';
import { TCP_STATES, type TcpState } from './states.js';

type Section = 'inet' | 'unix' | 'udp' | 'sctp' | 'other';

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

/** Timer kinds printed by `netstat -o` and `ss -o`. */
const TIMER_KINDS = new Set(['off', 'on', 'keepalive', 'timewait', 'probe', 'persist', 'unknown']);

/**
 * Reads netstat / ss / /proc/net/tcp text of any supported format, line by line as it
 * streams, into a Snapshot. Input comes as raw bytes (`pushBytes`): the WebAssembly row
 * scanner reads the common Linux netstat rows, and every other line is read here as a
 * latin1 view of its UTF-8 bytes (one char per byte), so scanning is by char code; text
 * shown to people is converted back. `push` takes such latin1 text directly.
 *
 * The reader keeps O(1) state per line: the current section, the current command context,
 * and one pending row that a continuation line may still complete (ss wrapped records,
 * `ss -p`/`-i` second lines, Windows `netstat -b` image names).
 */
export class SocketTableReader {
  private readonly b: SnapshotBuilder;
  private readonly v = new LineView();
  private cur = new RowScratch();
  private pend = new RowScratch();
  private pending = false;
  private pendingNeedsAddresses = false;
  private carry = '';
  private carryBytes: Buffer | undefined;
  private readonly scanner: RowScanner | undefined;
  private section: Section = 'inet';
  private cmd: CommandHints | undefined;
  private ssNoStateColumn = false;
  private bsdPidOffset = -1;
  private lastTime: number | undefined;
  private readonly artefacts = new Set<string>();
  private wcSeen = false;

  /** `byteScanner: false` reads every line in TypeScript (the reference the scanner is tested against). */
  constructor(limits: Partial<SnapshotLimits> = {}, options: { byteScanner?: boolean } = {}) {
    this.b = new SnapshotBuilder(limits);
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
      if (rec[o + R_KIND] === 0 || this.section === 'unix') {
        this.lines(bytes.toString('latin1', rec[o + R_START] as number, rec[o + R_END] as number));
        o += stride;
        continue;
      }
      // A run of rows: all but the last are folded straight from their fields; the last
      // becomes the pending row, since the next line may continue it.
      let last = o;
      while (last + stride < end && rec[last + stride + R_KIND] === 1) last += stride;
      if (last > o && this.b.sampleFull) {
        this.flushPending();
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
    b.vote('netstat-linux', rows);
    b.setOs('linux');
  }
  /** Scratch for labelling processes of rows folded by `foldRun`. */
  private readonly names = new RowScratch();

  /** Makes row record o the pending row, as `fastLinuxRow` does for a row read as text. */
  private pendRecord(bytes: Buffer, rec: Int32Array, o: number): void {
    this.b.lines.total++;
    // Every field of the row is written here, so no reset() is needed.
    const r = this.cur;
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
    this.commitFastRow(
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
    if (this.artefacts.size > 0) {
      this.b.warn(
        `ignored words that are not TCP states: ${[...this.artefacts].slice(0, 6).join(', ')}`,
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
    this.flushPending();
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
    if (this.section !== 'unix' && s.charCodeAt(a) === 116 && this.fastLinuxRow(s, a, e)) return;
    const indented = a > raw;
    const v = this.v;
    v.set(s, a, e);
    this.dispatch(v, indented);
  }

  /**
   * Fast path for the shape that dominates large dumps, a Linux `netstat -tan[p][o]` row:
   * `tcp[6] RecvQ SendQ local remote STATE [pid/prog | -] [timer (...)]`, read in one pass
   * with no token table. Anything unexpected returns false before any state is touched,
   * and the general path reads the line instead, so the two always agree.
   */
  private fastLinuxRow(s: string, a: number, e: number): boolean {
    if (s.charCodeAt(a + 1) !== 99 || s.charCodeAt(a + 2) !== 112) return false;
    let i = a + 3;
    let proto = 'tcp';
    if (s.charCodeAt(i) === 54) {
      proto = 'tcp6';
      i++;
    }
    if (s.charCodeAt(i) !== 32) return false;
    // Recv-Q and Send-Q.
    i = skipBlanks(s, i, e);
    const rqEnd = digitsEnd(s, i, e);
    if (rqEnd === i || rqEnd - i > 12 || s.charCodeAt(rqEnd) !== 32) return false;
    const rq = parseUint(s, i, rqEnd);
    i = skipBlanks(s, rqEnd, e);
    const sqEnd = digitsEnd(s, i, e);
    if (sqEnd === i || sqEnd - i > 12 || s.charCodeAt(sqEnd) !== 32) return false;
    const sq = parseUint(s, i, sqEnd);
    // Local and remote address tokens, then the state.
    // Local and remote: IPv4 with a port is read in one pass; anything else (IPv6, names,
    // service ports) by the general address parser. Dotted ports mean a BSD row: not here.
    const r = this.cur;
    r.reset();
    const la = skipBlanks(s, sqEnd, e);
    let le = scanIpv4Endpoint(s, la, e, 0, r);
    if (le < 0) {
      le = tokenEnd(s, la, e);
      if (lastIndexIn(s, 58, la, le) < 0 || !parseEndpoint(s, la, le, 0, r)) return false;
    }
    const ra = skipBlanks(s, le, e);
    let re = scanIpv4Endpoint(s, ra, e, 1, r);
    if (re < 0) {
      re = tokenEnd(s, ra, e);
      if (!parseEndpoint(s, ra, re, 1, r)) return false;
    }
    const sa = skipBlanks(s, re, e);
    if (sa >= e) return false;
    const se = tokenEnd(s, sa, e);
    const st = this.stateIn(s, sa, se);
    if (st === undefined) return false;
    // What follows: pid/program or '-', maybe user and inode (-e), maybe a timer (-o).
    let k = skipBlanks(s, se, e);
    while (k < e) {
      const te = tokenEnd(s, k, e);
      if (s.charCodeAt(k) === 116 && s.charCodeAt(k + 1) === 99 && s.charCodeAt(k + 2) === 112) {
        return false; // another row glued onto this line: the general path splits them
      }
      const slash = r.processKey === undefined ? indexIn(s, 47, k, te) : -1;
      const pid = slash > k ? parseUint(s, k, slash) : -1;
      if (pid >= 0) {
        r.processKey = pid;
        r.processNameSource = s;
        r.processNameStart = slash + 1;
        r.processNameEnd = te;
      } else if (te < e && s.charCodeAt(skipBlanks(s, te, e)) === 40) {
        const kind = s.slice(k, te);
        if (TIMER_KINDS.has(kind)) r.timer = kind;
      }
      k = skipBlanks(s, te, e);
    }
    r.lineSource = s;
    r.lineStart = a;
    r.lineEnd = e;
    this.commitFastRow(r, st, proto, rq, sq);
    return true;
  }

  /** Makes a fast-path row (text or scanner) the pending row, as `endRow` does for the general path. */
  private commitFastRow(r: RowScratch, st: TcpState, proto: string, rq: number, sq: number): void {
    this.flushPending();
    r.state = st;
    r.proto = proto;
    r.recvQ = rq;
    r.sendQ = sq;
    this.b.vote('netstat-linux');
    this.b.setOs('linux');
    this.cur = this.pend;
    this.pend = r;
    this.pending = true;
  }

  /**
   * The state spelled by s[a, e). Rows repeat a few spellings, so each spelling is cached
   * under its shape (length, first and last char) and confirmed char by char: no string is
   * built for a spelling already seen.
   */
  private stateIn(s: string, a: number, e: number): TcpState | undefined {
    const len = e - a;
    if (len <= 0 || len > 40) return undefined;
    const key = len * 65536 + s.charCodeAt(a) * 256 + (s.charCodeAt(e - 1) & 255);
    const hit = this.stateCache.get(key);
    if (hit !== undefined) {
      const text = hit.text;
      let k = 1;
      while (k < len && s.charCodeAt(a + k) === text.charCodeAt(k)) k++;
      if (k === len) return hit.state;
    }
    const tok = s.slice(a, e);
    const st = stateFromToken(tok);
    if (st !== undefined && this.stateCache.size < 256)
      this.stateCache.set(key, { text: tok, state: st });
    return st;
  }
  private readonly stateCache = new Map<number, { text: string; state: TcpState }>();

  private dispatch(v: LineView, indented: boolean): void {
    const b = this.b;
    // Fast path: a TCP row with a protocol column (netstat on every OS, ss with netid),
    // recognised by char codes so the hot path builds no string for it.
    const proto = tcpProtoAt(v);
    if (proto !== undefined && this.section !== 'unix') {
      this.protoRow(v, proto, TCP_PROTOS.get(proto) ?? 'any');
      return;
    }
    const t0 = v.tok(0);
    const nonTcp = NON_TCP_PROTOS.get(t0);
    if (nonTcp !== undefined) {
      this.flushPending();
      b.skip(nonTcp);
      return;
    }
    const c0 = t0.charCodeAt(0);
    const isDigit = c0 >= 48 && c0 <= 57;

    if (!isDigit && this.headerOrSection(v, t0)) return;
    if (this.section === 'unix' || this.section === 'udp' || this.section === 'sctp') {
      b.skip(this.section);
      return;
    }

    if (isDigit) {
      if (this.digitLine(v, t0)) return;
      if (looksLikeAddress(v.s, v.ts[0] as number, v.te[0] as number) && this.addressLedRow(v))
        return;
    } else {
      const st = stateFromToken(t0);
      if (st !== undefined && this.stateLine(v, st)) return;
      if (this.commandLine(v)) return;
      if (this.continuation(v, t0, indented)) return;
      if (looksLikeAddress(v.s, v.ts[0] as number, v.te[0] as number) && this.addressLedRow(v))
        return;
      if (this.countLine(v)) return;
    }
    this.otherLine(v);
  }

  // ---- rows -----------------------------------------------------------------------------

  /**
   * The state spelled by token i. Consecutive rows mostly repeat a few spellings, so the last
   * one is compared char by char before slicing a new string for the alias lookup.
   */
  private stateAt(v: LineView, i: number): TcpState | undefined {
    return this.stateIn(v.s, v.ts[i] as number, v.te[i] as number);
  }

  /** A row that starts with tcp/tcp4/tcp6/tcp46/TCP. */
  private protoRow(v: LineView, proto: string, protoOs: 'linux' | 'windows' | 'bsd' | 'any'): void {
    if (this.splitGluedRows(v)) return;
    const n = v.n;
    // The state is at 5 on Linux/BSD netstat, 3 on Windows, 1 in `ss` with a Netid column.
    let si = -1;
    let st: TcpState | undefined;
    if (n > 5) {
      st = this.stateAt(v, 5);
      if (st !== undefined) si = 5;
    }
    if (si < 0) {
      for (let i = 1; i < n; i++) {
        st = stateFromToken(v.tok(i));
        if (st !== undefined) {
          si = i;
          break;
        }
      }
    }
    if (si < 0 || st === undefined) {
      this.flushPending();
      if (n > 1 && v.uint(1) >= 0 && allNumbers(v, 1)) {
        this.b.skip('summary-table'); // `ss -s` transport table: "TCP 130 120 10"
      } else if (n >= 3) {
        this.b.unreadable(`no TCP state on a ${proto} row: ${preview(v)}`);
      } else {
        this.b.skip('noise');
      }
      return;
    }
    const r = this.startRow();
    r.state = st;
    r.proto = proto;
    if (si === 1) {
      // ss -a: "tcp ESTAB 0 0 local peer ...", or a record wrapped after the state.
      this.b.vote('ss');
      this.b.setOs('linux');
      if (n === 2) {
        this.pendingNeedsAddresses = true;
      } else {
        this.ssColumns(v, 1, r);
      }
    } else {
      this.netstatColumns(v, 1, si, r, protoOs);
    }
    this.endRow(v);
  }

  /**
   * Rows that a chat client flattened onto one line ("tcp 0 0 a b CLOSE_WAIT tcp 0 0 ..."):
   * a later TCP protocol token after a state starts the next row. Each row is read on its own.
   */
  private splitGluedRows(v: LineView): boolean {
    const n = v.n;
    if (n < 8) return false;
    let sawState = false;
    for (let i = 2; i < n; i++) {
      if (!sawState) {
        if (this.stateAt(v, i) !== undefined) sawState = true;
        continue;
      }
      const c = v.s.charCodeAt(v.ts[i] as number);
      if ((c === 116 || c === 84) && TCP_PROTOS.has(v.tok(i))) {
        const { s, start, end } = v;
        const cut = v.ts[i] as number;
        this.b.lines.total--; // the two halves count as the one line they were
        this.line(s, start, cut);
        this.line(s, cut, end);
        return true;
      }
    }
    return false;
  }

  /** netstat columns between the protocol and the state, then what follows the state. */
  private netstatColumns(
    v: LineView,
    from: number,
    si: number,
    r: RowScratch,
    protoOs: 'linux' | 'windows' | 'bsd' | 'any',
  ): void {
    const s = v.s;
    let addr = 0;
    let before = 0; // numbers before the addresses (Recv-Q Send-Q)
    let after = 0; // numbers after them (Solaris: Swind Send-Q Rwind Recv-Q)
    let n0 = -1;
    let n1 = -1;
    let n3 = -1;
    let dotted = false;
    for (let i = from; i < si; i++) {
      const a = v.ts[i] as number;
      const e = v.te[i] as number;
      const u = parseUint(s, a, e);
      if (u >= 0 && addr === 0) {
        if (before === 0) n0 = u;
        else if (before === 1) n1 = u;
        before++;
        continue;
      }
      if (addr < 2 && parseEndpoint(s, a, e, addr as 0 | 1, r)) {
        if (lastIndexIn(s, 58, a, e) < 0) dotted = true;
        addr++;
      } else if (u >= 0) {
        if (after === 1) n1 = u;
        else if (after === 3) n3 = u;
        after++;
      }
    }
    if (before >= 2) {
      r.recvQ = n0;
      r.sendQ = n1;
    } else if (after === 4) {
      r.sendQ = n1;
      r.recvQ = n3;
    }
    let format: InputFormat;
    if (protoOs === 'windows') {
      format = 'netstat-windows';
      this.b.setOs('windows');
    } else if (protoOs === 'bsd' || dotted) {
      format = 'netstat-bsd';
      this.b.setOs(protoOs === 'bsd' || r.proto === 'tcp6' ? 'freebsd' : 'openbsd');
    } else {
      format = 'netstat-linux';
      this.b.setOs('linux');
    }
    this.b.vote(format);
    // After the state: pid/program, user + inode (-e), timer (-o), Windows PID, BSD -v columns.
    for (let i = si + 1; i < v.n; i++) {
      const a = v.ts[i] as number;
      const e = v.te[i] as number;
      const slash = indexIn(s, 47, a, e);
      if (slash > a && parseUint(s, a, slash) >= 0 && r.processKey === undefined) {
        r.processKey = parseUint(s, a, slash);
        r.processNameSource = s;
        r.processNameStart = slash + 1;
        r.processNameEnd = e;
        continue;
      }
      if (i + 1 < v.n && s.charCodeAt(v.ts[i + 1] as number) === 40) {
        const tok = s.slice(a, e);
        if (TIMER_KINDS.has(tok)) {
          r.timer = tok;
          i++;
          continue;
        }
      }
      if (format === 'netstat-windows' && i === si + 1) {
        const pid = parseUint(s, a, e);
        if (pid >= 0) {
          r.processKey = pid;
          r.processName = `pid ${pid}`;
        }
      } else if (
        format === 'netstat-bsd' &&
        this.bsdPidOffset > 0 &&
        i === si + this.bsdPidOffset
      ) {
        const pid = parseUint(s, a, e);
        if (pid > 0) {
          r.processKey = pid;
          r.processName = `pid ${pid}`;
        }
      }
    }
  }

  /** ss columns after the state at index k: Recv-Q Send-Q Local Peer [Process/extras]. */
  private ssColumns(v: LineView, k: number, r: RowScratch): void {
    const s = v.s;
    let i = k + 1;
    const rq = i < v.n ? v.uint(i) : -1;
    if (rq >= 0) {
      r.recvQ = rq;
      i++;
      const sq = i < v.n ? v.uint(i) : -1;
      if (sq >= 0) {
        r.sendQ = sq;
        i++;
      }
    }
    let side: 0 | 1 = 0;
    for (; i < v.n && side < 2; i++) {
      if (parseEndpoint(s, v.ts[i] as number, v.te[i] as number, side, r))
        side = (side + 1) as 0 | 1;
    }
    for (; i < v.n; i++) this.ssExtra(v, i, r);
  }

  /** `users:(("sshd",pid=812,fd=3))` and `timer:(keepalive,...)` fields of ss. */
  private ssExtra(v: LineView, i: number, r: RowScratch): void {
    const s = v.s;
    const a = v.ts[i] as number;
    const e = v.te[i] as number;
    if (s.startsWith('users:', a) && r.processKey === undefined) {
      const q1 = indexIn(s, 34, a, e);
      const q2 = q1 >= 0 ? indexIn(s, 34, q1 + 1, e) : -1;
      const eq = q2 > 0 ? s.slice(q2, e).indexOf('pid=') : -1;
      const p = eq >= 0 ? q2 + eq : -1;
      if (q2 > q1 && p > 0) {
        let k = p + 4;
        while (k < e && s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57) k++;
        const pid = parseUint(s, p + 4, k);
        if (pid >= 0) {
          r.processKey = pid;
          r.processName = `${fromLatin1(s.slice(q1 + 1, q2))} (pid ${pid})`;
        }
      }
    } else if (s.startsWith('timer:(', a)) {
      let k = a + 7;
      while (k < e && s.charCodeAt(k) !== 44 && s.charCodeAt(k) !== 41) k++;
      r.timer = s.slice(a + 7, k);
    }
  }

  /** Rows without a protocol column whose first token is an address (Solaris, trimmed BSD). */
  private addressLedRow(v: LineView): boolean {
    let si = -1;
    let st: TcpState | undefined;
    for (let i = v.n - 1; i >= 1; i--) {
      st = stateFromToken(v.tok(i));
      if (st !== undefined) {
        si = i;
        break;
      }
    }
    if (si < 1 || st === undefined) return false;
    const r = this.startRow();
    r.state = st;
    r.proto = 'tcp';
    this.netstatColumns(v, 0, si, r, 'any');
    if (this.section === 'inet' && this.solaris) {
      this.b.vote('netstat-solaris', 2);
      this.b.setOs('solaris');
    }
    this.endRow(v);
    return true;
  }
  private solaris = false;

  /** A line starting with a digit: /proc/net/tcp, counts, trimmed netstat rows, wc -l values. */
  private digitLine(v: LineView, t0: string): boolean {
    const s = v.s;
    const n = v.n;
    // /proc/net/tcp: "  46: 010310AC:9C4C 030310AC:1770 01 00000150:00000000 ..."
    if (
      t0.endsWith(':') &&
      n >= 4 &&
      parseUint(s, v.ts[0] as number, (v.te[0] as number) - 1) >= 0
    ) {
      return this.procRow(v);
    }
    if (this.countLine(v)) return true;
    // A row missing its protocol column, or `ss` state-filtered output without a State column.
    if (n >= 3 && v.uint(0) >= 0 && v.uint(1) >= 0) {
      let si = -1;
      let st: TcpState | undefined;
      for (let i = 2; i < n; i++) {
        st = stateFromToken(v.tok(i));
        if (st !== undefined) {
          si = i;
          break;
        }
      }
      if (st !== undefined && si > 2) {
        const r = this.startRow();
        r.state = st;
        r.proto = 'tcp';
        this.netstatColumns(v, 0, si, r, 'any');
        this.endRow(v);
        return true;
      }
      if (si < 0 && looksLikeAddress(s, v.ts[2] as number, v.te[2] as number)) {
        if (this.pending && this.pendingNeedsAddresses) {
          // The second half of a wrapped ss record: "0 0 10.147.0.6:22 144.217.57.63:3082".
          this.ssColumns(v, -1, this.pend);
          this.pendingNeedsAddresses = false;
          this.pend.lineSuffix = fromLatin1(v.text());
          this.b.skip('continuation');
          return true;
        }
        const only = this.singleFilterState();
        if (only !== undefined) {
          const r = this.startRow();
          r.state = only;
          r.proto = 'tcp';
          this.ssColumns(v, -1, r);
          this.b.vote('ss');
          this.b.setOs('linux');
          this.endRow(v);
          return true;
        }
        this.flushPending();
        this.b.unreadable(
          `a socket row with no state column (run ss without a state filter, or keep the command line): ${preview(v)}`,
        );
        return true;
      }
    }
    // A lone number: a `grep STATE | wc -l` result, or one value of a series.
    if (n === 1 || this.timestampedValue(v)) {
      const value = n === 1 ? v.uint(0) : v.uint(n - 1);
      const state = this.countedState();
      if (value >= 0 && state !== undefined) {
        this.flushPending();
        const adjusted = this.cmd?.ssHeaderCounted ? Math.max(0, value - 1) : value;
        if (this.cmd?.ssHeaderCounted)
          this.b.warn("wc -l also counted ss's header line: subtracted 1");
        this.b.addSeriesValue(state, adjusted, this.lastTime);
        if (this.cmd?.intervalSeconds !== undefined)
          this.b.setSeriesInterval(this.cmd.intervalSeconds);
        this.b.vote('wc-count');
        this.wcSeen = true;
        this.b.skip('count');
        return true;
      }
      if (value >= 0 && n === 1) {
        this.b.unreadable(`a bare number (${value}) with no command naming the state it counts`);
        return true;
      }
    }
    if (this.timeLine(v)) return true;
    return false;
  }

  /** /proc/net/tcp and /proc/net/tcp6 rows (hex addresses and state). */
  private procRow(v: LineView): boolean {
    const s = v.s;
    const st = stateFromHexCode(v.tok(3));
    if (st === undefined) {
      this.b.unreadable(`unknown /proc/net/tcp state code: ${preview(v)}`);
      return true;
    }
    const r = this.startRow();
    r.state = st;
    r.proto = 'tcp';
    procAddress(s, v.ts[1] as number, v.te[1] as number, 0, r);
    procAddress(s, v.ts[2] as number, v.te[2] as number, 1, r);
    if (v.n > 4) {
      const a = v.ts[4] as number;
      const e = v.te[4] as number;
      const colon = indexIn(s, 58, a, e);
      if (colon > a) {
        r.sendQ = Math.max(0, parseHex(s, a, colon));
        r.recvQ = Math.max(0, parseHex(s, colon + 1, e));
      }
    }
    this.b.vote('proc-net-tcp', 2);
    this.b.setOs('linux');
    this.endRow(v);
    return true;
  }

  /** A line led by a state word: an ss row, an awk "STATE N" count, or a bare state list. */
  private stateLine(v: LineView, st: TcpState): boolean {
    if (v.n >= 4 && v.uint(1) >= 0 && v.uint(2) >= 0) {
      const r = this.startRow();
      r.state = st;
      r.proto = 'tcp';
      this.ssColumns(v, 0, r);
      this.b.vote('ss');
      this.b.setOs('linux');
      this.endRow(v);
      return true;
    }
    if (this.countLine(v)) return true;
    if (v.n === 1) {
      // `awk '{print $6}'` without sort | uniq: one state per line.
      const r = this.startRow();
      r.state = st;
      r.proto = 'tcp';
      this.b.vote('state-count');
      this.endRow(v);
      return true;
    }
    return false;
  }

  /**
   * Count summaries: "N STATE" (uniq -c) or "STATE N" (awk), one pair per line or several
   * collapsed onto one line. Words that are not states (`Foreign`, `established)`) are
   * header artefacts of `awk '{print $6}'`: ignored and named in a warning.
   */
  private countLine(v: LineView): boolean {
    const n = v.n;
    if (n < 2 || n % 2 !== 0) return false;
    const numFirst = v.uint(0) >= 0;
    const states: TcpState[] = [];
    const values: number[] = [];
    let others = 0;
    for (let i = 0; i < n; i += 2) {
      const ni = numFirst ? i : i + 1;
      const wi = numFirst ? i + 1 : i;
      const num = v.uint(ni);
      if (num < 0) return false;
      let word = v.tok(wi);
      if (word.endsWith(':') || word.endsWith('=')) word = word.slice(0, -1);
      if (v.uint(wi) >= 0 && stateFromHexCode(word) === undefined) return false;
      const st = stateFromToken(word) ?? stateFromHexCode(word);
      if (st === undefined) {
        others++;
        if (this.artefacts.size < 12 && word.length <= 24) this.artefacts.add(fromLatin1(word));
        continue;
      }
      states.push(st);
      values.push(num);
    }
    if (states.length === 0) {
      // Shaped like a count but naming no state: a header artefact line such as "1 Foreign".
      if (others > 0 && n === 2 && numFirst) {
        this.b.skip('not-a-state');
        return true;
      }
      return false;
    }
    this.flushPending();
    for (let i = 0; i < states.length; i++)
      this.b.addCount(states[i] as TcpState, values[i] as number);
    for (let i = numFirst ? 1 : 0; i < n; i += 2) this.b.hintOs(osOfSpelling(v.tok(i)));
    this.b.vote(numFirst ? 'uniq-count' : 'state-count', states.length);
    this.b.skip('count');
    return true;
  }

  // ---- headers, commands, continuations ---------------------------------------------------

  /** Section and column headers. Returns true when the line was one. */
  private headerOrSection(v: LineView, t0: string): boolean {
    const b = this.b;
    switch (t0) {
      case 'Active': {
        const t1 = v.n > 1 ? v.tok(1) : '';
        this.flushPending();
        this.section = t1 === 'Internet' ? 'inet' : t1 === 'UNIX' ? 'unix' : 'other';
        b.skip('header');
        return true;
      }
      case 'TCP:':
      case 'TCP6:':
        if (v.n > 1 && v.tok(1).startsWith('IPv')) {
          this.section = 'inet';
          this.solaris = true;
          b.setOs('solaris');
          b.skip('header');
          return true;
        }
        return this.ssSummary(v);
      case 'UDP:':
        this.section = 'udp';
        b.skip('header');
        return true;
      case 'SCTP:':
        this.section = 'sctp';
        b.skip('header');
        return true;
      case 'Proto':
      case 'Netid':
      case 'Local':
      case 'Recv-Q':
      case 'State':
      case 'sl':
        this.flushPending();
        if (t0 === 'Recv-Q' || (t0 === 'Netid' && v.n > 1 && v.tok(1) !== 'State'))
          this.ssNoStateColumn = true;
        this.columnHeader(v);
        b.skip('header');
        return true;
      case 'Total:':
      case 'Transport':
        b.vote('ss-summary');
        b.skip('header');
        return true;
      default:
        break;
    }
    if (t0.charCodeAt(0) === 45 && t0.length > 3 && /^-+$/.test(t0)) {
      b.skip('header'); // Solaris underlines
      return true;
    }
    return false;
  }

  /** Learns column positions that vary (macOS `netstat -v` pid column). */
  private columnHeader(v: LineView): void {
    let stateIdx = -1;
    for (let i = 0; i < v.n; i++) {
      const t = v.tok(i);
      if (t === '(state)' || t === 'State') {
        if (stateIdx < 0) stateIdx = i;
      } else if (t === 'pid' && stateIdx >= 0) {
        this.bsdPidOffset = i - stateIdx;
        this.b.setOs('macos');
      } else if (t === 'rhiwat') {
        this.b.setOs('macos');
      }
    }
  }

  /** `ss -s`: "TCP:   5334 (estab 130, closed 0, orphaned 0, timewait 5204)". */
  private ssSummary(v: LineView): boolean {
    const text = v.text();
    const open = text.indexOf('(');
    if (open < 0) return false;
    const pairs = text
      .slice(open + 1)
      .replace(/[),]/g, ' ')
      .trim()
      .split(/\s+/);
    let any = false;
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const key = pairs[i] as string;
      const value = Number(pairs[i + 1]);
      if (!Number.isFinite(value)) continue;
      any = true;
      if (key === 'estab') this.b.addCount('ESTABLISHED', value);
      else if (key === 'timewait') this.b.addCount('TIME_WAIT', value);
      else if (key === 'closed') this.b.addCount('CLOSED', value);
      else if (key === 'synrecv') this.b.addCount('SYN_RECEIVED', value);
      else this.b.extra[key] = value;
    }
    if (!any) return false;
    this.b.vote('ss-summary', 5);
    this.b.setOs('linux');
    this.b.warn(
      'ss -s gives totals only ("estab" may include CLOSE_WAIT on newer kernels): paste `ss -tan` for a breakdown',
    );
    this.b.skip('count');
    return true;
  }

  /** A shell command line (with or without a prompt). */
  private commandLine(v: LineView): boolean {
    const tokens: string[] = [];
    for (let i = 0; i < Math.min(v.n, 6); i++) tokens.push(v.tok(i));
    let start: number;
    if (tokens[0] === 'Every' && tokens[1]?.endsWith('s:')) {
      start = 2; // `watch` header: "Every 2.0s: netstat -an | grep TIME_WAIT | wc -l   host: date"
      const secs = Number(tokens[1].slice(0, -2));
      this.timeLine(v, true);
      this.setCommand(v, start);
      if (this.cmd && Number.isFinite(secs) && secs > 0) this.cmd.intervalSeconds = secs;
      return true;
    }
    start = commandStart(tokens, v.text());
    if (start < 0) return false;
    this.setCommand(v, start);
    return true;
  }

  private setCommand(v: LineView, start: number): void {
    this.flushPending();
    const from = v.ts[Math.min(start, v.n - 1)] as number;
    const text = fromLatin1(v.s.slice(from, v.end));
    this.cmd = commandHints(text);
    this.ssNoStateColumn = false;
    if (this.b.command === undefined) this.b.command = text.slice(0, 300);
    this.b.hintOs(osOfCommand(text));
    this.b.skip('prompt');
  }

  /** Lines that complete the pending row: ss -p/-i second lines, Windows -b image names. */
  private continuation(v: LineView, t0: string, indented: boolean): boolean {
    if (!this.pending) return false;
    const r = this.pend;
    if (t0.charCodeAt(0) === 91 && t0.charCodeAt(t0.length - 1) === 93 && v.n === 1) {
      // Windows `netstat -b`: "[svchost.exe]" under its row.
      const name = fromLatin1(t0.slice(1, -1));
      r.processName = r.processKey !== undefined ? `${name} (pid ${r.processKey})` : name;
      if (r.processKey === undefined) r.processKey = name;
      this.b.skip('continuation');
      return true;
    }
    // ss -p/-e/-i detail lines: indented "key:value" fields (users:((..)) timer:(..) rto:204 ...).
    if (
      (indented && v.text().includes(':')) ||
      t0.startsWith('users:') ||
      t0.startsWith('timer:') ||
      t0.startsWith('skmem:')
    ) {
      for (let i = 0; i < v.n; i++) this.ssExtra(v, i, r);
      this.b.skip('continuation');
      return true;
    }
    return false;
  }

  /** Anything else: kernel log lines and counters worth keeping, elisions, prose. */
  private otherLine(v: LineView): void {
    const b = this.b;
    const text = v.text();
    if (this.kernelSignal(text)) {
      b.skip('log');
      return;
    }
    if (this.timeLine(v)) return;
    // Something with a state and an address in it, that no format explains, is data we failed to read.
    let hasState = false;
    let hasAddr = false;
    for (let i = 0; i < v.n; i++) {
      if (!hasState && stateFromToken(v.tok(i)) !== undefined) hasState = true;
      if (!hasAddr && looksLikeAddress(v.s, v.ts[i] as number, v.te[i] as number)) hasAddr = true;
    }
    if (hasState && hasAddr) {
      this.flushPending();
      b.unreadable(`could not place the columns: ${preview(v)}`);
      return;
    }
    b.skip(text.includes('...') || text.includes('[...]') ? 'elision' : 'noise');
  }

  /** Kernel messages and counters that change a verdict, kept in `extra`. */
  private kernelSignal(text: string): boolean {
    const extra = this.b.extra;
    const bump = (k: string) => {
      extra[k] = (extra[k] ?? 0) + 1;
    };
    if (text.includes('time wait bucket table overflow')) bump('log:time-wait-bucket-overflow');
    else if (text.includes('Possible SYN flooding on port')) bump('log:syn-flooding');
    else if (text.includes('too many orphaned sockets')) bump('log:too-many-orphans');
    else if (text.includes('out of memory -- consider tuning tcp_mem')) bump('log:tcp-mem');
    else if (text.includes('nf_conntrack: table full')) bump('log:conntrack-full');
    else if (text.includes('Cannot assign requested address')) bump('log:eaddrnotavail');
    else {
      const m = /^(TcpExt|Tcp)([A-Za-z]+)\s+(\d+)/.exec(text);
      if (m) {
        extra[`nstat:${m[2]}`] = Number(m[3]);
        return true;
      }
      const o = /^(\d+) times the listen queue of a socket overflowed/.exec(text);
      if (o) {
        extra['nstat:ListenOverflows'] = Number(o[1]);
        return true;
      }
      const d = /^(\d+) SYNs to LISTEN sockets (dropped|ignored)/.exec(text);
      if (d) {
        extra['nstat:ListenDrops'] = Number(d[1]);
        return true;
      }
      return false;
    }
    return true;
  }

  /** A `date` line or a time-of-day: remembered as the time of the next series value. */
  private timeLine(v: LineView, embedded = false): boolean {
    const text = v.text();
    const m = /(?:^|\s)(\d{1,2}):(\d{2}):(\d{2})(?:\s|$|\.)/.exec(text);
    if (!m) return false;
    if (!embedded) {
      // Only lines that are clearly dates/times (no other data words).
      const dateLike =
        /^(?:[A-Z][a-z]{2}\s|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}:\d{2}$|\w{2,3}\s+\w{3}\s)/.test(text);
      if (!dateLike || v.n > 8) return false;
    }
    this.lastTime = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
    if (!embedded) this.b.skip('timestamp');
    return true;
  }

  /** "10:00:01 710" or "Mon Nov 20 10:00:01 UTC 2023 710": a time then a count. */
  private timestampedValue(v: LineView): boolean {
    if (v.n < 2 || v.uint(v.n - 1) < 0 || this.countedState() === undefined) return false;
    const before = v.s.slice(v.start, v.te[v.n - 2] as number);
    const m = /(\d{1,2}):(\d{2}):(\d{2})/.exec(before);
    if (!m) return false;
    this.lastTime = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
    return true;
  }

  /** The state a lone number counts, from the command line before it. */
  private countedState(): TcpState | undefined {
    const c = this.cmd;
    if (c === undefined) return undefined;
    if (c.grepStates.length === 1 && (c.counts || this.wcSeen)) return c.grepStates[0];
    if (c.ssStates.length === 1 && c.counts) return c.ssStates[0];
    return undefined;
  }

  /** The single state an `ss ... state X` command filters on (its rows have no State column). */
  private singleFilterState(): TcpState | undefined {
    const c = this.cmd;
    if (c !== undefined && c.ssStates.length === 1) return c.ssStates[0];
    if (c !== undefined && c.grepStates.length === 1 && this.ssNoStateColumn)
      return c.grepStates[0];
    return undefined;
  }

  // ---- pending row ----------------------------------------------------------------------

  private startRow(): RowScratch {
    this.flushPending();
    const r = this.cur;
    r.reset();
    return r;
  }

  /** The row in `cur` is complete as far as its own line goes; it waits for continuations. */
  private endRow(v: LineView): void {
    const r = this.cur;
    r.lineSource = v.s;
    r.lineStart = v.start;
    r.lineEnd = v.end;
    this.cur = this.pend;
    this.pend = r;
    this.pending = true;
  }

  private flushPending(): void {
    if (!this.pending) return;
    this.pending = false;
    this.pendingNeedsAddresses = false;
    this.b.foldRow(this.pend);
  }
}

/**
 * The protocol word of token 0 when it is a TCP one (tcp, tcp4, tcp6, tcp46, TCP, TCPv6),
 * returned as a shared constant; undefined otherwise.
 */
function tcpProtoAt(v: LineView): string | undefined {
  const s = v.s;
  const a = v.ts[0] as number;
  const len = (v.te[0] as number) - a;
  if (len < 3 || len > 5) return undefined;
  const c0 = s.charCodeAt(a);
  if (c0 === 116) {
    if (s.charCodeAt(a + 1) !== 99 || s.charCodeAt(a + 2) !== 112) return undefined;
    if (len === 3) return 'tcp';
    const c3 = s.charCodeAt(a + 3);
    if (len === 4) return c3 === 54 ? 'tcp6' : c3 === 52 ? 'tcp4' : undefined;
    return c3 === 52 && s.charCodeAt(a + 4) === 54 ? 'tcp46' : undefined;
  }
  if (c0 === 84) {
    if (s.charCodeAt(a + 1) !== 67 || s.charCodeAt(a + 2) !== 80) return undefined;
    if (len === 3) return 'TCP';
    if (len === 5 && (s.charCodeAt(a + 3) | 32) === 118 && s.charCodeAt(a + 4) === 54)
      return 'TCPv6';
    return undefined;
  }
  return undefined;
}

/** The OS a state spelling is typical of (net-tools FIN_WAIT2, BSD SYN_RCVD, Windows LISTENING). */
function osOfSpelling(token: string): 'linux' | 'bsd' | 'windows' | undefined {
  switch (token) {
    case 'FIN_WAIT1':
    case 'FIN_WAIT2':
    case 'SYN_RECV':
    case 'ESTAB':
    case 'TIME-WAIT':
    case 'CLOSE-WAIT':
    case 'SYN-RECV':
    case 'FIN-WAIT-1':
    case 'FIN-WAIT-2':
      return 'linux';
    case 'SYN_RCVD':
    case 'FIN_WAIT_1':
    case 'FIN_WAIT_2':
      return 'bsd';
    case 'LISTENING':
    case 'SYN_RECEIVED':
      return 'windows';
    default:
      return undefined;
  }
}

/** The OS a pasted command implies (ss and /proc are Linux; `-p tcp` is BSD netstat; `-ano` Windows). */
function osOfCommand(text: string): 'linux' | 'bsd' | 'windows' | undefined {
  if (/(^|[\s|;(])ss\s/.test(text) || text.includes('/proc/net/')) return 'linux';
  if (/netstat\s+-[a-z]*t[a-z]*p|netstat\s+-[a-z]*p[a-z]*t/.test(text)) return 'linux';
  if (/-p\s+tcp/.test(text)) return 'bsd';
  if (/netstat\s+-a?n?o\b|netstat\s+-ano|Get-NetTCPConnection|findstr/i.test(text))
    return 'windows';
  return undefined;
}

/** The first index at or after i that is not a space or tab (or e). */
function skipBlanks(s: string, i: number, e: number): number {
  while (i < e) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    i++;
  }
  return i;
}

/** The end of the token starting at i (the next space or tab, or e). */
function tokenEnd(s: string, i: number, e: number): number {
  while (i < e) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9) break;
    i++;
  }
  return i;
}

/** The end of the run of digits starting at i. */
function digitsEnd(s: string, i: number, e: number): number {
  while (i < e) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  return i;
}

function isWordChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 45 ||
    c === 95 ||
    c === 43
  );
}

function allNumbers(v: LineView, from: number): boolean {
  for (let i = from; i < v.n; i++) if (v.uint(i) < 0) return false;
  return true;
}

function preview(v: LineView): string {
  const t = fromLatin1(v.text());
  return t.length > 80 ? `${t.slice(0, 77)}...` : t;
}

/** /proc/net/tcp address "0100007F:0019" (IPv4 little-endian) or 32 hex digits (IPv6). */
function procAddress(s: string, a: number, e: number, side: 0 | 1, r: RowScratch): void {
  const colon = indexIn(s, 58, a, e);
  if (colon < 0) return;
  const port = parseHex(s, colon + 1, e);
  const hexLen = colon - a;
  let ip = -1;
  let host: string | undefined;
  if (hexLen === 8) {
    const le = parseHex(s, a, colon);
    if (le >= 0)
      ip =
        ((le & 255) * 16777216 +
          ((le >>> 8) & 255) * 65536 +
          ((le >>> 16) & 255) * 256 +
          ((le >>> 24) & 255)) >>>
        0;
  } else if (hexLen === 32) {
    host = procIpv6(s.slice(a, colon));
  }
  r.setSide(side, ip, host, port, undefined);
}

/** 32 hex digits of /proc/net/tcp6 (four little-endian 32-bit words) as IPv6 text. */
function procIpv6(hex: string): string {
  const bytes: number[] = [];
  for (let w = 0; w < 4; w++) {
    const word = hex.slice(w * 8, w * 8 + 8);
    for (let i = 3; i >= 0; i--) bytes.push(Number.parseInt(word.slice(i * 2, i * 2 + 2), 16));
  }
  if (bytes.slice(0, 10).every((x) => x === 0) && bytes[10] === 255 && bytes[11] === 255) {
    return bytes.slice(12).join('.');
  }
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2)
    groups.push((((bytes[i] as number) << 8) | (bytes[i + 1] as number)).toString(16));
  return groups
    .join(':')
    .replace(/(^|:)0(:0)+(:|$)/, '::')
    .replace(/:{3,}/, '::');
}
