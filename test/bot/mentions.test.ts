import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasMentions, MENTION_BREAK, neutralizeMentions } from '../../src/bot/mentions.js';

const Z = MENTION_BREAK;

describe('neutralizeMentions', () => {
  it.each([
    ['@everyone look', `@${Z}everyone look`],
    ['hey @here!', `hey @${Z}here!`],
    ['@Channel please', `@${Z}Channel please`],
    ['<!channel> down', `<${Z}!channel> down`],
    ['<!here|here>', `<${Z}!here|here>`],
    ['<!everyone>', `<${Z}!everyone>`],
    ['<!subteam^S0123|@oncall>', `<${Z}!subteam^S0123|@oncall>`],
    ['ask <@U024BE7LH>', `ask <${Z}@U024BE7LH>`],
    ['<@W123|bob>', `<${Z}@W123|bob>`],
    ['<@123456789012345678>', `<${Z}@123456789012345678>`],
    ['<@!123456789012345678>', `<${Z}@!123456789012345678>`],
    ['<@&987654321>', `<${Z}@&987654321>`],
  ])('breaks %s', (input, expected) => {
    expect(neutralizeMentions(input)).toBe(expected);
  });

  it('leaves text without mentions, channel links and e-mail addresses alone', () => {
    const plain = 'tcp 0 0 10.0.0.1:8080 10.0.0.2:51234 CLOSE_WAIT 31014/java';
    expect(neutralizeMentions(plain)).toBe(plain);
    expect(neutralizeMentions('see <#C024BE7LR> and <#1234>')).toBe('see <#C024BE7LR> and <#1234>');
    expect(neutralizeMentions('mail ops@hereford.example')).toBe('mail ops@hereford.example');
    expect(neutralizeMentions('user@everyones.example')).toBe('user@everyones.example');
  });

  it('is idempotent and leaves nothing that pings', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '@everyone',
            '@here',
            '@channel',
            '<!here>',
            '<@U1>',
            '<@&2>',
            'x',
            ' ',
            '\n',
            '<',
            '@',
            '!',
          ),
        ),
        (parts) => {
          const once = neutralizeMentions(parts.join(''));
          expect(hasMentions(once)).toBe(false);
          expect(neutralizeMentions(once)).toBe(once);
          expect(once.replaceAll(Z, '')).toBe(parts.join(''));
        },
      ),
    );
  });
});
