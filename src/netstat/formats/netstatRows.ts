import { stateFromToken, TCP_PROTOS } from '../aliases.js';
import { looksLikeAddress, parseEndpoint, scanIpv4Endpoint } from '../endpoint.js';
import { allNumbers, digitsEnd, preview, skipBlanks, tokenEnd } from '../lineScan.js';
import { indexIn, type LineView, lastIndexIn, parseUint } from '../lineView.js';
import type { ReadContext } from '../readContext.js';
import type { InputFormat } from '../snapshot.js';
import type { RowScratch } from '../snapshotBuilder.js';
import type { TcpState } from '../states.js';
import type { LineFormat } from './format.js';
import { listenRow, queueLength } from './listenQueues.js';
import { ssColumns } from './ssColumns.js';

/** Timer kinds printed by `netstat -o` and `ss -o`. */
export const TIMER_KINDS = new Set([
  'off',
  'on',
  'keepalive',
  'timewait',
  'probe',
  'persist',
  'unknown',
]);

/** Which OS a protocol word's spelling suggests (tcp4 is BSD, TCP is Windows). */
export type ProtoOs = 'linux' | 'windows' | 'bsd' | 'any';

/**
 * Rows led by a TCP protocol word: netstat on Linux, Windows, BSD/macOS and AIX, and ss with
 * a Netid column. The state column tells them apart (5 on netstat, 3 on Windows, 1 on ss).
 */
export const netstatRows: LineFormat = {
  name: 'netstat rows',
  row(v, ctx) {
    if (ctx.section === 'unix') return false;
    const proto = tcpProtoAt(v);
    if (proto === undefined) return false;
    protoRow(v, ctx, proto, TCP_PROTOS.get(proto) ?? 'any');
    return true;
  },
};

/**
 * Fast path for the shape that dominates large dumps, a Linux `netstat -tan[p][o]` row:
 * `tcp[6] RecvQ SendQ local remote STATE [pid/prog | -] [timer (...)]`, read in one pass
 * with no token table. Anything unexpected returns false before any state is touched,
 * and the general path reads the line instead, so the two always agree.
 */
export function fastLinuxRow(ctx: ReadContext, s: string, a: number, e: number): boolean {
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
  // Local and remote: IPv4 with a port is read in one pass; anything else (IPv6, names,
  // service ports) by the general address parser. Dotted ports mean a BSD row: not here.
  const r = ctx.cur;
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
  const st = ctx.stateIn(s, sa, se);
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
  ctx.commitFastRow(r, st, proto, rq, sq);
  return true;
}

/** A row that starts with tcp/tcp4/tcp6/tcp46/TCP. */
export function protoRow(v: LineView, ctx: ReadContext, proto: string, protoOs: ProtoOs): void {
  if (splitGluedRows(v, ctx)) return;
  const n = v.n;
  // The state is at 5 on Linux/BSD netstat, 3 on Windows, 1 in `ss` with a Netid column.
  let si = -1;
  let st: TcpState | undefined;
  if (n > 5) {
    st = ctx.stateAt(v, 5);
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
    if (n === 3) {
      const qlen = queueLength(v, 1); // netstat -Lan: "tcp4  192/0/128  *.80"
      if (qlen >= 0 && listenRow(v, ctx, 1, qlen)) return;
    }
    ctx.flushPending();
    if (n > 1 && v.uint(1) >= 0 && allNumbers(v, 1)) {
      ctx.b.skip('summary-table'); // `ss -s` transport table: "TCP 130 120 10"
    } else if (n >= 3 && hasAddress(v)) {
      ctx.b.unreadable(`no TCP state on a ${proto} row: ${preview(v)}`);
    } else {
      ctx.b.skip('noise');
    }
    return;
  }
  const r = ctx.startRow();
  r.state = st;
  r.proto = proto;
  if (si === 1) {
    // ss -a: "tcp ESTAB 0 0 local peer ...", or a record wrapped after the state.
    ctx.seen('ss', 'linux');
    if (n === 2) {
      ctx.pendingNeedsAddresses = true;
    } else {
      ssColumns(v, 1, r);
    }
  } else {
    netstatColumns(v, ctx, 1, si, r, protoOs);
  }
  ctx.endRow(v);
}

/**
 * Rows that a chat client flattened onto one line ("tcp 0 0 a b CLOSE_WAIT tcp 0 0 ..."):
 * a later TCP protocol token after a state starts the next row. Each row is read on its own.
 */
function splitGluedRows(v: LineView, ctx: ReadContext): boolean {
  const n = v.n;
  if (n < 8) return false;
  let sawState = false;
  for (let i = 2; i < n; i++) {
    if (!sawState) {
      if (ctx.stateAt(v, i) !== undefined) sawState = true;
      continue;
    }
    const c = v.s.charCodeAt(v.ts[i] as number);
    if ((c === 116 || c === 84) && TCP_PROTOS.has(v.tok(i))) {
      const { s, start, end } = v;
      const cut = v.ts[i] as number;
      ctx.b.lines.total--; // the two halves count as the one line they were
      ctx.reread(s, start, cut);
      ctx.reread(s, cut, end);
      return true;
    }
  }
  return false;
}

/** netstat columns between the protocol and the state, then what follows the state. */
export function netstatColumns(
  v: LineView,
  ctx: ReadContext,
  from: number,
  si: number,
  r: RowScratch,
  protoOs: ProtoOs,
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
    ctx.seen(format, 'windows');
  } else if (protoOs === 'bsd' || dotted) {
    format = 'netstat-bsd';
    ctx.seen(format, protoOs === 'bsd' || r.proto === 'tcp6' ? 'freebsd' : 'openbsd');
  } else {
    format = 'netstat-linux';
    ctx.seen(format, 'linux');
  }
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
    } else if (format === 'netstat-bsd' && ctx.bsdPidOffset > 0 && i === si + ctx.bsdPidOffset) {
      const pid = parseUint(s, a, e);
      if (pid > 0) {
        r.processKey = pid;
        r.processName = `pid ${pid}`;
      }
    }
  }
}

/**
 * The protocol word of token i when it is a TCP one (tcp, tcp4, tcp6, tcp46, TCP, TCPv6),
 * returned as a shared constant; undefined otherwise.
 */
export function tcpProtoAt(v: LineView, i = 0): string | undefined {
  const s = v.s;
  const a = v.ts[i] as number;
  const len = (v.te[i] as number) - a;
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

/** Whether any token after the protocol looks like an address (else the line is prose that starts with "TCP"). */
function hasAddress(v: LineView): boolean {
  for (let i = 1; i < v.n; i++)
    if (looksLikeAddress(v.s, v.ts[i] as number, v.te[i] as number)) return true;
  return false;
}
