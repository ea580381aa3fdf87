import { parseEndpoint } from '../endpoint.js';
import { fromLatin1, type LineView } from '../lineView.js';
import type { LineFormat } from './format.js';

/**
 * `lsof -i` / `lsof -nP -iTCP` rows:
 *   COMMAND   PID USER   FD   TYPE    DEVICE SIZE/OFF NODE NAME
 *   java    31014  app  88u  IPv6 0x1a2b3c      0t0  TCP 10.0.0.5:8080->10.0.0.7:40010 (CLOSE_WAIT)
 * The state is the last token in parentheses, the process is COMMAND and PID.
 */
export const lsofRows: LineFormat = {
  name: 'lsof',
  header(v, ctx, line) {
    if (line.t0 !== 'COMMAND' || v.n < 8 || v.tok(1) !== 'PID') return false;
    ctx.flushPending();
    ctx.b.skip('header');
    return true;
  },
  row(v, ctx, line) {
    const n = v.n;
    if (line.digit || n < 7) return false;
    const last = v.tok(n - 1);
    if (last.charCodeAt(0) !== 40 || last.charCodeAt(last.length - 1) !== 41) return false;
    const ti = tcpIndex(v);
    if (ti < 0 || ti + 2 !== n - 1) return false;
    const st = ctx.stateIn(v.s, (v.ts[n - 1] as number) + 1, (v.te[n - 1] as number) - 1);
    if (st === undefined) return false;
    const pid = v.uint(1);
    if (pid < 0) return false;
    const r = ctx.startRow();
    r.state = st;
    r.proto = v.tok(4) === 'IPv6' ? 'tcp6' : 'tcp';
    const s = v.s;
    const a = v.ts[ti + 1] as number;
    const e = v.te[ti + 1] as number;
    const arrow = s.indexOf('->', a);
    if (arrow > a && arrow < e) {
      parseEndpoint(s, a, arrow, 0, r);
      parseEndpoint(s, arrow + 2, e, 1, r);
    } else {
      parseEndpoint(s, a, e, 0, r);
    }
    r.processKey = pid;
    r.processName = `${fromLatin1(line.t0)} (pid ${pid})`;
    ctx.seen('lsof');
    ctx.endRow(v);
    return true;
  },
};

/** Index of the NODE column "TCP", or -1. */
function tcpIndex(v: LineView): number {
  for (let i = 4; i < v.n - 1; i++) if (v.tok(i) === 'TCP') return i;
  return -1;
}
