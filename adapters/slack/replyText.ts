/**
 * The pieces of a Reply written as Slack mrkdwn, shared by the Block Kit renderer and the
 * plain-text fallback so both say the same thing. Every string from the Reply passes through
 * the mrkdwn converter (which escapes `&`, `<`, `>`); the renderers then also break `@here`-style
 * words with the core's `neutralizeMentions`, so echoed text cannot ping anyone.
 */
import { neutralizeMentions } from '../../src/bot/mentions.js';
import type { ChartBar, Reply, ReplyFinding, ReplyLink, ReplyTone } from '../../src/bot/reply.js';
import {
  fence,
  inlineMarkdownToMrkdwn,
  literalMrkdwn,
  markdownToMrkdwn,
  slackLink,
} from './mrkdwn.js';

const TONE_EMOJI: Record<ReplyTone, string> = {
  critical: ':red_circle:',
  warn: ':large_orange_circle:',
  ok: ':large_green_circle:',
  info: ':information_source:',
  error: ':warning:',
};

const SEVERITY_LABEL: Partial<Record<ReplyTone, string>> = {
  critical: 'CRITICAL',
  warn: 'WARNING',
  ok: 'HEALTHY',
};

/** `:emoji:` shortcode for a tone. */
export function toneEmoji(tone: ReplyTone): string {
  return TONE_EMOJI[tone];
}

/** The header line: severity first for a triage verdict, then the title (plain text). */
export function headerText(reply: Reply): string {
  const label = reply.kind === 'triage' ? SEVERITY_LABEL[reply.tone] : undefined;
  const title = neutralizeMentions(reply.title.trim() || 'tcp-triage');
  return `${toneEmoji(reply.tone)} ${label ? `${label}: ` : ''}${title}`;
}

/** The paragraphs as mrkdwn, one string per paragraph. */
export function paragraphsMrkdwn(reply: Reply): string[] {
  return reply.paragraphs.map((p) => markdownToMrkdwn(p)).filter((p) => p !== '');
}

/** A bar chart of counts in a code block (labels padded, bars scaled to the largest value). */
export function chartMrkdwn(chart: ChartBar[], width = 24): string {
  if (chart.length === 0) return '';
  const max = Math.max(...chart.map((b) => b.value), 1);
  const labelWidth = Math.max(...chart.map((b) => b.label.length));
  const valueWidth = Math.max(...chart.map((b) => b.value.toLocaleString('en-US').length));
  const lines = chart.map((b) => {
    const n = b.value > 0 ? Math.max(1, Math.round((b.value / max) * width)) : 0;
    return `${b.label.padEnd(labelWidth)}  ${b.value.toLocaleString('en-US').padStart(valueWidth)}  ${'█'.repeat(n)}`;
  });
  return `*Connection states*\n${fence(lines.join('\n'))}`;
}

/** The preformatted blocks of a reply, each with its label. */
export function codeMrkdwn(reply: Reply): string[] {
  return reply.code.map((c) => {
    const label = c.label ? `*${inlineMarkdownToMrkdwn(c.label)}*\n` : '';
    return `${label}${fence(c.text.replace(/\s+$/, ''))}`;
  });
}

/** One finding: title, evidence and cause; then the next commands; then the caveats. */
export function findingMrkdwn(f: ReplyFinding): { summary: string; next: string; caveats: string } {
  const lines = [`${toneEmoji(f.tone)} *${inlineMarkdownToMrkdwn(f.title)}*`];
  if (f.evidence.trim()) lines.push(`*Evidence:* ${markdownToMrkdwn(f.evidence)}`);
  if (f.cause.trim()) lines.push(`*Likely cause:* ${markdownToMrkdwn(f.cause)}`);
  const next =
    f.next.length > 0 ? `*Run next:*\n${fence(f.next.map((c) => c.trim()).join('\n'))}` : '';
  const caveats =
    f.caveats.length > 0
      ? `*Don't:*\n${f.caveats.map((c) => `• ${inlineMarkdownToMrkdwn(c)}`).join('\n')}`
      : '';
  return { summary: lines.join('\n'), next, caveats };
}

/** A source as `<url|title>` (only http(s) links), else its escaped title. */
export function linkMrkdwn(link: ReplyLink): string {
  const title = literalMrkdwn(link.title);
  return link.url && /^https?:\/\//i.test(link.url) ? slackLink(link.url, title) : title;
}

/** The follow-up suggestions as one line. */
export function suggestionsMrkdwn(reply: Reply, inThread: boolean): string {
  if (reply.suggestions.length === 0) return '';
  const where = inThread ? ' (reply in this thread)' : '';
  return `Ask next${where}: ${reply.suggestions.map((s) => `“${literalMrkdwn(s)}”`).join(' · ')}`;
}
