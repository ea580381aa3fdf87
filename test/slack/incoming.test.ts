import { describe, expect, it } from 'vitest';
import { slackTextToPlain, stripBotMention } from '../../adapters/slack/incoming.js';

describe('slackTextToPlain', () => {
  it('unwraps auto-links so pasted host:port columns survive', () => {
    expect(
      slackTextToPlain('tcp 0 0 <http://api.example.com:443|api.example.com:443> ESTABLISHED'),
    ).toBe('tcp 0 0 api.example.com:443 ESTABLISHED');
    expect(slackTextToPlain('see <https://x.test/a>')).toBe('see https://x.test/a');
  });

  it('decodes the escaped control characters', () => {
    expect(slackTextToPlain('a &lt;-&gt; b &amp;&amp; c')).toBe('a <-> b && c');
  });

  it('shows mentions and channels as plain words (never as control sequences)', () => {
    expect(
      slackTextToPlain('<!channel> <!here> <@U123> <@U9|bob> <#C1|ops> <!subteam^S1|@oncall>'),
    ).toBe('@channel @here @U123 @bob #ops @oncall');
  });

  it('does not turn escaped text into a control sequence', () => {
    expect(slackTextToPlain('&lt;!channel&gt;')).toBe('<!channel>');
  });
});

describe('stripBotMention', () => {
  it('removes every mention of the bot and leaves others', () => {
    expect(stripBotMention('<@UB> why TIME_WAIT? cc <@U2> <@UB|tcp>', 'UB')).toBe(
      ' why TIME_WAIT? cc <@U2> ',
    );
  });
});
