import { describe, expect, it } from 'vitest';
import { parseKbHref, replaceKbLinks } from '../../src/kb/links.js';

describe('kb links', () => {
  it('parses kb:id and kb:id#section, and ignores other schemes', () => {
    expect(parseKbHref('kb:time-wait')).toEqual({ id: 'time-wait' });
    expect(parseKbHref('kb:time-wait#when')).toEqual({ id: 'time-wait', section: 'when' });
    expect(parseKbHref('https://example.org')).toBeNull();
  });

  it('replaces kb links with rendered text and leaves web links alone', () => {
    const md = 'See [TIME_WAIT](kb:time-wait) and [RFC](https://rfc-editor.org).';
    expect(replaceKbLinks(md, (l) => `${l.text} <${l.id}>`)).toBe(
      'See TIME_WAIT <time-wait> and [RFC](https://rfc-editor.org).',
    );
  });
});
