import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clipMrkdwn,
  escapeMrkdwn,
  inlineMarkdownToMrkdwn,
  markdownToMrkdwn,
} from '../../adapters/slack/mrkdwn.js';

describe('markdownToMrkdwn', () => {
  it('writes bold, italics, strike and code in Slack syntax', () => {
    expect(markdownToMrkdwn('A **bold** and _it_ and ~~gone~~ and `ss -tan`.')).toBe(
      'A *bold* and _it_ and ~gone~ and `ss -tan`.',
    );
  });

  it('writes links as <url|text> and drops unsafe schemes', () => {
    expect(markdownToMrkdwn('[RFC 9293](https://www.rfc-editor.org/rfc/rfc9293#section-3.6)')).toBe(
      '<https://www.rfc-editor.org/rfc/rfc9293#section-3.6|RFC 9293>',
    );
    expect(markdownToMrkdwn('[click](javascript:alert(1))')).toBe('click');
    expect(markdownToMrkdwn('[a|b](<https://x.test/a|b c>)')).toBe(
      '<https://x.test/a%7Cb%20c|a|b>',
    );
  });

  it('turns kb: cross-links into readable references, customisable', () => {
    expect(markdownToMrkdwn('see [TIME_WAIT](kb:time-wait#when)')).toBe(
      'see TIME_WAIT (see “time-wait”)',
    );
    expect(
      markdownToMrkdwn('see [TIME_WAIT](kb:time-wait)', { kbLink: (id, l) => `${l} [${id}]` }),
    ).toBe('see TIME_WAIT [time-wait]');
  });

  it('escapes &, < and > in text and code, so nothing pasted can ping', () => {
    const out = markdownToMrkdwn(
      'ping <!channel> <!here> <@U123> a & b -> c\n\n```\n<!everyone>\n```',
    );
    expect(out).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; a &amp; b -&gt; c');
    expect(out).toContain('```\n&lt;!everyone&gt;\n```');
    expect(out).not.toMatch(/<[!@#]/);
  });

  it('drops HTML comments (KB section markers) but shows other HTML escaped', () => {
    expect(markdownToMrkdwn('<!-- topics: a -->\n\nText <!-- x --> and <b>')).toBe(
      'Text  and &lt;b&gt;',
    );
  });

  it('does not double-escape entities written in the markdown', () => {
    expect(markdownToMrkdwn('a &amp; b &lt; c')).toBe('a &amp; b &lt; c');
  });

  it('renders headings bold, lists with bullets and numbers, quotes with >', () => {
    const out = markdownToMrkdwn(
      '## Next steps\n\n- one **b**\n  - nested\n- two\n\n1. first\n2. second\n\n> quoted\n> more',
    );
    expect(out).toBe(
      '*Next steps*\n\n• one *b*\n    • nested\n• two\n\n1. first\n2. second\n\n> quoted\n> more',
    );
  });

  it('keeps code blocks without the language tag, and tables as aligned code', () => {
    expect(markdownToMrkdwn('```bash\nss -tan state time-wait\n```')).toBe(
      '```\nss -tan state time-wait\n```',
    );
    expect(markdownToMrkdwn('| state | n |\n|---|---|\n| TIME_WAIT | 5204 |')).toBe(
      '```\nstate      n\nTIME_WAIT  5204\n```',
    );
  });

  it('converts inline markdown without paragraph breaks', () => {
    expect(inlineMarkdownToMrkdwn('**CLOSE_WAIT** on `:8080` <!here>')).toBe(
      '*CLOSE_WAIT* on `:8080` &lt;!here&gt;',
    );
  });

  it('never emits a raw control sequence from arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const out = markdownToMrkdwn(s);
        // Every < we emit opens a safe link we wrote ourselves.
        for (const m of out.matchAll(/<([^>]*)>?/g)) {
          expect(m[1]).toMatch(/^(https?:|mailto:)/i);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('links and clipping', () => {
  it('writes & in link targets as Slack does', () => {
    expect(markdownToMrkdwn('[q](https://x.test/?a=1&b=2)')).toBe(
      '<https://x.test/?a=1&amp;b=2|q>',
    );
  });

  it('never clips inside a link or an entity', () => {
    const text = 'see <https://example.org/a/very/long/path|the source> and a &lt;b&gt;';
    for (let max = 8; max < text.length; max++) {
      const out = clipMrkdwn(text, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out.endsWith('…')).toBe(true);
      expect(out.lastIndexOf('<')).toBeLessThanOrEqual(out.lastIndexOf('>'));
      expect(out).not.toMatch(/&[a-z]{0,3}…$/);
    }
    expect(clipMrkdwn(text, 200)).toBe(text);
  });
});

describe('escapeMrkdwn', () => {
  it('escapes exactly the three control characters', () => {
    expect(escapeMrkdwn('<a> & *b*')).toBe('&lt;a&gt; &amp; *b*');
  });
});
