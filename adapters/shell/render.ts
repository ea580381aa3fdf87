/**
 * A Reply as terminal text. This adapter knows nothing about TCP: it lays out the Reply's
 * title, paragraphs, chart, findings, code, sources and suggestions.
 */
import type { ChartBar, Reply, ReplyFinding, ReplyTone } from '../../src/bot/reply.js';
import { terminalSafe } from './controls.js';
import { renderInlineMarkdown, renderMarkdown } from './markdown.js';
import { paint, symbol, type TerminalStyle, visibleWidth, wrap } from './style.js';

const TONE_COLOR: Record<ReplyTone, 'green' | 'yellow' | 'red' | 'cyan'> = {
  ok: 'green',
  warn: 'yellow',
  critical: 'red',
  info: 'cyan',
  error: 'red',
};

function toneMark(style: TerminalStyle, tone: ReplyTone): string {
  return paint(style, TONE_COLOR[tone], symbol(style, tone));
}

/** A horizontal bar chart, longest bar `width` cells. */
export function renderChart(bars: readonly ChartBar[], style: TerminalStyle, width = 30): string {
  if (bars.length === 0) return '';
  const max = Math.max(...bars.map((b) => b.value), 1);
  const labelWidth = Math.max(...bars.map((b) => visibleWidth(b.label)));
  const values = bars.map((b) => b.value.toLocaleString('en-US'));
  const valueWidth = Math.max(...values.map((v) => v.length));
  return bars
    .map((b, i) => {
      const cells = b.value > 0 ? Math.max(1, Math.round((b.value / max) * width)) : 0;
      const bar = cells > 0 ? symbol(style, 'bar').repeat(cells) : symbol(style, 'barEdge');
      const label = b.label + ' '.repeat(labelWidth - visibleWidth(b.label));
      return `  ${label}  ${(values[i] as string).padStart(valueWidth)}  ${paint(style, 'blue', bar)}`;
    })
    .join('\n');
}

function renderFinding(f: ReplyFinding, style: TerminalStyle): string {
  const w = style.width;
  const inline = (md: string) => renderInlineMarkdown(md, style);
  const lines = [
    wrap(paint(style, 'bold', inline(f.title)), w, '    ', `${toneMark(style, f.tone)} `),
  ];
  const label = (s: string) => paint(style, 'dim', s);
  if (f.evidence) lines.push(wrap(`${label('Evidence:')} ${inline(f.evidence)}`, w, '    ', '  '));
  if (f.cause) lines.push(wrap(`${label('Cause:')} ${inline(f.cause)}`, w, '    ', '  '));
  if (f.next.length > 0) {
    lines.push(`  ${label('Next:')}`);
    for (const cmd of f.next) lines.push(`    ${paint(style, 'cyan', `$ ${cmd}`)}`);
  }
  if (f.caveats.length > 0) {
    lines.push(`  ${label("Don't be misled:")}`);
    for (const c of f.caveats) {
      lines.push(
        renderMarkdown(c, style, '      ').replace(/^ {6}/, `    ${symbol(style, 'dont')} `),
      );
    }
  }
  return lines.join('\n');
}

/** Renders a Reply for the terminal; no control character in its text reaches the terminal. */
export function renderReply(unsafe: Reply, style: TerminalStyle): string {
  const reply = terminalSafe(unsafe);
  const blocks: string[] = [];
  const title = paint(style, 'bold', reply.title);
  blocks.push(wrap(title, style.width, '  ', `${toneMark(style, reply.tone)} `));
  const [first, ...rest] = reply.paragraphs;
  if (first !== undefined) blocks.push(renderMarkdown(first, style));
  if (reply.chart.length > 0) blocks.push(renderChart(reply.chart, style));
  for (const f of reply.findings) blocks.push(renderFinding(f, style));
  for (const p of rest) blocks.push(renderMarkdown(p, style));
  for (const c of reply.code) {
    const body = c.text
      .split('\n')
      .map((l) => `    ${paint(style, 'cyan', l)}`)
      .join('\n');
    blocks.push(c.label ? `${paint(style, 'dim', `${c.label}:`)}\n${body}` : body);
  }
  if (reply.sources.length > 0) {
    const lines = reply.sources.map((s, i) => {
      const url = s.url ? ` ${paint(style, 'underline', s.url)}` : '';
      return wrap(`${i + 1}. ${s.title}${url}`, style.width, '     ', '  ');
    });
    blocks.push(`${paint(style, 'dim', 'Sources:')}\n${lines.join('\n')}`);
  }
  if (reply.suggestions.length > 0) {
    const sep = style.unicode ? ' · ' : ' | ';
    const items = reply.suggestions.map((s) => paint(style, 'cyan', s)).join(sep);
    blocks.push(wrap(`${paint(style, 'dim', 'Try:')} ${items}`, style.width, '     ', ''));
  }
  return `${blocks.filter((b) => b !== '').join('\n\n')}\n`;
}
