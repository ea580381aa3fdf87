import { NON_TCP_PROTOS } from '../aliases.js';
import type { LineView } from '../lineView.js';
import type { ReadContext } from '../readContext.js';
import type { LineFormat } from './format.js';

/**
 * netstat and ss headers: "Active Internet connections" / "Active UNIX domain sockets"
 * sections, column headers (Proto, Netid, State, Recv-Q, `sl` of /proc/net/tcp), the
 * Solaris-style "UDP:" / "SCTP:" sections and their dashed underlines, and rows of other
 * protocols (udp, unix, raw ...), which are skipped and counted as such.
 */
export const netstatHeaders: LineFormat = {
  name: 'netstat headers',
  header(v, ctx, line) {
    const t0 = line.t0;
    const b = ctx.b;
    const nonTcp = NON_TCP_PROTOS.get(t0);
    if (nonTcp !== undefined) {
      ctx.flushPending();
      b.skip(nonTcp);
      return true;
    }
    if (line.digit) return false;
    switch (t0) {
      case 'Active': {
        const t1 = v.n > 1 ? v.tok(1) : '';
        ctx.flushPending();
        ctx.section = t1 === 'Internet' ? 'inet' : t1 === 'UNIX' ? 'unix' : 'other';
        b.skip('header');
        return true;
      }
      case 'UDP:':
        // "UDP: IPv4" starts a Solaris section; "UDP: inuse 4 mem 2" is a /proc/net/sockstat line.
        if (v.n < 2 || v.tok(1) !== 'inuse') ctx.section = 'udp';
        b.skip('header');
        return true;
      case 'SCTP:':
        ctx.section = 'sctp';
        b.skip('header');
        return true;
      case 'Proto':
      case 'Netid':
      case 'Local':
      case 'Recv-Q':
      case 'State':
      case 'sl':
        ctx.flushPending();
        if (t0 === 'Recv-Q' || (t0 === 'Netid' && v.n > 1 && v.tok(1) !== 'State'))
          ctx.ssNoStateColumn = true;
        columnHeader(v, ctx);
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
  },
};

/** Learns column positions that vary (macOS `netstat -v` pid column). */
function columnHeader(v: LineView, ctx: ReadContext): void {
  let stateIdx = -1;
  for (let i = 0; i < v.n; i++) {
    const t = v.tok(i);
    if (t === '(state)' || t === 'State') {
      if (stateIdx < 0) stateIdx = i;
    } else if (t === 'pid' && stateIdx >= 0) {
      ctx.bsdPidOffset = i - stateIdx;
      ctx.os('macos');
    } else if (t === 'rhiwat') {
      ctx.os('macos');
    }
  }
}
