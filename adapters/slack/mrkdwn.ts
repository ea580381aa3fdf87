/**
 * Markdown -> Slack mrkdwn. Slack's format is not Markdown (`*bold*`, `_italic_`,
 * `<url|text>`, no headings or tables, and `&`, `<`, `>` must be escaped), so the KB's markdown
 * is parsed with marked's lexer and each token is written out again in Slack's syntax.
 * Escaping everything that is not our own syntax is also what keeps pasted `<!channel>` or
 * `<@U123>` from ever pinging anyone.
 */
import { marked, type Token, type Tokens } from 'marked';

/** Escapes the three characters Slack treats as control characters in mrkdwn. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// A formatting mark that touches a word boundary could open or close `*bold*`, `_italic_`,
// `~strike~` or `\`code\``; one between two letters or digits (tcp_tw_reuse) cannot.
const EDGE_MARK = /(?<![\p{L}\p{N}])[*_~`]|[*_~`](?![\p{L}\p{N}])/gu;

/** The character slipped around formatting marks in text (U+200B ZERO WIDTH SPACE). */
const MARK_BREAK = '\u200b';

/**
 * Plain text as mrkdwn that reads literally: `&`, `<`, `>` escaped (no links, no mentions)
 * and every `*`, `_`, `~`, `` ` `` at a word edge fenced with zero-width spaces, which Slack
 * never formats (it has no backslash escape). The one way text, not markup, enters mrkdwn.
 */
export function literalMrkdwn(text: string): string {
  return escapeMrkdwn(text).replace(EDGE_MARK, `${MARK_BREAK}$&${MARK_BREAK}`);
}

/** Markdown entities for the three control characters stand for the characters themselves. */
function decodeBasicEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_m, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : '>',
  );
}

/** Turns a `kb:` cross-link into readable words; the default names the article id. */
export type KbLinkRenderer = (articleId: string, label: string) => string;

export interface MrkdwnOptions {
  kbLink?: KbLinkRenderer;
}

const defaultKbLink: KbLinkRenderer = (id, label) => `${label} (see “${id.replace(/#.*$/, '')}”)`;

/** HTML comments (the KB's section markers) are not text; other HTML is shown, escaped. */
function htmlText(html: string): string {
  return literalMrkdwn(html.replace(/<!--[\s\S]*?-->/g, '').trim());
}

const SAFE_SCHEMES = /^(https?:|mailto:)/i;

/**
 * A URL as it may appear inside `<...|...>`: spaces, `<`, `>` and `|` percent-encoded, and `&`
 * written `&amp;` as Slack itself writes it in message text.
 */
export function linkTarget(href: string): string {
  return href.replace(/[\s<>|]/g, (c) => encodeURIComponent(c)).replace(/&/g, '&amp;');
}

/** A Slack link `<url|label>` (label already mrkdwn), or just the label for unsafe schemes. */
export function slackLink(href: string, label: string): string {
  return SAFE_SCHEMES.test(href) ? `<${linkTarget(href)}|${label}>` : label;
}

/**
 * Cuts mrkdwn to at most `max` characters (with an ellipsis), at a space where possible, and
 * never inside a `<link|...>` or an `&entity;`, which would show as broken markup.
 */
export function clipMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  if (space > max / 2) cut = cut.slice(0, space);
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  cut = cut.replace(/&[a-z]{0,3}$/, '');
  return `${cut.trimEnd()}…`;
}

class MrkdwnWriter {
  constructor(private readonly kbLink: KbLinkRenderer) {}

  blocks(tokens: Token[]): string {
    const parts: string[] = [];
    for (const t of tokens) {
      const out = this.block(t);
      if (out !== '') parts.push(out);
    }
    return parts.join('\n\n');
  }

  private block(t: Token): string {
    switch (t.type) {
      case 'space':
      case 'def':
        return '';
      case 'heading':
        return `*${this.plain((t as Tokens.Heading).tokens)}*`;
      case 'paragraph':
        return this.inline((t as Tokens.Paragraph).tokens);
      case 'text':
        return this.inlineToken(t); // a block-level text token reads as inline text
      case 'code':
        return fence((t as Tokens.Code).text);
      case 'blockquote':
        return this.blocks((t as Tokens.Blockquote).tokens)
          .split('\n')
          .map((line) => `> ${line}`)
          .join('\n');
      case 'list':
        return this.list(t as Tokens.List, 0);
      case 'table':
        return this.table(t as Tokens.Table);
      case 'hr':
        return '───';
      case 'html':
        return htmlText((t as Tokens.HTML).text);
      default:
        return 'tokens' in t && Array.isArray(t.tokens)
          ? this.blocks(t.tokens)
          : literalMrkdwn(t.raw.trimEnd());
    }
  }

  private list(list: Tokens.List, depth: number): string {
    const indent = '    '.repeat(depth);
    const start = typeof list.start === 'number' ? list.start : 1;
    return list.items
      .map((item, i) => {
        const marker = item.task
          ? item.checked
            ? '☑'
            : '☐'
          : list.ordered
            ? `${start + i}.`
            : '•';
        const lines: string[] = [];
        const body: string[] = [];
        for (const child of item.tokens) {
          if (child.type === 'list') {
            if (body.length > 0) lines.push(body.splice(0).join('\n'));
            lines.push(this.list(child as Tokens.List, depth + 1));
          } else if (child.type !== 'checkbox') {
            const out = this.block(child);
            if (out !== '') body.push(out);
          }
        }
        if (body.length > 0) lines.push(body.join('\n'));
        const [first = '', ...rest] = lines;
        return [`${indent}${marker} ${first}`, ...rest].join('\n');
      })
      .join('\n');
  }

  // Slack has no tables: show the cells aligned in a code block.
  private table(table: Tokens.Table): string {
    const rows = [table.header, ...table.rows].map((row) =>
      row.map((cell) => this.plain(cell.tokens)),
    );
    const widths = rows[0]?.map((_c, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
    const lines = rows.map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    );
    return fence(lines.join('\n'), true);
  }

  inline(tokens: Token[]): string {
    // Runs of text and escapes are made literal together, so a mark is judged by its real
    // neighbours (`CLOSE\_WAIT` is one word, not "CLOSE", "_", "WAIT").
    let out = '';
    let text = '';
    for (const t of tokens) {
      const literal = literalPart(t);
      if (literal !== undefined) {
        text += literal;
        continue;
      }
      out += literalMrkdwn(text) + this.inlineToken(t);
      text = '';
    }
    return out + literalMrkdwn(text);
  }

  private inlineToken(t: Token): string {
    switch (t.type) {
      case 'strong':
        return wrap('*', this.inline((t as Tokens.Strong).tokens));
      case 'em':
        return wrap('_', this.inline((t as Tokens.Em).tokens));
      case 'del':
        return wrap('~', this.inline((t as Tokens.Del).tokens));
      case 'codespan':
        return codespan((t as Tokens.Codespan).text);
      case 'br':
        return '\n';
      case 'link': {
        const link = t as Tokens.Link;
        const label = this.plain(link.tokens) || literalMrkdwn(link.href);
        if (link.href.startsWith('kb:'))
          return this.kbLink(literalMrkdwn(link.href.slice(3)), label);
        return slackLink(link.href, label);
      }
      case 'image': {
        const image = t as Tokens.Image;
        const label = literalMrkdwn(image.text || image.href);
        return slackLink(image.href, label);
      }
      case 'text': {
        const text = t as Tokens.Text;
        return text.tokens
          ? this.inline(text.tokens)
          : literalMrkdwn(decodeBasicEntities(text.text));
      }
      case 'escape':
        return literalMrkdwn((t as Tokens.Escape).text);
      case 'html':
        return htmlText((t as Tokens.Tag).text);
      default:
        return 'tokens' in t && Array.isArray(t.tokens)
          ? this.inline(t.tokens)
          : literalMrkdwn(t.raw);
    }
  }

  /** The words of inline tokens without formatting (for headings, link labels, table cells). */
  plain(tokens: Token[] | undefined): string {
    if (!tokens) return '';
    let out = '';
    let text = '';
    for (const t of tokens) {
      if ('tokens' in t && Array.isArray(t.tokens) && t.tokens.length > 0) {
        out += literalMrkdwn(text) + this.plain(t.tokens);
        text = '';
      } else if (t.type === 'codespan') {
        out += literalMrkdwn(text) + codespan((t as Tokens.Codespan).text);
        text = '';
      } else if (t.type === 'br') {
        text += ' ';
      } else {
        text += decodeBasicEntities('text' in t && typeof t.text === 'string' ? t.text : t.raw);
      }
    }
    return out + literalMrkdwn(text);
  }
}

/** The literal text of a plain text or escape token; undefined for every other token. */
function literalPart(t: Token): string | undefined {
  if (t.type === 'escape') return (t as Tokens.Escape).text;
  if (t.type === 'text' && !(t as Tokens.Text).tokens) {
    return decodeBasicEntities((t as Tokens.Text).text);
  }
  return undefined;
}

// Slack only formats `*x*` when the markers hug the text, so spaces move outside them.
function wrap(marker: string, inner: string): string {
  const core = inner.trim();
  if (core === '') return inner;
  const lead = inner.slice(0, inner.length - inner.trimStart().length);
  const trail = inner.slice(inner.trimEnd().length);
  return `${lead}${marker}${core}${marker}${trail}`;
}

function codespan(text: string): string {
  // A backtick cannot be escaped inside Slack's inline code; a look-alike keeps it readable.
  return `\`${escapeMrkdwn(text.replace(/`/g, 'ˋ'))}\``;
}

/** A preformatted block; `escaped` says the text is already mrkdwn-safe. */
export function fence(text: string, escaped = false): string {
  const body = (escaped ? text : escapeMrkdwn(text)).replace(/```/g, 'ˋˋˋ');
  return `\`\`\`\n${body}\n\`\`\``;
}

/** Converts markdown (as the KB and the bot write it) to Slack mrkdwn. */
export function markdownToMrkdwn(markdown: string, options: MrkdwnOptions = {}): string {
  const tokens = marked.lexer(markdown, { gfm: true });
  return new MrkdwnWriter(options.kbLink ?? defaultKbLink).blocks(tokens);
}

/** Converts one line of inline markdown (a title, a finding field) to mrkdwn. */
export function inlineMarkdownToMrkdwn(markdown: string, options: MrkdwnOptions = {}): string {
  const tokens = marked.Lexer.lexInline(markdown, { gfm: true });
  return new MrkdwnWriter(options.kbLink ?? defaultKbLink).inline(tokens);
}
