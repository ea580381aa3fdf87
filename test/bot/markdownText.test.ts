// User text in markdown reads as text in every markdown reader: no link, emphasis, code or
// HTML token survives escaping, and the text the reader sees is exactly the text given.
import fc from 'fast-check';
import { marked, type Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { literalMarkdown, literalMarkdownKeepingCode } from '../../src/bot/markdownText.js';
import { EVIL_QUESTION } from './hostile.js';

/** The inline tokens of a text, flattened. */
function tokens(markdown: string): Token[] {
  const out: Token[] = [];
  const walk = (ts: Token[]) => {
    for (const t of ts) {
      out.push(t);
      if ('tokens' in t && Array.isArray(t.tokens)) walk(t.tokens);
    }
  };
  walk(marked.Lexer.lexInline(markdown, { gfm: true }));
  return out;
}

/** What a reader shows of inline tokens (text and escapes, code spans' text). */
function shown(markdown: string): string {
  return marked.Lexer.lexInline(markdown, { gfm: true })
    .map((t) => ('text' in t && typeof t.text === 'string' ? t.text : t.raw))
    .join('');
}

const MARKUP = new Set(['link', 'strong', 'em', 'del', 'codespan', 'html', 'image', 'br']);
const hostileText = fc.string({
  unit: fc.constantFrom(
    ...'[]()<>*_~`|#&!\\:/ ax1.'.split(''),
    'https://evil.example',
    'www.evil.example',
    'me@evil.example',
    '\n',
  ),
  maxLength: 60,
});

describe('literalMarkdown', () => {
  it('leaves no markup token and shows exactly the text (2,000 generated texts)', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const md = literalMarkdown(text.replace(/\n/g, ' '));
        expect(tokens(md).filter((t) => MARKUP.has(t.type))).toEqual([]);
        expect(shown(md)).toBe(text.replace(/\n/g, ' '));
      }),
      { numRuns: 2_000 },
    );
  });

  it('escapes a masked link, emphasis, code and an angle link', () => {
    expect(literalMarkdown('[Click_me](https://evil.example) *x*')).toBe(
      '\\[Click_me\\]\\(https\\://evil.example\\) \\*x\\*',
    );
    expect(tokens(literalMarkdown(EVIL_QUESTION)).some((t) => t.type === 'codespan')).toBe(false);
    // Underscores that could mark emphasis (Discord's `__underline__` too) are escaped.
    expect(literalMarkdown('CLOSE_WAIT _x_ a__b__c')).toBe('CLOSE_WAIT \\_x\\_ a\\_\\_b\\_\\_c');
  });
});

describe('literalMarkdownKeepingCode', () => {
  it('keeps code spans as code and makes the rest literal', () => {
    const md = literalMarkdownKeepingCode(
      'held by [Click_me](https://evil.example) (filtered with `egrep CLOSE_WAIT`)',
    );
    const kinds = tokens(md).map((t) => t.type);
    expect(kinds).toContain('codespan');
    expect(kinds).not.toContain('link');
    expect(shown(md)).toBe(
      'held by [Click_me](https://evil.example) (filtered with egrep CLOSE_WAIT)',
    );
  });

  it("a backtick in pasted text cannot open code or close the bot's own span early", () => {
    const md = literalMarkdownKeepingCode(
      'filtered with `egrep x` [a](https://evil.example) ` tail',
    );
    expect(tokens(md).filter((t) => t.type === 'link')).toEqual([]);
    expect(tokens(md).filter((t) => t.type === 'codespan')).toHaveLength(1);
  });

  it('leaves no disguised link in any generated text (2,000 texts)', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        for (const t of tokens(literalMarkdownKeepingCode(text.replace(/\n/g, ' ')))) {
          expect(['link', 'strong', 'em', 'del', 'html', 'image']).not.toContain(t.type);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('is linear in the number of backtick runs', () => {
    const runs = (n: number) =>
      Array.from({ length: n }, (_, i) => '`'.repeat((i % 50) + 1)).join(' x ');
    const time = (s: string) => {
      const t = performance.now();
      literalMarkdownKeepingCode(s);
      return performance.now() - t;
    };
    const small = runs(2_000);
    const large = runs(64_000);
    time(small);
    expect(time(large)).toBeLessThan(Math.max(time(small), 2) * 32 * 4);
  });
});
