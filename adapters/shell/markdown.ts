/** Markdown (the Reply's paragraphs) to terminal text: bold, code spans, lists, code blocks, tables. */
import { marked, type Token, type Tokens } from 'marked';
import { paint, symbol, type TerminalStyle, visibleWidth, wrap } from './style.js';

/** Renders inline tokens to one (unwrapped) string. */
export function renderInline(tokens: readonly Token[] | undefined, style: TerminalStyle): string {
  if (!tokens) return '';
  let out = '';
  for (const t of tokens) {
    switch (t.type) {
      case 'strong':
        out += paint(style, 'bold', renderInline(t.tokens, style));
        break;
      case 'em':
        out += paint(style, 'italic', renderInline(t.tokens, style));
        break;
      case 'del':
        out += paint(style, 'strikethrough', renderInline(t.tokens, style));
        break;
      case 'codespan':
        out += style.color ? paint(style, 'cyan', t.text) : `\`${t.text}\``;
        break;
      case 'link': {
        const text = renderInline(t.tokens, style);
        const href = (t as Tokens.Link).href;
        out +=
          href && href !== text && !href.startsWith('kb:')
            ? `${text} (${paint(style, 'underline', href)})`
            : text;
        break;
      }
      case 'br':
        out += '\n';
        break;
      case 'text':
        out += 'tokens' in t && t.tokens ? renderInline(t.tokens, style) : t.text;
        break;
      case 'image':
        out += t.text;
        break;
      default:
        out += 'text' in t && typeof t.text === 'string' ? t.text : t.raw;
    }
  }
  return out;
}

function softBreaks(text: string, style: TerminalStyle): string {
  return style.width > 0 ? text.replace(/\n/g, ' ') : text;
}

function renderTable(t: Tokens.Table, style: TerminalStyle, indent: string): string[] {
  const rows = [t.header, ...t.rows].map((r) => r.map((c) => renderInline(c.tokens, style)));
  const widths = t.header.map((_, i) => Math.max(...rows.map((r) => visibleWidth(r[i] ?? ''))));
  const line = (r: string[]) =>
    indent +
    r
      .map((c, i) => c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - visibleWidth(c))))
      .join('  ')
      .trimEnd();
  const [head, ...body] = rows;
  const rule = indent + widths.map((w) => symbol(style, 'rule').repeat(w)).join('  ');
  return [paint(style, 'bold', line(head ?? [])), rule, ...body.map(line)];
}

/** Renders block tokens to lines. */
export function renderBlocks(
  tokens: readonly Token[],
  style: TerminalStyle,
  indent = '',
): string[] {
  const out: string[] = [];
  const gap = () => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  };
  for (const t of tokens) {
    switch (t.type) {
      case 'space':
        break;
      case 'paragraph':
      case 'text':
        gap();
        out.push(
          wrap(
            softBreaks(renderInline('tokens' in t ? t.tokens : undefined, style) || t.text, style),
            style.width,
            indent,
          ),
        );
        break;
      case 'heading':
        gap();
        out.push(indent + paint(style, 'bold', renderInline(t.tokens, style)));
        break;
      case 'code': {
        gap();
        const bar = style.unicode ? paint(style, 'dim', '│ ') : '    ';
        for (const l of (t as Tokens.Code).text.split('\n'))
          out.push(`${indent}${bar}${paint(style, 'cyan', l)}`);
        break;
      }
      case 'list': {
        gap();
        const list = t as Tokens.List;
        const start = typeof list.start === 'number' ? list.start : 1;
        list.items.forEach((item, i) => {
          const mark = list.ordered ? `${start + i}.` : symbol(style, 'bullet');
          const inner = renderBlocks(
            item.tokens,
            style,
            `${indent}${' '.repeat(mark.length + 1)}`,
          ).filter((l) => l !== '');
          const first = (inner[0] ?? '').slice(indent.length + mark.length + 1);
          out.push(`${indent}${mark} ${first}`, ...inner.slice(1));
        });
        break;
      }
      case 'blockquote': {
        gap();
        const bar = style.unicode ? '│ ' : '> ';
        for (const l of renderBlocks((t as Tokens.Blockquote).tokens, style, ''))
          out.push(`${indent}${bar}${l}`);
        break;
      }
      case 'table':
        gap();
        out.push(...renderTable(t as Tokens.Table, style, indent));
        break;
      case 'hr':
        gap();
        out.push(indent + symbol(style, 'rule').repeat(Math.min(40, style.width || 40)));
        break;
      default:
        gap();
        out.push(indent + t.raw.trimEnd());
    }
  }
  return out;
}

/** Renders one line of inline markdown (a finding's title, evidence or cause) to terminal text. */
export function renderInlineMarkdown(markdown: string, style: TerminalStyle): string {
  return renderInline(marked.Lexer.lexInline(markdown, { gfm: true }), style);
}

/** Renders a markdown string to terminal text. */
export function renderMarkdown(markdown: string, style: TerminalStyle, indent = ''): string {
  return renderBlocks(marked.lexer(markdown), style, indent).join('\n');
}
