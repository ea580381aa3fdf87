// A paste whose process name, hostname and question are markup reaches Discord as text: no
// masked link to the pasted URL and no formatting of the pasted words in embeds (titles,
// field names and values, descriptions) or the plain-text fallback, rendered directly and
// end to end through discord.js and the fake Discord.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlainMessages, renderReplyMessages } from '../../adapters/discord/embeds.js';
import { type Bot, createBot } from '../../src/bot/index.js';
import type { Reply } from '../../src/bot/reply.js';
import { discordMarkupFound, hostileMessage } from '../bot/hostile.js';
import { messagePayload } from '../fakes/discordFake.js';
import { channelPosts, type Harness, startHarness } from './harness.js';

let bot: Bot;
let reply: Reply;

/**
 * Every string of a message that Discord renders as markdown: content, descriptions, field
 * names and values. Embed titles and footers are left out: Discord shows no masked link there.
 */
function strings(value: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key = ''): void => {
    if (typeof v === 'string') {
      if (key !== 'title' && key !== 'text' && key !== 'url') out.push(v);
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x, key);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, k);
    }
  };
  walk(value);
  return out;
}

beforeAll(async () => {
  bot = await createBot();
  reply = await bot.handle({ text: hostileMessage(), conversation: 'hostile' });
});

describe('hostile text in Discord', () => {
  it('embeds and the plain fallback carry the words but no masked link or formatting', () => {
    expect(reply.kind).toBe('triage');
    for (const messages of [renderReplyMessages(reply, 6), renderPlainMessages(reply, 6)]) {
      const text = strings(messages).join('\n');
      expect(text).toContain('Click');
      expect(text).toContain('You asked');
      expect(discordMarkupFound(text)).toEqual([]);
    }
  });

  it("the bot's own source links are still masked links", () => {
    const text = strings(renderReplyMessages(reply, 6)).join('\n');
    expect(text).toMatch(/\[[^\]\n]+\]\(https:\/\/(?!evil)[^)\s]+\)/);
  });
});

describe('hostile text end to end', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(bot, { fake: { channelIds: ['92000000000000001'] } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('a mention with the hostile paste posts no masked link and no formatted pasted words', async () => {
    const { fake } = h;
    fake.dispatch(
      'MESSAGE_CREATE',
      messagePayload(fake, {
        content: `<@${fake.botId}> ${hostileMessage()}`,
        mentionBot: true,
        channelId: '92000000000000001',
      }),
    );
    const posts = await fake.waitForRequests((r) => channelPosts(fake).includes(r), 1, 10_000);
    const text = strings(posts.map((p) => p.body)).join('\n');
    expect(text).toContain('Click');
    expect(discordMarkupFound(text)).toEqual([]);
  });
});
