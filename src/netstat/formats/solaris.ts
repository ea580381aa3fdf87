import { stateFromToken } from '../aliases.js';
import { looksLikeAddress } from '../endpoint.js';
import type { TcpState } from '../states.js';
import type { LineFormat } from './format.js';
import { netstatColumns } from './netstatRows.js';

/**
 * Solaris / illumos `netstat -an`: "TCP: IPv4" sections whose rows start with the local
 * address ("10.0.0.5.22 10.0.0.9.51234 64128 0 128872 0 ESTABLISHED"); trimmed BSD rows
 * that lost their protocol column have the same shape.
 */
export const solarisRows: LineFormat = {
  name: 'netstat-solaris',
  header(v, ctx, line) {
    if (line.t0 !== 'TCP:' && line.t0 !== 'TCP6:') return false;
    if (v.n < 2 || !v.tok(1).startsWith('IPv')) return false;
    ctx.section = 'inet';
    ctx.solaris = true;
    ctx.os('solaris');
    ctx.b.skip('header');
    return true;
  },
  row(v, ctx) {
    if (!looksLikeAddress(v.s, v.ts[0] as number, v.te[0] as number)) return false;
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
    const r = ctx.startRow();
    r.state = st;
    r.proto = 'tcp';
    netstatColumns(v, ctx, 0, si, r, 'any');
    if (ctx.section === 'inet' && ctx.solaris) ctx.seen('netstat-solaris', 'solaris', 2);
    ctx.endRow(v);
    return true;
  },
};
