/**
 * The adapter end to end with a recording ChatBot double: real discord.js against the fake
 * Discord on 127.0.0.1. These check the translation (what reaches the bot, what goes back to
 * Discord); realBot.e2e.test.ts checks real verdicts and answers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  DiscordConfigError,
  DiscordStartError,
  renderReplyMessages,
  startDiscord,
} from '../../adapters/discord/index.js';
import type { ChatBot, ChatMessage } from '../../src/bot/message.js';
import { type Reply, simpleReply } from '../../src/bot/reply.js';
import { FakeDiscord, interactionPayload, messagePayload } from '../fakes/discordFake.js';
import { channelPosts, fakeEnv, type Harness, MemoryLogger, startHarness } from './harness.js';
import { limitViolations, messageText } from './limits.js';

/** A bot that records what it was given and answers with `answer(message)`. */
class RecordingBot implements ChatBot {
  readonly seen: ChatMessage[] = [];
  constructor(
    private readonly answer: (message: ChatMessage) => Reply | Promise<Reply> = (m) =>
      simpleReply('answer', 'Answer', [`You asked: ${m.text}`]),
    readonly topicList?: string[],
  ) {}
  async handle(message: ChatMessage): Promise<Reply> {
    this.seen.push(message);
    return this.answer(message);
  }
  topics(): readonly string[] {
    return this.topicList ?? [];
  }
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function start(bot: ChatBot, options: Parameters<typeof startHarness>[1] = {}) {
  h = await startHarness(bot, options);
  return h;
}

/** Posts the bot made to a channel, once there are `count` of them. */
async function posts(harness: Harness, count = 1) {
  return harness.fake.waitForRequests((r) => channelPosts(harness.fake).includes(r), count);
}

/** Requests to an interaction's callback and webhook, once `count` have been made. */
async function interactionCalls(harness: Harness, token: string, count: number) {
  return harness.fake.waitForRequests((r) => r.path.includes(token), count);
}

describe('messages', () => {
  it('answers a mention with a reply to that message, mention removed, no mentions parsed', async () => {
    const bot = new RecordingBot();
    const { fake } = await start(bot);
    const payload = messagePayload(fake, {
      content: `<@${fake.botId}> why so many TIME_WAIT?`,
      mentionBot: true,
    });
    fake.dispatch('MESSAGE_CREATE', payload);
    const [post] = await posts(h as Harness);
    expect(post?.path).toBe(`/channels/${fake.channelIds[0]}/messages`);
    expect(post?.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(post?.body.message_reference).toMatchObject({ message_id: payload.id });
    expect(post?.body.embeds[0].description).toBe('You asked: why so many TIME_WAIT?');
    expect(bot.seen).toEqual([
      {
        text: 'why so many TIME_WAIT?',
        conversation: `discord:${fake.channelIds[0]}`,
        user: '800000000000000001',
        at: expect.any(Number),
      },
    ]);
    expect(Math.abs((bot.seen[0]?.at ?? 0) - Date.now())).toBeLessThan(60_000);
  });

  it('ignores guild messages that do not address it, its own messages and other bots', async () => {
    const bot = new RecordingBot();
    const { fake } = await start(bot);
    fake.dispatch('MESSAGE_CREATE', messagePayload(fake, { content: 'chatting about TIME_WAIT' }));
    fake.dispatch(
      'MESSAGE_CREATE',
      messagePayload(fake, {
        content: `<@${fake.botId}> hi`,
        mentionBot: true,
        bot: true,
        authorId: '800000000000000777',
      }),
    );
    // A marker message that is answered proves the earlier ones were seen and skipped.
    fake.dispatch(
      'MESSAGE_CREATE',
      messagePayload(fake, { content: `<@${fake.botId}> marker`, mentionBot: true }),
    );
    await posts(h as Harness);
    expect(bot.seen.map((m) => m.text)).toEqual(['marker']);
    expect(channelPosts(fake)).toHaveLength(1);
  });

  it('answers a DM without a mention', async () => {
    const bot = new RecordingBot();
    const { fake } = await start(bot);
    const dmChannel = '700000000000000555';
    fake.dispatch(
      'MESSAGE_CREATE',
      messagePayload(fake, { content: 'what is CLOSE_WAIT?', guild: false, channelId: dmChannel }),
    );
    const [post] = await posts(h as Harness);
    expect(post?.path).toBe(`/channels/${dmChannel}/messages`);
    expect(bot.seen[0]).toMatchObject({
      text: 'what is CLOSE_WAIT?',
      conversation: `discord:${dmChannel}`,
    });
  });

  it('keys follow-ups by channel or thread, so a thread has its own conversation', async () => {
    const bot = new RecordingBot();
    const { fake } = await start(bot);
    const thread = fake.threadIds[0] as string;
    for (const channelId of [fake.channelIds[0], fake.channelIds[0], thread]) {
      fake.dispatch(
        'MESSAGE_CREATE',
        messagePayload(fake, { content: `<@${fake.botId}> again`, mentionBot: true, channelId }),
      );
    }
    await posts(h as Harness, 3);
    expect(bot.seen.map((m) => m.conversation)).toEqual([
      `discord:${fake.channelIds[0]}`,
      `discord:${fake.channelIds[0]}`,
      `discord:${thread}`,
    ]);
    expect(channelPosts(fake, thread)).toHaveLength(1);
  });

  it('fetches a message attachment at once and hands its text to the bot', async () => {
    const bot = new RecordingBot();
    const { fake } = await start(bot);
    const body =
      'State  Recv-Q Send-Q Local Address:Port Peer Address:Port\nCLOSE-WAIT 1 0 10.0.0.1:8080 10.0.0.2:5000\n';
    const url = fake.serveFile('ss.txt', { body, contentType: 'text/plain; charset=utf-8' });
    fake.dispatch(
      'MESSAGE_CREATE',
      messagePayload(fake, {
        content: `<@${fake.botId}>`,
        mentionBot: true,
        attachments: [
          { filename: 'ss.txt', url, size: body.length, content_type: 'text/plain; charset=utf-8' },
        ],
      }),
    );
    await posts(h as Harness);
    expect(bot.seen[0]?.text).toBe('');
    expect(bot.seen[0]?.attachments).toEqual([
      { name: 'ss.txt', contentType: 'text/plain; charset=utf-8', text: body },
    ]);
  });

  it('refuses an image attachment with a short reply, without bothering the bot', async () => {
    const bot = new RecordingBot();
    const { fake } = await start(bot);
    fake.dispatch(
      'MESSAGE_CREATE',
      messagePayload(fake, {
        content: `<@${fake.botId}> look`,
        mentionBot: true,
        attachments: [
          {
            filename: 'netstat.png',
            url: 'http://127.0.0.1:1/never',
            size: 900,
            content_type: 'image/png',
          },
        ],
      }),
    );
    const [post] = await posts(h as Harness);
    expect(bot.seen).toEqual([]);
    expect(messageText(post?.body)).toMatch(/netstat\.png is not a text file \(image\/png\)/);
  });

  it('limits one user as Slack does: over the limit, one notice and no more answers', async () => {
    const bot = new RecordingBot();
    const { fake } = await start(bot, { adapter: { userRateLimit: 3, channelRateLimit: 100 } });
    for (let i = 0; i < 8; i++) {
      fake.dispatch(
        'MESSAGE_CREATE',
        messagePayload(fake, { content: `<@${fake.botId}> question ${i}`, mentionBot: true }),
      );
    }
    const sent = await posts(h as Harness, 4);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bot.seen).toHaveLength(3);
    expect(channelPosts(fake)).toHaveLength(4);
    expect(
      sent.map((p) => messageText(p.body)).filter((t) => /more requests than/.test(t)),
    ).toHaveLength(1);
  });

  it('limits one channel across users, with one notice', async () => {
    const bot = new RecordingBot();
    const { fake } = await start(bot, { adapter: { userRateLimit: 100, channelRateLimit: 2 } });
    for (let i = 0; i < 6; i++) {
      fake.dispatch(
        'MESSAGE_CREATE',
        messagePayload(fake, {
          content: `<@${fake.botId}> question ${i}`,
          mentionBot: true,
          authorId: `77000000000000${i}`,
        }),
      );
    }
    await posts(h as Harness, 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bot.seen).toHaveLength(2);
    expect(channelPosts(fake)).toHaveLength(3);
  });

  it('downloads attachments only from the allowed CDN, and never follows a redirect', async () => {
    const bot = new RecordingBot();
    const { fake } = await start(bot);
    const inside = fake.serveFile('secret.txt', { body: 'LISTEN 1\n', contentType: 'text/plain' });
    const attach = (filename: string, url: string) =>
      fake.dispatch(
        'MESSAGE_CREATE',
        messagePayload(fake, {
          content: `<@${fake.botId}> triage`,
          mentionBot: true,
          attachments: [{ filename, url, size: 9, content_type: 'text/plain' }],
        }),
      );
    const hits = fake.attachmentHits;
    attach('elsewhere.txt', inside.replace(fake.origin, 'http://127.0.0.1:1'));
    const [first] = await posts(h as Harness);
    expect(messageText(first?.body)).toMatch(/elsewhere\.txt is not hosted on Discord/);
    attach('moved.txt', fake.serveRedirect('moved.txt', inside));
    const [, second] = await posts(h as Harness, 2);
    expect(messageText(second?.body)).toMatch(/moved\.txt: the file server sent a redirect/);
    expect(fake.attachmentHits).toBe(hits + 1); // the redirect only; its target was never fetched
    expect(bot.seen).toEqual([]);
  });

  it('sends nothing that pings when the paste holds @everyone, @here and <@123>', async () => {
    const bot = new RecordingBot((m) => ({
      ...simpleReply('triage', `Echo ${m.text.split('\n')[0]}`, [m.text]),
      code: [{ label: 'Your paste', text: m.text }],
      findings: [
        {
          title: m.text.slice(0, 40),
          tone: 'warn',
          evidence: m.text,
          cause: '',
          next: [],
          caveats: [],
        },
      ],
      suggestions: [m.text.slice(0, 60)],
    }));
    const { fake } = await start(bot);
    const paste =
      '@everyone look\n@here tcp 0 0 10.0.0.1:80 10.0.0.2:5 CLOSE_WAIT <@123> <@!456> <@&789>';
    fake.dispatch(
      'MESSAGE_CREATE',
      messagePayload(fake, { content: `<@${fake.botId}> ${paste}`, mentionBot: true }),
    );
    const [post] = await posts(h as Harness);
    expect(post?.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const sent = messageText(post?.body);
    expect(sent).toContain('10.0.0.1:80');
    expect(sent).not.toMatch(/@(everyone|here)\b/);
    expect(sent).not.toMatch(/<@[!&]?\d/);
  });

  it('splits an answer longer than 2,000 characters into several messages within the limits', async () => {
    const paragraphs = Array.from(
      { length: 40 },
      (_, i) =>
        `Paragraph ${i}. ${'TIME_WAIT is the side that closed first waiting 2MSL. '.repeat(6)}`,
    );
    const code = Array.from(
      { length: 150 },
      (_, i) => `tcp 0 0 10.0.0.1:${40000 + i} 10.0.0.9:443 TIME_WAIT`,
    );
    const long: Reply = {
      ...simpleReply('answer', 'TIME_WAIT, at length', paragraphs),
      code: [{ label: 'Example', text: code.join('\n') }],
    };
    const bot = new RecordingBot(() => long);
    const { fake } = await start(bot);
    fake.dispatch(
      'MESSAGE_CREATE',
      messagePayload(fake, { content: `<@${fake.botId}> tell me everything`, mentionBot: true }),
    );
    const expected = renderReplyMessages(long, 6).length;
    expect(expected).toBeGreaterThan(2);
    const sent = await posts(h as Harness, expected);
    const total = sent.reduce((n, p) => n + messageText(p.body).length, 0);
    expect(total).toBeGreaterThan(2_000);
    for (const post of sent) {
      expect(limitViolations(post.body)).toEqual([]);
      expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    }
    // The first part replies to the question; the rest follow in the channel, in order.
    expect(sent[0]?.body.message_reference).toBeDefined();
    const all = sent.map((p) => messageText(p.body)).join('\n');
    expect(all.indexOf('Paragraph 0.')).toBeLessThan(all.indexOf('Paragraph 39.'));
    expect(all).toContain(code[149]);
  });

  it('survives a failing bot: answers with an apology, logs, and keeps working', async () => {
    let calls = 0;
    const bot = new RecordingBot((m) => {
      calls++;
      if (calls === 1) throw new Error('kb exploded');
      return simpleReply('answer', 'Fine again', [m.text]);
    });
    const { fake, logger } = await start(bot);
    fake.dispatch(
      'MESSAGE_CREATE',
      messagePayload(fake, { content: `<@${fake.botId}> one`, mentionBot: true }),
    );
    fake.dispatch(
      'MESSAGE_CREATE',
      messagePayload(fake, { content: `<@${fake.botId}> two`, mentionBot: true }),
    );
    const sent = await posts(h as Harness, 2);
    const texts = sent.map((p) => messageText(p.body));
    expect(texts.some((t) => /something went wrong/.test(t))).toBe(true);
    expect(texts.some((t) => /Fine again/.test(t))).toBe(true);
    expect(logger.text()).toMatch(/error answering message \d+ failed: Error: kb exploded/);
  });
});

describe('slash commands', () => {
  it('/tcp ask defers, then edits @original with the answer', async () => {
    const bot = new RecordingBot();
    const { fake } = await start(bot);
    const interaction = interactionPayload(fake, {
      subcommand: 'ask',
      options: [{ name: 'question', type: 3, value: 'why so many TIME_WAIT?' }],
    });
    fake.dispatch('INTERACTION_CREATE', interaction);
    const [defer, edit] = await interactionCalls(h as Harness, interaction.token, 2);
    expect(defer?.method).toBe('POST');
    expect(defer?.path).toBe(`/interactions/${interaction.id}/${interaction.token}/callback`);
    expect(defer?.body).toMatchObject({ type: 5 });
    expect(edit?.method).toBe('PATCH');
    expect(edit?.path).toBe(
      `/webhooks/${fake.applicationId}/${interaction.token}/messages/@original`,
    );
    expect(edit?.body.embeds[0].description).toBe('You asked: /tcp ask why so many TIME_WAIT?');
    expect(edit?.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(bot.seen[0]).toMatchObject({
      text: '/tcp ask why so many TIME_WAIT?',
      conversation: `discord:${fake.channelIds[0]}`,
    });
  });

  it('/tcp help answers in the callback itself', async () => {
    const bot = new RecordingBot(() =>
      simpleReply('help', 'How to use me', ['Mention me with a paste.']),
    );
    const { fake } = await start(bot);
    const interaction = interactionPayload(fake, { subcommand: 'help' });
    fake.dispatch('INTERACTION_CREATE', interaction);
    const [callback] = await interactionCalls(h as Harness, interaction.token, 1);
    expect(callback?.body.type).toBe(4);
    expect(callback?.body.data.embeds[0].title).toBe('How to use me');
    expect(callback?.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(bot.seen[0]?.text).toBe('/tcp help');
  });

  it('/tcp triage with a paste hands it to the bot as the command and edits the answer in', async () => {
    const bot = new RecordingBot((m) =>
      simpleReply('triage', 'Verdict', [`got ${m.text}`], 'warn'),
    );
    const { fake } = await start(bot);
    // Discord delivers a string option on one line, whatever was pasted into it.
    const interaction = interactionPayload(fake, {
      subcommand: 'triage',
      options: [{ name: 'paste', type: 3, value: '5204 TIME_WAIT 130 ESTABLISHED' }],
    });
    fake.dispatch('INTERACTION_CREATE', interaction);
    const [defer, edit] = await interactionCalls(h as Harness, interaction.token, 2);
    expect(defer?.body.type).toBe(5);
    expect(edit?.body.embeds[0]).toMatchObject({
      title: 'Verdict',
      description: 'got /tcp triage 5204 TIME_WAIT 130 ESTABLISHED',
    });
    expect(bot.seen[0]?.attachments).toBeUndefined();
  });

  it('/tcp triage with an attachment fetches the file from the CDN and triages it', async () => {
    const bot = new RecordingBot((m) =>
      simpleReply('triage', 'Verdict', [
        `${m.attachments?.[0]?.name}: ${m.attachments?.[0]?.text.length} chars`,
      ]),
    );
    const { fake } = await start(bot);
    const body =
      'Proto Recv-Q Send-Q Local Address Foreign Address State\ntcp 0 0 10.0.0.1:80 10.0.0.2:5000 CLOSE_WAIT\n';
    const url = fake.serveFile('netstat.log', { body, contentType: 'text/plain; charset=utf-8' });
    const interaction = interactionPayload(fake, {
      subcommand: 'triage',
      options: [{ name: 'file', type: 11, value: '600000000000000001' }],
      attachments: {
        '600000000000000001': {
          id: '600000000000000001',
          filename: 'netstat.log',
          size: body.length,
          url,
          proxy_url: url,
          content_type: 'text/plain; charset=utf-8',
        },
      },
    });
    fake.dispatch('INTERACTION_CREATE', interaction);
    const [, edit] = await interactionCalls(h as Harness, interaction.token, 2);
    expect(edit?.body.embeds[0].description).toBe(`netstat.log: ${body.length} chars`);
    expect(bot.seen[0]?.attachments?.[0]?.text).toBe(body);
  });

  it('a slash command over the rate limit is answered privately and never reaches the bot', async () => {
    const bot = new RecordingBot();
    const { fake } = await start(bot, { adapter: { userRateLimit: 1, channelRateLimit: 100 } });
    const first = interactionPayload(fake, { subcommand: 'help' });
    fake.dispatch('INTERACTION_CREATE', first);
    await interactionCalls(h as Harness, first.token, 1);
    const second = interactionPayload(fake, { subcommand: 'help' });
    fake.dispatch('INTERACTION_CREATE', second);
    const [callback] = await interactionCalls(h as Harness, second.token, 1);
    expect(callback?.body.data.flags).toBe(64);
    expect(JSON.stringify(callback?.body.data)).toMatch(/more requests than/);
    expect(bot.seen).toHaveLength(1);
  });

  it('/tcp triage with nothing to triage is answered ephemerally, at once', async () => {
    const bot = new RecordingBot();
    const { fake } = await start(bot);
    const interaction = interactionPayload(fake, { subcommand: 'triage' });
    fake.dispatch('INTERACTION_CREATE', interaction);
    const [callback] = await interactionCalls(h as Harness, interaction.token, 1);
    expect(callback?.body.type).toBe(4);
    expect(callback?.body.data.flags).toBe(64);
    expect(messageText(callback?.body.data)).toMatch(/Nothing to triage/);
    expect(bot.seen).toEqual([]);
  });

  it('/tcp triage with an oversized file is refused ephemerally before any download', async () => {
    const bot = new RecordingBot();
    const { fake } = await start(bot);
    const url = fake.serveFile('huge.txt', { body: 'x', contentType: 'text/plain' });
    const interaction = interactionPayload(fake, {
      subcommand: 'triage',
      options: [{ name: 'file', type: 11, value: '600000000000000002' }],
      attachments: {
        '600000000000000002': {
          id: '600000000000000002',
          filename: 'huge.txt',
          size: 50_000_000,
          url,
          proxy_url: url,
          content_type: 'text/plain',
        },
      },
    });
    fake.dispatch('INTERACTION_CREATE', interaction);
    const [callback] = await interactionCalls(h as Harness, interaction.token, 1);
    expect(callback?.body.data.flags).toBe(64);
    expect(messageText(callback?.body.data)).toMatch(
      /huge\.txt is 47\.7 MiB; the limit is 2\.0 MiB/,
    );
    expect(bot.seen).toEqual([]);
  });

  it('a failure after deferring is replaced by an ephemeral error', async () => {
    const bot = new RecordingBot(() => {
      throw new Error('search index missing');
    });
    const { fake, logger } = await start(bot);
    const interaction = interactionPayload(fake, {
      subcommand: 'ask',
      options: [{ name: 'question', type: 3, value: 'what is LAST_ACK' }],
    });
    fake.dispatch('INTERACTION_CREATE', interaction);
    const calls = await interactionCalls(h as Harness, interaction.token, 3);
    expect(calls.map((c) => c.method)).toEqual(['POST', 'DELETE', 'POST']);
    expect(calls[2]?.path).toBe(`/webhooks/${fake.applicationId}/${interaction.token}`);
    expect(calls[2]?.body.flags).toBe(64);
    expect(messageText(calls[2]?.body)).toMatch(/Something went wrong/);
    expect(logger.text()).toMatch(/search index missing/);
  });

  it('a refusal from the bot is shown only to the person who asked', async () => {
    const bot = new RecordingBot(() =>
      simpleReply('refusal', 'That is not netstat output', ['Paste ss -tan output.'], 'error'),
    );
    const { fake } = await start(bot);
    const interaction = interactionPayload(fake, {
      subcommand: 'triage',
      options: [{ name: 'paste', type: 3, value: 'hello there' }],
    });
    fake.dispatch('INTERACTION_CREATE', interaction);
    const calls = await interactionCalls(h as Harness, interaction.token, 3);
    expect(calls.map((c) => c.method)).toEqual(['POST', 'DELETE', 'POST']);
    expect(calls[2]?.body.flags).toBe(64);
    expect(calls[2]?.body.embeds[0].title).toBe('That is not netstat output');
  });

  it('/tcp explain autocompletes topics from the bot and asks it to explain the choice', async () => {
    const bot = new RecordingBot(undefined, [
      'state-time-wait',
      'time-wait-reduce-linux',
      'tcp-tw-reuse',
      'state-close-wait',
    ]);
    const { fake } = await start(bot);
    const auto = interactionPayload(fake, {
      subcommand: 'explain',
      type: 4,
      options: [{ name: 'topic', type: 3, value: 'time', focused: true }],
    });
    fake.dispatch('INTERACTION_CREATE', auto);
    const [choices] = await interactionCalls(h as Harness, auto.token, 1);
    expect(choices?.body).toEqual({
      type: 8,
      data: {
        choices: [
          { name: 'time-wait-reduce-linux', value: 'time-wait-reduce-linux' },
          { name: 'state-time-wait', value: 'state-time-wait' },
        ],
      },
    });
    const run = interactionPayload(fake, {
      subcommand: 'explain',
      options: [{ name: 'topic', type: 3, value: 'state-time-wait' }],
    });
    fake.dispatch('INTERACTION_CREATE', run);
    await interactionCalls(h as Harness, run.token, 2);
    expect(bot.seen.map((m) => m.text)).toEqual(['/tcp explain state-time-wait']);
  });
});

describe('lifecycle', () => {
  it('logs a dropped gateway connection and keeps answering after discord.js reconnects', async () => {
    const bot = new RecordingBot();
    const { fake, logger } = await start(bot);
    fake.dropGateway();
    await fake.waitFor(() => /resumed/.test(logger.text()), 8_000, 'the resume to be logged');
    expect(logger.text()).toMatch(
      /warn shard 0 reconnecting\ninfo shard 0 resumed \(\d+ events? replayed\)/,
    );
    // discord.js resumed the session (op 6) rather than identifying again.
    expect(fake.gatewayFrames.filter((f) => f.op === 2 || f.op === 6).map((f) => f.op)).toEqual([
      2, 6,
    ]);
    fake.dispatch(
      'MESSAGE_CREATE',
      messagePayload(fake, { content: `<@${fake.botId}> still there?`, mentionBot: true }),
    );
    await posts(h as Harness);
    expect(bot.seen.map((m) => m.text)).toEqual(['still there?']);
  });

  it('stop() waits for a reply in flight, then disconnects and ignores new messages', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const bot = new RecordingBot(async (m) => {
      await gate;
      return simpleReply('answer', 'Late answer', [m.text]);
    });
    const harness = await start(bot);
    const { fake } = harness;
    fake.dispatch(
      'MESSAGE_CREATE',
      messagePayload(fake, { content: `<@${fake.botId}> slow one`, mentionBot: true }),
    );
    await fake.waitFor(() => bot.seen.length === 1);
    const stopping = harness.handle.stop();
    fake.dispatch(
      'MESSAGE_CREATE',
      messagePayload(fake, { content: `<@${fake.botId}> too late`, mentionBot: true }),
    );
    release();
    await stopping;
    expect(channelPosts(fake).map((p) => p.body.embeds[0].title)).toEqual(['Late answer']);
    expect(bot.seen.map((m) => m.text)).toEqual(['slow one']);
    expect(harness.logger.text()).toMatch(/disconnected$/);
    // A deliberate shutdown is not reported as a reconnect.
    expect(harness.logger.text()).not.toMatch(/reconnecting/);
    // stop() is idempotent.
    await harness.handle.stop();
  });
});

describe('start-up', () => {
  it('stops with a DiscordConfigError naming a missing token', async () => {
    const bot = new RecordingBot();
    await expect(startDiscord(bot, {})).rejects.toMatchObject({
      name: 'DiscordConfigError',
      variable: 'DISCORD_TOKEN',
    });
    await expect(startDiscord(bot, {})).rejects.toBeInstanceOf(DiscordConfigError);
  });

  it('reports a token Discord refuses as a DiscordStartError, without the token', async () => {
    const fake = await FakeDiscord.start();
    try {
      const badToken = 'YmFkLWJvdA.bad.dG9rZW4tcmVmdXNlZA';
      const error = await startDiscord(
        new RecordingBot(),
        fakeEnv(fake, { DISCORD_TOKEN: badToken }),
        {
          logger: new MemoryLogger(),
          clientOptions: { rest: { retries: 0 } },
        },
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DiscordStartError);
      expect((error as DiscordStartError).code).toBe('DISCORD_LOGIN_FAILED');
      expect((error as Error).message).toMatch(/invalid token/i);
      expect((error as Error).message).not.toContain(badToken);
    } finally {
      await fake.close();
    }
  });

  it('fails fast, saying what to do, when Discord refuses the MessageContent intent', async () => {
    const fake = await FakeDiscord.start({ disallowedIntents: 32768 });
    const logger = new MemoryLogger();
    try {
      const error = await startDiscord(
        new RecordingBot(),
        fakeEnv(fake, { DISCORD_MESSAGE_CONTENT: 'true' }),
        { logger, readyTimeoutMs: 15_000, clientOptions: { rest: { retries: 0 } } },
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DiscordStartError);
      expect((error as Error).message).toMatch(
        /code 4014.*Message Content Intent.*DISCORD_MESSAGE_CONTENT/,
      );
      expect(logger.text()).toMatch(/disconnected for good \(close code 4014/);
    } finally {
      await fake.close();
    }
  });

  it('asks for MessageContent only when DISCORD_MESSAGE_CONTENT is on', async () => {
    const identifyIntents = async (env: NodeJS.ProcessEnv) => {
      const harness = await startHarness(new RecordingBot(), { env });
      const identify = harness.fake.gatewayFrames.find((f) => f.op === 2) as {
        d: { intents: number };
      };
      await harness.close();
      return identify.d.intents;
    };
    // Guilds (1) | GuildMessages (512) | DirectMessages (4096), plus MessageContent (32768).
    expect(await identifyIntents({})).toBe(1 | 512 | 4096);
    expect(await identifyIntents({ DISCORD_MESSAGE_CONTENT: 'true' })).toBe(1 | 512 | 4096 | 32768);
  });
});
