import type { LineFormat } from './format.js';

/** `ss -s`: "TCP:   5334 (estab 130, closed 0, orphaned 0, timewait 5204)", and its Transport table. */
export const ssSummary: LineFormat = {
  name: 'ss-summary',
  header(v, ctx, line) {
    const t0 = line.t0;
    if (t0 === 'Total:' || t0 === 'Transport') {
      ctx.seen('ss-summary');
      ctx.b.skip('header');
      return true;
    }
    if (t0 !== 'TCP:' && t0 !== 'TCP6:') return false;
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
      if (key === 'estab') ctx.b.addCount('ESTABLISHED', value);
      else if (key === 'timewait') ctx.b.addCount('TIME_WAIT', value);
      else if (key === 'closed') ctx.b.addCount('CLOSED', value);
      else if (key === 'synrecv') ctx.b.addCount('SYN_RECEIVED', value);
      else ctx.b.extra[key] = value;
    }
    if (!any) return false;
    ctx.seen('ss-summary', 'linux', 5);
    ctx.b.warn(
      'ss -s gives totals only ("estab" may include CLOSE_WAIT on newer kernels): paste `ss -tan` for a breakdown',
    );
    ctx.b.skip('count');
    return true;
  },
};
