import type { LineFormat } from './format.js';

/**
 * `/proc/net/sockstat` (and `sockstat6`): "TCP: inuse 27 orphan 0 tw 24 alloc 31 mem 3".
 * `tw` is the number of TIME_WAIT sockets; the rest are totals kept in `extra`.
 */
export const sockstat: LineFormat = {
  name: 'sockstat',
  header(v, ctx, line) {
    if ((line.t0 !== 'TCP:' && line.t0 !== 'TCP6:') || v.n < 3 || v.tok(1) !== 'inuse')
      return false;
    let any = false;
    for (let i = 1; i + 1 < v.n; i += 2) {
      const key = v.tok(i);
      const value = v.uint(i + 1);
      if (value < 0) continue;
      any = true;
      if (key === 'tw') ctx.b.addCount('TIME_WAIT', value);
      else ctx.b.extra[`sockstat:${key}`] = value;
    }
    if (!any) return false;
    ctx.seen('sockstat', 'linux', 5);
    ctx.b.warn(
      '/proc/net/sockstat counts TIME_WAIT ("tw") and sockets in use ("inuse") only: paste `ss -tan` for a breakdown',
    );
    ctx.b.skip('count');
    return true;
  },
};
