import type { LineView } from '../lineView.js';
import type { ReadContext } from '../readContext.js';
import type { TcpState } from '../states.js';
import type { LineFormat } from './format.js';

/**
 * Counts without a table: the number `grep STATE | wc -l` (or `grep -c`) prints, alone or as
 * one value of a series ("10:00:01 710"); the state comes from the command line above.
 */
export const wcCounts: LineFormat = {
  name: 'wc-count',
  row(v, ctx, line) {
    if (!line.digit) return false;
    const n = v.n;
    if (n === 1 || timestampedValue(v, ctx)) {
      const value = n === 1 ? v.uint(0) : v.uint(n - 1);
      const state = countedState(ctx);
      if (value >= 0 && state !== undefined) {
        ctx.flushPending();
        const adjusted = ctx.cmd?.ssHeaderCounted ? Math.max(0, value - 1) : value;
        if (ctx.cmd?.ssHeaderCounted)
          ctx.b.warn("wc -l also counted ss's header line: subtracted 1");
        ctx.b.addSeriesValue(state, adjusted, ctx.lastTime);
        if (ctx.cmd?.intervalSeconds !== undefined)
          ctx.b.setSeriesInterval(ctx.cmd.intervalSeconds);
        ctx.seen('wc-count');
        ctx.wcSeen = true;
        ctx.b.skip('count');
        return true;
      }
      if (value >= 0 && n === 1 && ctx.cmd?.counts) {
        // A count of rows of any state ("grep :80 | wc -l"): kept, but it names no state.
        ctx.flushPending();
        ctx.b.extra['wc:any-state'] = value;
        ctx.b.warn(
          `the count ${value} (from \`${ctx.cmd.text.slice(0, 80)}\`) can be of rows in any state${ctx.cmd.countsHeaders ? ', and includes header lines' : ''}: it is not counted as a state`,
        );
        ctx.seen('wc-count');
        ctx.b.skip('count');
        return true;
      }
      if (value >= 0 && n === 1) {
        ctx.b.unreadable(`a bare number (${value}) with no command naming the state it counts`);
        return true;
      }
    }
    return ctx.timeLine(v);
  },
};

/** "10:00:01 710" or "Mon Nov 20 10:00:01 UTC 2023 710": a time then a count. */
function timestampedValue(v: LineView, ctx: ReadContext): boolean {
  if (v.n < 2 || v.uint(v.n - 1) < 0 || countedState(ctx) === undefined) return false;
  const before = v.s.slice(v.start, v.te[v.n - 2] as number);
  const m = /(\d{1,2}):(\d{2}):(\d{2})/.exec(before);
  if (!m) return false;
  ctx.lastTime = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  return true;
}

/** The state a lone number counts, from the command line before it. */
function countedState(ctx: ReadContext): TcpState | undefined {
  const c = ctx.cmd;
  if (c === undefined) return undefined;
  if (c.grepStates.length === 1 && (c.counts || ctx.wcSeen)) return c.grepStates[0];
  if (c.ssStates.length === 1 && c.counts) return c.ssStates[0];
  const m = c.grepMatches;
  if (c.grepStates.length === 0 && m !== undefined && m.length > 0 && (c.counts || ctx.wcSeen)) {
    const pattern = c.grepPatterns.join(' | grep ');
    ctx.b.warn(
      m.length === 1
        ? `grep ${pattern} matches ${m[0]} rows (and any program or host name it spells): counted as ${m[0]}`
        : `grep ${pattern} can match ${m.join(', ')} (and program names): counted as ${m[0]}`,
    );
    return m[0];
  }
  return undefined;
}
