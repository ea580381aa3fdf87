import { describe, expect, it } from 'vitest';
import { parseBody, slugify } from '../../src/kb/body.js';

describe('parseBody', () => {
  const md = [
    '# TIME_WAIT',
    '',
    'The **answer** paragraph, see [CLOSE_WAIT](kb:close-wait).',
    '',
    '## When it is a problem',
    '<!-- topics: ephemeral-port-exhaustion -->',
    '',
    'Only toward *one* destination.',
    '',
    '### A sub-heading stays inside',
    '',
    '- a `ss -tan` item',
    '',
    '```',
    'ss -tan state time-wait',
    '```',
    '',
    '## When it is a problem',
    '',
    '| a | b |',
    '|---|---|',
    '| 1 | 2 |',
  ].join('\n');
  const body = parseBody(md);

  it('takes the first paragraph as the summary, after an optional # title', () => {
    expect(body.summary).toBe('The **answer** paragraph, see [CLOSE_WAIT](kb:close-wait).');
    expect(body.preamble).toBe('');
  });

  it('splits ## sections with unique slugs; deeper headings stay in their section', () => {
    expect(body.sections.map((s) => s.id)).toEqual([
      'when-it-is-a-problem',
      'when-it-is-a-problem-2',
    ]);
    const first = body.sections[0];
    expect(first?.markdown).toContain('### A sub-heading stays inside');
    expect(first?.markdown).not.toContain('topics:');
    expect(first?.text).toContain('ss -tan state time-wait');
    expect(first?.text).not.toContain('**');
    expect(first?.topics).toEqual(['ephemeral-port-exhaustion']);
    expect(body.sections[1]?.text).toContain('1 | 2');
  });

  it('collects kb: links from anywhere in the body', () => {
    expect(body.links).toEqual([{ text: 'CLOSE_WAIT', id: 'close-wait' }]);
  });

  it('slugifies headings like GitHub does (lowercase, hyphens)', () => {
    expect(slugify('Why are the ACK and FIN separate?')).toBe('why-are-the-ack-and-fin-separate');
    expect(slugify('`tcp_fin_timeout` vs TIME_WAIT')).toBe('tcp_fin_timeout-vs-time_wait');
    expect(slugify('???')).toBe('section');
  });
});
