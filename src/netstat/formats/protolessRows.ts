import { stateFromToken } from '../aliases.js';
import { looksLikeAddress } from '../endpoint.js';
import { preview } from '../lineScan.js';
import { fromLatin1 } from '../lineView.js';
import type { TcpState } from '../states.js';
import type { LineFormat } from './format.js';
import { netstatColumns } from './netstatRows.js';
import { ssColumns } from './ssColumns.js';

/**
 * Rows that start with the two queue numbers: a netstat row whose protocol column was cut
 * off ("0 0 web-1:https lb-2:39012 ESTABLISHED"), the second half of an ss record wrapped
 * after its state, and `ss state X` output, which has no State column (the state comes from
 * the command line).
 */
export const protolessRows: LineFormat = {
  name: 'rows without a protocol column',
  row(v, ctx) {
    const s = v.s;
    const n = v.n;
    if (n < 3 || v.uint(0) < 0 || v.uint(1) < 0) return false;
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
      const r = ctx.startRow();
      r.state = st;
      r.proto = 'tcp';
      netstatColumns(v, ctx, 0, si, r, 'any');
      ctx.endRow(v);
      return true;
    }
    if (si >= 0 || !looksLikeAddress(s, v.ts[2] as number, v.te[2] as number)) return false;
    if (ctx.pending && ctx.pendingNeedsAddresses) {
      // The second half of a wrapped ss record: "0 0 10.147.0.6:22 144.217.57.63:3082".
      ssColumns(v, -1, ctx.pend);
      ctx.pendingNeedsAddresses = false;
      ctx.pend.lineSuffix = fromLatin1(v.text());
      ctx.b.skip('continuation');
      return true;
    }
    const only = ctx.singleFilterState();
    if (only !== undefined) {
      const r = ctx.startRow();
      r.state = only;
      r.proto = 'tcp';
      ssColumns(v, -1, r);
      ctx.seen('ss', 'linux');
      ctx.endRow(v);
      return true;
    }
    ctx.flushPending();
    ctx.b.unreadable(
      `a socket row with no state column (run ss without a state filter, or keep the command line): ${preview(v)}`,
    );
    return true;
  },
};
