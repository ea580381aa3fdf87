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
    // "# Output: 847 ← concurrent connections": a value quoted in a comment.
    const quoted = !line.digit && v.n >= 3 && line.t0 === '#' && v.tok(1).endsWith(':');
    if (!line.digit && !quoted) return false;
    const from = quoted ? 2 : 0;
    // A comment after the value ("233 #表示 ...", "17  # Increases by ~1 per hour").
    const n = from + beforeComment(v, from);
    if (quoted && n !== 3) return false;
    if (n - from === 1 || timestampedValue(v, ctx)) {
      const value = n - from === 1 ? v.uint(from) : v.uint(n - 1);
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
      if (value >= 0 && n - from === 1 && ctx.cmd?.counts) {
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
      if (value >= 0 && n - from === 1) {
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

/** How many tokens from `from` on come before a comment ("#", "//", "<-", "←"). */
function beforeComment(v: LineView, from: number): number {
  for (let i = from + 1; i < v.n; i++) {
    const c = v.s.charCodeAt(v.ts[i] as number);
    const t = v.tok(i);
    if (c === 35 || t.startsWith('//') || t.startsWith('<-') || t.startsWith('\u00e2\u0086\u0090'))
      return i - from;
  }
  return v.n - from;
}
