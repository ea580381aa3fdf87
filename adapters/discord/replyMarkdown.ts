/**
 * The parts of a Reply written as Discord markdown: the description (paragraphs, code blocks,
 * state chart), one text per finding, the source list and the suggestion line. Sizes are not
 * handled here; embeds.ts fits these texts into Discord's limits.
 */
import { literalMarkdown } from '../../src/bot/markdownText.js';
import type { ChartBar, Reply, ReplyFinding, ReplyLink, ReplyTone } from '../../src/bot/reply.js';

/** Embed colour per tone (Discord's own palette where it has one). */
export const TONE_COLOURS: Readonly<Record<ReplyTone, number>> = Object.freeze({
  critical: 0xda373c,
  warn: 0xf0b232,
  ok: 0x23a55a,
  info: 0x5865f2,
  error: 0x80848e,
});

/** A short marker shown before a finding's title. */
export const TONE_MARKERS: Readonly<Record<ReplyTone, string>> = Object.freeze({
  critical: '🔴',
  warn: '🟠',
  ok: '🟢',
  info: '🔵',
  error: '⚠️',
});

const BAR_WIDTH = 20;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/**
 * Discord only knows triple-backtick fences, so backticks inside code could end the block
 * early; a zero-width space between adjacent backticks keeps the text readable and the fence whole.
 */
export function escapeCodeText(text: string): string {
  return text.replace(/`(?=`)/g, '`\u200b');
}

/** A fenced code block. */
export function codeBlock(text: string, language = ''): string {
  return `\`\`\`${language}\n${escapeCodeText(text.replace(/\s+$/, ''))}\n\`\`\``;
}

/** Turns `[text](kb:article-id)` cross-links into plain emphasis: Discord cannot follow them. */
export function rewriteKbLinks(markdown: string): string {
  return markdown.replace(/\[([^\]\n]{1,200})\]\(kb:[\w-]{1,100}\)/g, '*$1*');
}

/** Horizontal bars, one line per state, scaled to the largest value. */
export function renderChart(bars: readonly ChartBar[]): string {
  if (bars.length === 0) return '';
  const labelWidth = Math.max(...bars.map((b) => b.label.length));
  const numbers = bars.map((b) => b.value.toLocaleString('en-US'));
  const numberWidth = Math.max(...numbers.map((n) => n.length));
  const max = Math.max(...bars.map((b) => b.value), 0);
  const lines = bars.map((bar, i) => {
    const eighths = max > 0 ? Math.round((Math.max(bar.value, 0) / max) * BAR_WIDTH * 8) : 0;
    // A non-zero value always shows at least a sliver.
    const shown = bar.value > 0 ? Math.max(eighths, 1) : 0;
    const rendered = '█'.repeat(Math.floor(shown / 8)) + (EIGHTHS[shown % 8] ?? '');
    const number = (numbers[i] as string).padStart(numberWidth);
    return `${bar.label.padEnd(labelWidth)}  ${number} ${rendered}`.trimEnd();
  });
  return codeBlock(lines.join('\n'));
}

/** Paragraphs, then code blocks, then the state chart. */
export function renderDescription(reply: Reply): string {
  const parts = reply.paragraphs.map((p) => rewriteKbLinks(p.trim())).filter(Boolean);
  for (const block of reply.code) {
    if (!block.text.trim()) continue;
    parts.push(
      block.label ? `**${block.label}**\n${codeBlock(block.text)}` : codeBlock(block.text),
    );
  }
  const chart = renderChart(reply.chart);
  if (chart) parts.push(chart);
  return parts.join('\n\n');
}

/** A finding's field name: marker and title. */
export function findingName(finding: ReplyFinding): string {
  return `${TONE_MARKERS[finding.tone]} ${finding.title}`;
}

/** A finding's field text: evidence, cause, next commands, caveats. */
export function findingText(finding: ReplyFinding): string {
  const parts: string[] = [];
  if (finding.evidence.trim()) parts.push(rewriteKbLinks(finding.evidence.trim()));
  if (finding.cause.trim()) parts.push(`**Why:** ${rewriteKbLinks(finding.cause.trim())}`);
  if (finding.next.length > 0) parts.push(`**Next:**\n${codeBlock(finding.next.join('\n'), 'sh')}`);
  for (const caveat of finding.caveats) parts.push(`**Avoid:** ${rewriteKbLinks(caveat.trim())}`);
  return parts.join('\n');
}

/** One line per source, as a link when it has an http(s) URL. */
export function renderSources(sources: readonly ReplyLink[]): string {
  return sources
    .map((source) => {
      const title = source.title.replace(/[[\]]/g, '');
      return source.url && /^https?:\/\//.test(source.url)
        ? `• [${title}](${source.url.replace(/\)/g, '%29').replace(/\s/g, '%20')})`
        : `• ${title}`;
    })
    .join('\n');
}

/** The suggestions line shown in the footer (plain text: footers render no markdown). */
export function renderSuggestions(suggestions: readonly string[]): string {
  return suggestions.length > 0 ? `Try next: ${suggestions.map((s) => `“${s}”`).join(' · ')}` : '';
}

/** The whole reply as one markdown text, for plain-message fallback and logs. */
export function renderPlainMarkdown(reply: Reply): string {
  // The title is plain text (it may name a pasted process): escaped before it is made bold.
  const parts = [`**${literalMarkdown(reply.title)}**`, renderDescription(reply)];
  for (const finding of reply.findings) {
    parts.push(`**${findingName(finding)}**\n${findingText(finding)}`);
  }
  const sources = renderSources(reply.sources);
  if (sources) parts.push(`**Sources**\n${sources}`);
  const suggestions = renderSuggestions(reply.suggestions);
  if (suggestions) parts.push(`*${suggestions}*`);
  return parts.filter(Boolean).join('\n\n');
}
