import { commandHints, commandStart } from '../command.js';
import { fromLatin1, type LineView } from '../lineView.js';
import type { ReadContext } from '../readContext.js';
import type { LineFormat } from './format.js';

/**
 * A shell command line, with or without a prompt, and `watch` headers. Not a format itself:
 * it tells the formats after it what the lines are (the states a grep keeps, a `wc -l`, the
 * interval of a series, the OS).
 */
export const commandLines: LineFormat = {
  name: 'command lines',
  row(v, ctx, line) {
    if (line.digit) return false;
    const tokens: string[] = [];
    for (let i = 0; i < Math.min(v.n, 6); i++) tokens.push(v.tok(i));
    if (tokens[0] === 'Every' && tokens[1]?.endsWith('s:')) {
      // `watch` header: "Every 2.0s: netstat -an | grep TIME_WAIT | wc -l   host: date"
      const secs = Number(tokens[1].slice(0, -2));
      ctx.timeLine(v, true);
      setCommand(v, ctx, 2);
      if (ctx.cmd && Number.isFinite(secs) && secs > 0) ctx.cmd.intervalSeconds = secs;
      return true;
    }
    const start = commandStart(tokens, v.text());
    if (start < 0) return false;
    // "# Output: 847", "# HELP node_...": a comment, not a root prompt.
    const first = tokens[start] ?? '';
    if (first.endsWith(':') || (tokens[0] === '#' && /^(HELP|TYPE)$/.test(first))) return false;
    setCommand(v, ctx, start);
    return true;
  },
};

function setCommand(v: LineView, ctx: ReadContext, start: number): void {
  ctx.flushPending();
  const from = v.ts[Math.min(start, v.n - 1)] as number;
  const text = fromLatin1(v.s.slice(from, v.end));
  ctx.cmd = commandHints(text);
  ctx.ssNoStateColumn = false;
  if (ctx.b.command === undefined) ctx.b.command = text.slice(0, 300);
  ctx.hintOs(osOfCommand(text));
  ctx.b.skip('prompt');
}

/** The OS a pasted command implies (ss and /proc are Linux; `-p tcp` is BSD netstat; `-ano` Windows). */
function osOfCommand(text: string): 'linux' | 'bsd' | 'windows' | undefined {
  if (/(^|[\s|;(])ss\s/.test(text) || text.includes('/proc/net/')) return 'linux';
  if (/netstat\s+-[a-z]*t[a-z]*p|netstat\s+-[a-z]*p[a-z]*t/.test(text)) return 'linux';
  if (/-p\s+tcp/.test(text)) return 'bsd';
  if (/netstat\s+-a?n?o\b|netstat\s+-ano|Get-NetTCPConnection|findstr/i.test(text))
    return 'windows';
  return undefined;
}
