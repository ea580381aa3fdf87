/**
 * The Discord adapter with the real bot (`createBot`: knowledge base, reader, triage) behind
 * it, end to end through real discord.js and the loopback fake. The expected titles and
 * findings come from a second, separate bot given the same input: the adapter must carry the
 * verdict across faithfully; what the verdict says is tested in test/triage and test/bot.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderReplyMessages } from '../../adapters/discord/embeds.js';
import { DefaultDiscordAdapterOptions } from '../../adapters/discord/options.js';
import { TONE_COLOURS } from '../../adapters/discord/replyMarkdown.js';
import { type Bot, createBot } from '../../src/bot/index.js';
import type { Reply } from '../../src/bot/reply.js';
import { interactionPayload, messagePayload, type RecordedRequest } from '../fakes/discordFake.js';
import { channelPosts, type Harness, startHarness } from './harness.js';
import { limitViolations, messageText } from './limits.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/pastes/${name}`, import.meta.url), 'utf8');

// Public pastes (sources in test/fixtures/pastes/SOURCES.md).
const HACKNEY_UNIQ = fixture('20-hackney-client-closewait-uniq.txt');
const APACHE_NETSTAT = fixture('34-serverfault-apache-closewait-hostnames.txt');
const ENGINEIO_AWK = fixture('03-engineio-closewait-awk.txt');

let referenceBot: Bot;
let servedBot: Bot;
let references = 0;
let channels = 0;

/** Starts the adapter with the served bot, in channels no other test used (memory is per channel). */
function start(): Promise<Harness> {
  const id = () => `91000000000000${String(++channels).padStart(4, '0')}`;
  return startHarness(servedBot, { fake: { channelIds: [id(), id()] } });
}

/** What a separate bot answers to the same text: the reference the adapter's output must match. */
function reference(
  text: string,
  attachments?: { name: string; text: string }[],
  conversation = `reference-${++references}`,
): Promise<Reply> {
  return referenceBot.handle({ text, conversation, ...(attachments ? { attachments } : {}) });
}

/** How many messages the adapter sends for a reply. */
function messageCount(reply: Reply): number {
  return renderReplyMessages(reply, DefaultDiscordAdapterOptions.maxMessagesPerReply).length;
}

/** The embeds of all messages, flattened. */
function embedsOf(requests: RecordedRequest[]) {
  return requests.flatMap(
    (r) =>
      (r.body.embeds ?? r.body.data?.embeds ?? []) as {
        title?: string;
        description?: string;
        color?: number;
        fields?: { name: string; value: string }[];
      }[],
  );
}

function fieldNames(requests: RecordedRequest[]): string[] {
  return embedsOf(requests).flatMap((e) => (e.fields ?? []).map((f) => f.name));
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

beforeAll(async () => {
  [referenceBot, servedBot] = await Promise.all([createBot(), createBot()]);
});

/** Sends a mention and returns the posts of the reply, once `count` have arrived in total. */
async function mention(harness: Harness, content: string, count: number, channelId?: string) {
  const { fake } = harness;
  fake.dispatch(
    'MESSAGE_CREATE',
    messagePayload(fake, {
      content: `<@${fake.botId}> ${content}`,
      mentionBot: true,
      ...(channelId ? { channelId } : {}),
    }),
  );
  return fake.waitForRequests((r) => channelPosts(fake).includes(r), count, 10_000);
}

describe('with the real bot', () => {
  it('answers a question with the knowledge base, no mentions parsed', async () => {
    h = await start();
    const question = 'why do I have so many CLOSE_WAIT connections?';
    const expected = await reference(question);
    const posts = await mention(h, question, messageCount(expected));
    const [embed] = embedsOf(posts);
    expect(expected.kind).toBe('answer');
    expect(embed?.title).toBe(expected.title);
    expect(embed?.title).toMatch(/CLOSE_WAIT/);
    expect(embed?.color).toBe(TONE_COLOURS[expected.tone]);
    expect(posts[0]?.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    for (const post of posts) expect(limitViolations(post.body)).toEqual([]);
  });

  it('turns a pasted table into a verdict embed, then a second paste into a delta', async () => {
    h = await start();
    const expected = await reference(HACKNEY_UNIQ, undefined, 'delta');
    expect(expected.kind).toBe('triage');
    expect(['warn', 'critical']).toContain(expected.tone);

    const first = await mention(h, `\n${HACKNEY_UNIQ}`, messageCount(expected));
    const [verdict] = embedsOf(first);
    expect(verdict?.title).toBe(expected.title);
    expect(verdict?.color).toBe(TONE_COLOURS[expected.tone]);
    expect(verdict?.description).toMatch(/```\n[\s\S]*CLOSE_WAIT\s+1,721 █+[\s\S]*```/);
    const findingNames = expected.findings.map((f) => f.title);
    expect(
      fieldNames(first)
        .filter((n) => !/\(cont\.\)$|^Sources$/.test(n))
        .map((n) => n.slice(n.indexOf(' ') + 1)),
    ).toEqual(findingNames);
    expect(findingNames[0]).toMatch(/CLOSE_WAIT/);

    // The same host a little later, CLOSE_WAIT still climbing (counts edited from the paste).
    const later = HACKNEY_UNIQ.replace('1721 CLOSE_WAIT', '2480 CLOSE_WAIT');
    const expectedDelta = await reference(later, undefined, 'delta');
    const all = await mention(h, `\n${later}`, first.length + messageCount(expectedDelta));
    const second = all.slice(first.length);
    const text = second.map((p) => messageText(p.body)).join('\n');
    expect(text).toMatch(/Since your previous paste/);
    expect(text).toMatch(/CLOSE_WAIT 1,721 -> 2,480/);
    for (const post of all) expect(limitViolations(post.body)).toEqual([]);
  });

  it('keeps conversations apart: a paste in another channel is no delta', async () => {
    h = await start();
    const [, other] = h.fake.channelIds;
    const first = await mention(
      h,
      `\n${HACKNEY_UNIQ}`,
      messageCount(await reference(HACKNEY_UNIQ)),
    );
    const all = await mention(h, `\n${HACKNEY_UNIQ}`, first.length + 1, other);
    expect(
      all
        .slice(first.length)
        .map((p) => messageText(p.body))
        .join('\n'),
    ).not.toMatch(/previous paste/);
  });

  it('answers a paste with a question in it, echoing nothing that pings', async () => {
    h = await start();
    const content = `@here is this bad? <@123> saw it first\n\`\`\`\n${ENGINEIO_AWK}\n\`\`\`\n@everyone FYI`;
    const posts = await mention(h, content, messageCount(await reference(content)));
    const text = posts.map((p) => messageText(p.body)).join('\n');
    expect(fieldNames(posts).join('\n')).toMatch(/CLOSE_WAIT/);
    expect(text).not.toMatch(/@(everyone|here)\b/);
    expect(text).not.toMatch(/<@[!&]?\d/);
    for (const post of posts)
      expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('/tcp triage with an attached netstat file edits the verdict into the deferred reply', async () => {
    h = await start();
    const { fake } = h;
    const expected = await reference('', [{ name: 'netstat.txt', text: APACHE_NETSTAT }]);
    expect(expected.kind).toBe('triage');
    const url = fake.serveFile('netstat.txt', {
      body: APACHE_NETSTAT,
      contentType: 'text/plain; charset=utf-8',
    });
    const interaction = interactionPayload(fake, {
      subcommand: 'triage',
      options: [{ name: 'file', type: 11, value: '600000000000000009' }],
      attachments: {
        '600000000000000009': {
          id: '600000000000000009',
          filename: 'netstat.txt',
          size: Buffer.byteLength(APACHE_NETSTAT),
          url,
          proxy_url: url,
          content_type: 'text/plain; charset=utf-8',
        },
      },
    });
    fake.dispatch('INTERACTION_CREATE', interaction);
    const calls = await fake.waitForRequests((r) => r.path.includes(interaction.token), 2, 10_000);
    expect(calls[0]?.body.type).toBe(5);
    expect(calls[1]?.method).toBe('PATCH');
    expect(calls[1]?.path).toMatch(/\/messages\/@original$/);
    const [verdict] = embedsOf([calls[1] as RecordedRequest]);
    expect(verdict?.title).toBe(expected.title);
    expect(verdict?.color).toBe(TONE_COLOURS[expected.tone]);
    expect(fieldNames([calls[1] as RecordedRequest])[0]).toMatch(/CLOSE_WAIT/);
  });

  it('/tcp ask and /tcp explain answer from the knowledge base', async () => {
    h = await start();
    const { fake } = h;
    const ask = interactionPayload(fake, {
      subcommand: 'ask',
      options: [{ name: 'question', type: 3, value: 'should I enable tcp_tw_recycle?' }],
    });
    fake.dispatch('INTERACTION_CREATE', ask);
    const askCalls = await fake.waitForRequests((r) => r.path.includes(ask.token), 2, 10_000);
    const expectedAsk = await reference('should I enable tcp_tw_recycle?');
    expect(embedsOf([askCalls[1] as RecordedRequest])[0]?.title).toBe(expectedAsk.title);

    const explain = interactionPayload(fake, {
      subcommand: 'explain',
      options: [{ name: 'topic', type: 3, value: 'TIME_WAIT' }],
    });
    fake.dispatch('INTERACTION_CREATE', explain);
    const explainCalls = await fake.waitForRequests(
      (r) => r.path.includes(explain.token),
      2,
      10_000,
    );
    const expectedExplain = await reference('explain TIME_WAIT');
    const [embed] = embedsOf([explainCalls[1] as RecordedRequest]);
    expect(embed?.title).toBe(expectedExplain.title);
    expect(embed?.title).toMatch(/TIME_WAIT/);
  });
});
