import { marked, type Token, type Tokens } from 'marked';

/** Plain text of markdown tokens, for search and for one-line displays. */
export function tokensToText(tokens: readonly Token[]): string {
  const parts: string[] = [];
  for (const token of tokens) collect(token, parts);
  return parts
    .join('')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Plain text of a markdown string. */
export function markdownToText(markdown: string): string {
  return tokensToText(marked.lexer(markdown));
}

const BLOCK = new Set(['paragraph', 'heading', 'code', 'blockquote', 'list', 'table', 'hr']);

function collect(token: Token, out: string[]): void {
  switch (token.type) {
    case 'space':
    case 'hr':
      out.push('\n');
      return;
    case 'br':
      out.push('\n');
      return;
    case 'html':
      // Comments (such as the section topics marker) are not text; other inline HTML is rare.
      out.push(token.raw.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, ''));
      return;
    case 'code':
      out.push((token as Tokens.Code).text, '\n\n');
      return;
    case 'codespan':
      out.push((token as Tokens.Codespan).text);
      return;
    case 'list':
      for (const item of (token as Tokens.List).items) {
        for (const child of item.tokens) collect(child, out);
        out.push('\n');
      }
      out.push('\n');
      return;
    case 'table': {
      const table = token as Tokens.Table;
      const row = (cells: Tokens.TableCell[]) =>
        cells.map((c) => tokensToText(c.tokens)).join(' | ');
      out.push(row(table.header), '\n');
      for (const r of table.rows) out.push(row(r), '\n');
      out.push('\n');
      return;
    }
    default: {
      const withChildren = token as { tokens?: Token[]; text?: string };
      if (withChildren.tokens && withChildren.tokens.length > 0) {
        for (const child of withChildren.tokens) collect(child, out);
      } else if (typeof withChildren.text === 'string') {
        out.push(withChildren.text);
      }
      if (BLOCK.has(token.type)) out.push('\n\n');
    }
  }
}
