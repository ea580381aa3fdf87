import { stateFromToken } from './aliases.js';
import type { CommandHints } from './command.js';
import type { LineView } from './lineView.js';
import type { InputFormat, OsFamily } from './snapshot.js';
import { RowScratch, type SnapshotBuilder } from './snapshotBuilder.js';
import type { TcpState } from './states.js';

/** The protocol section a `netstat -a` listing is in (its "Active ..." and "UDP:" headers). */
export type Section = 'inet' | 'unix' | 'udp' | 'sctp' | 'other';

/**
 * What a format module sees of the reader: the Snapshot being built, the pending row that a
 * continuation line may still complete, and what earlier lines said (section, command, column
 * layout). It is the one place where a paste's format and OS are decided (`seen`).
 * All state here is O(1) per line.
 */
export class ReadContext {
  readonly b: SnapshotBuilder;
  /** The row being read; `pend` is the row that waits for continuation lines. */
  cur = new RowScratch();
  pend = new RowScratch();
  pending = false;
  /** The pending row is an ss record wrapped after its state: its addresses are on the next line. */
  pendingNeedsAddresses = false;
  section: Section = 'inet';
  /** The last shell command line, and what it says about the lines after it. */
  cmd: CommandHints | undefined;
  /** An ss header without a State column was seen (`ss state X` output). */
  ssNoStateColumn = false;
  /** Columns from the state to the PID in macOS `netstat -v` (from its header), or -1. */
  bsdPidOffset = -1;
  /** An `ss -s` "Transport Total IP IPv6" header was seen: its TCP row is a total. */
  ssTransportTable = false;
  /** A Solaris/illumos "TCP: IPv4" section header was seen. */
  solaris = false;
  /** Seconds since midnight of the last timestamp line, for the next series value. */
  lastTime: number | undefined;
  /** A `wc -l` value was read: later bare numbers continue the series. */
  wcSeen = false;
  /** Words shaped like counted states that are not states (awk header artefacts). */
  readonly artefacts = new Set<string>();
  /** Reads a part of a line again as a line of its own (rows glued onto one line). */
  reread: (s: string, a: number, e: number) => void = () => {};

  constructor(builder: SnapshotBuilder) {
    this.b = builder;
  }

  /**
   * Records that a line was read as `format` (`weight` says how sure: the most weighty format
   * wins) and, when the line makes it plain, the OS.
   */
  seen(format: InputFormat, os?: OsFamily, weight = 1): void {
    this.b.vote(format, weight);
    if (os !== undefined) this.b.setOs(os);
  }

  /** Records the OS alone, when a header or row makes it plain. */
  os(os: OsFamily): void {
    this.b.setOs(os);
  }

  /** Weak evidence of the OS (a state spelling, a command flag): used only when nothing stronger says. */
  hintOs(os: 'linux' | 'bsd' | 'windows' | undefined): void {
    this.b.hintOs(os);
  }

  /**
   * The state spelled by s[a, e). Rows repeat a few spellings, so each spelling is cached
   * under its shape (length, first and last char) and confirmed char by char: no string is
   * built for a spelling already seen.
   */
  stateIn(s: string, a: number, e: number): TcpState | undefined {
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

  /** The state spelled by token i of v. */
  stateAt(v: LineView, i: number): TcpState | undefined {
    return this.stateIn(v.s, v.ts[i] as number, v.te[i] as number);
  }

  /** Starts a new row (folding the pending one) and returns it, reset. */
  startRow(): RowScratch {
    this.flushPending();
    const r = this.cur;
    r.reset();
    return r;
  }

  /** The row in `cur` is complete as far as its own line goes; it waits for continuations. */
  endRow(v: LineView): void {
    const r = this.cur;
    r.lineSource = v.s;
    r.lineStart = v.start;
    r.lineEnd = v.end;
    this.cur = this.pend;
    this.pend = r;
    this.pending = true;
  }

  /** Makes a row filled outside `startRow` (the fast paths) the pending row. */
  commitFastRow(r: RowScratch, st: TcpState, proto: string, rq: number, sq: number): void {
    this.flushPending();
    r.state = st;
    r.proto = proto;
    r.recvQ = rq;
    r.sendQ = sq;
    this.seen('netstat-linux', 'linux');
    this.cur = this.pend;
    this.pend = r;
    this.pending = true;
  }

  /** Folds the pending row into the Snapshot. */
  flushPending(): void {
    if (!this.pending) return;
    this.pending = false;
    this.pendingNeedsAddresses = false;
    this.b.foldRow(this.pend);
  }

  /** The single state an `ss ... state X` command filters on (its rows have no State column). */
  singleFilterState(): TcpState | undefined {
    const c = this.cmd;
    if (c !== undefined && c.ssStates.length === 1) return c.ssStates[0];
    if (c !== undefined && c.grepStates.length === 1 && this.ssNoStateColumn)
      return c.grepStates[0];
    return undefined;
  }

  /** A `date` line or a time-of-day: remembered as the time of the next series value. */
  timeLine(v: LineView, embedded = false): boolean {
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
}
