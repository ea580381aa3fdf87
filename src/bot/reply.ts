/**
 * The platform-neutral reply every adapter renders in its own idiom (terminal text,
 * Slack Block Kit, Discord embeds). It carries no platform syntax: `title`, source titles and
 * suggestions are plain text; every other text is markdown, in which anything that came from
 * a person or a paste is escaped (src/bot/markdownText.ts) so it reads as text, never markup.
 */

export type ReplyTone = 'ok' | 'warn' | 'critical' | 'info' | 'error';

/** One bar of a chart: a label (e.g. a TCP state) and its value. */
export interface ChartBar {
  label: string;
  value: number;
}

/** A finding as shown to a person. */
export interface ReplyFinding {
  title: string;
  tone: ReplyTone;
  evidence: string;
  cause: string;
  /** Shell commands to run next, one per item. */
  next: string[];
  /** Myths that apply here, refuted in one line each. */
  caveats: string[];
}

/** A link to a source or related article. */
export interface ReplyLink {
  title: string;
  url?: string;
}

/**
 * What a reply is. `error`: the message could not be used (nothing readable in it);
 * `refusal`: the input was refused (too large, binary); `failure`: the bot failed on its side.
 */
export type ReplyKind = 'triage' | 'answer' | 'help' | 'info' | 'error' | 'refusal' | 'failure';

export interface Reply {
  kind: ReplyKind;
  title: string;
  tone: ReplyTone;
  /** Markdown paragraphs, in order. */
  paragraphs: string[];
  /** Preformatted blocks (shown in code fences). */
  code: { label?: string; text: string }[];
  chart: ChartBar[];
  findings: ReplyFinding[];
  sources: ReplyLink[];
  /** Short follow-ups the person can send next ("what do I do about it?"). */
  suggestions: string[];
}

/** A reply with nothing but a title and paragraphs. */
export function simpleReply(
  kind: ReplyKind,
  title: string,
  paragraphs: string[],
  tone: ReplyTone = 'info',
): Reply {
  return {
    kind,
    title,
    tone,
    paragraphs,
    code: [],
    chart: [],
    findings: [],
    sources: [],
    suggestions: [],
  };
}
