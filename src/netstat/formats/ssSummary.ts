import type { LineView } from '../lineView.js';
import type { ReadContext } from '../readContext.js';
import type { LineFormat } from './format.js';

/**
 * `ss -s`, read exactly:
 *
 *   Total: 187 (kernel 0)
 *   TCP:   38 (estab 5, closed 17, orphaned 0, synrecv 0, timewait 70/0), ports 0
 *   Transport Total     IP        IPv6
 *   TCP       21        14        7
 *
 * "estab" is ESTABLISHED and "timewait N/M" is N sockets in TIME_WAIT. "closed" is not a
 * state (it is sockets not in the hash tables: the total minus the hashed ones) and goes to
 * `extra` with the total, orphaned and the Transport table's TCP row.
 */
export const ssSummary: LineFormat = {
  name: 'ss-summary',
  header(v, ctx, line) {
    const t0 = line.t0;
    if (t0 === 'Total:') {
      const total = v.n > 1 ? v.uint(1) : -1;
      if (total >= 0) ctx.b.extra['ss-s:sockets'] = total;
      ctx.seen('ss-summary');
      ctx.b.skip('header');
      return true;
    }
    if (t0 === 'Transport') {
      ctx.ssTransportTable = true;
      ctx.seen('ss-summary');
      ctx.b.skip('header');
      return true;
    }
    if (t0 === 'TCP:' || t0 === 'TCP6:') return tcpLine(v, ctx);
    return false;
  },
  row(v, ctx) {
    // The Transport table's TCP row: "TCP  21  14  7" (total, IPv4, IPv6).
    if (!ctx.ssTransportTable || v.n !== 4 || v.tok(0) !== 'TCP') return false;
    const total = v.uint(1);
    if (total < 0) return false;
    ctx.b.extra['ss-s:tcp'] = total;
    if (v.uint(2) >= 0) ctx.b.extra['ss-s:tcp-ipv4'] = v.uint(2);
    if (v.uint(3) >= 0) ctx.b.extra['ss-s:tcp-ipv6'] = v.uint(3);
    ctx.b.skip('summary-table');
    return true;
  },
};

/** "TCP:   38 (estab 5, closed 17, orphaned 0, synrecv 0, timewait 70/0), ports 0". */
function tcpLine(v: LineView, ctx: ReadContext): boolean {
  const text = v.text();
  const open = text.indexOf('(');
  if (open < 0) return false;
  const close = text.indexOf(')', open);
  const pairs = text
    .slice(open + 1, close > open ? close : text.length)
    .replace(/,/g, ' ')
    .trim()
    .split(/\s+/);
  const b = ctx.b;
  let any = false;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const key = pairs[i] as string;
    const raw = pairs[i + 1] as string;
    const slash = raw.indexOf('/');
    const value = Number(slash >= 0 ? raw.slice(0, slash) : raw);
    if (!Number.isSafeInteger(value) || value < 0) continue;
    any = true;
    if (key === 'estab') b.addCount('ESTABLISHED', value);
    else if (key === 'timewait') b.addCount('TIME_WAIT', value);
    else if (key === 'synrecv') b.addCount('SYN_RECEIVED', value);
    else if (key === 'closed') b.extra['ss-s:closed'] = value;
    else b.extra[key] = value;
  }
  if (!any) return false;
  const total = v.n > 1 ? v.uint(1) : -1;
  if (total >= 0) b.extra['ss-s:total'] = total;
  ctx.seen('ss-summary', 'linux', 5);
  b.warn(
    'ss -s gives totals only ("estab" may include CLOSE_WAIT on newer kernels; "closed" is not a TCP state): paste `ss -tan` for a breakdown',
  );
  b.skip('count');
  return true;
}
