import { parseEndpoint } from '../endpoint.js';
import type { LineView } from '../lineView.js';
import type { ReadContext } from '../readContext.js';
import type { LineFormat } from './format.js';
import { tcpProtoAt } from './netstatRows.js';

/**
 * FreeBSD/macOS `netstat -Lan`: listen queues, one LISTEN socket a row, with or without a
 * protocol column: "tcp4  192/0/128  *.80" or "10/0/128  *.80" (qlen/incqlen/maxqlen).
 * The accept queue length (qlen) is kept as the row's Recv-Q.
 */
export const listenQueues: LineFormat = {
  name: 'netstat -L',
  header(v, ctx, line) {
    if (line.t0 !== 'Current' || v.n < 4 || v.tok(1) !== 'listen') return false;
    ctx.flushPending();
    ctx.b.skip('header');
    return true;
  },
  row(v, ctx) {
    const k = v.n === 3 && tcpProtoAt(v, 0) !== undefined ? 1 : 0;
    if (v.n !== k + 2) return false;
    const qlen = queueLength(v, k);
    if (qlen < 0) return false;
    return listenRow(v, ctx, k, qlen);
  },
};

/** qlen of a "qlen/incqlen/maxqlen" token, or -1. */
export function queueLength(v: LineView, i: number): number {
  const t = v.tok(i);
  const parts = t.split('/');
  if (parts.length !== 3 || !parts.every((p) => /^\d{1,9}$/.test(p))) return -1;
  return Number(parts[0]);
}

/** Reads token k+1 as the local address of a LISTEN row whose accept queue holds qlen. */
export function listenRow(v: LineView, ctx: ReadContext, k: number, qlen: number): boolean {
  const r = ctx.startRow();
  if (!parseEndpoint(v.s, v.ts[k + 1] as number, v.te[k + 1] as number, 0, r)) return false;
  r.state = 'LISTEN';
  r.proto = k === 1 ? v.tok(0) : 'tcp';
  r.recvQ = qlen;
  ctx.seen('netstat-bsd', 'bsd');
  ctx.endRow(v);
  return true;
}
