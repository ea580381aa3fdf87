/**
 * End to end, HTTP mode: the real Bolt receiver and Web API client against the loopback fake
 * Slack, with a scripted bot (the adapter's own behaviour: routing, threads, retries,
 * signatures, limits, fallbacks, files, rate limits). Real verdicts are in realBot.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SHARE_ACTION_ID } from '../../adapters/slack/commands.js';
import type { Reply } from '../../src/bot/reply.js';
import { simpleReply } from '../../src/bot/reply.js';
import { blocksTextLength } from '../fakes/slackApi.js';
import {
  BOT_TOKEN,
  HttpHarness,
  mention,
  message,
  nextTs,
  postedStrings,
  postedText,
  ScriptedBot,
  sign,
} from './harness.js';

let h: HttpHarness;
let bot: ScriptedBot;

beforeEach(async () => {
  bot = new ScriptedBot();
  h = await HttpHarness.start(bot, {}, { SLACK_PASTE_CHANNELS: 'C0PASTES1' });
});

afterEach(async () => {
  await h.stop();
});

const posts = () => h.api.callsTo('chat.postMessage');

describe('Slack over HTTP: what is answered, and where', () => {
  it('answers a signed app_mention in its thread, with 👀 while working', async () => {
    const event = mention('why so many TIME_WAIT?');
    const res = await h.event(event);
    expect(res.status).toBe(200);
    expect(bot.seen).toHaveLength(1);
    expect(bot.seen[0]).toMatchObject({
      text: 'why so many TIME_WAIT?',
      user: 'U0PERSON1',
      conversation: `slack:C0CHANNEL1:${event.ts}`,
    });
    expect(posts()).toHaveLength(1);
    const post = posts()[0];
    expect(post?.args).toMatchObject({ channel: 'C0CHANNEL1', thread_ts: event.ts });
    expect(postedText(post?.args ?? {})).toContain('You said: why so many TIME_WAIT?');
    expect(post?.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    // 👀 added before the answer and removed after it.
    const order = h.api.calls.map((c) => c.method).filter((m) => m !== 'auth.test');
    expect(order).toEqual(['reactions.add', 'chat.postMessage', 'reactions.remove']);
    expect(h.api.callsTo('reactions.add')[0]?.args).toMatchObject({
      name: 'eyes',
      timestamp: event.ts,
    });
  });

  it('continues a thread it answered without a new mention, in the same conversation', async () => {
    const first = mention('paste one');
    await h.event(first);
    await h.event(message('what do I do?', { thread_ts: first.ts }));
    expect(bot.seen.map((m) => m.conversation)).toEqual([
      `slack:C0CHANNEL1:${first.ts}`,
      `slack:C0CHANNEL1:${first.ts}`,
    ]);
    expect(posts()[1]?.args).toMatchObject({ thread_ts: first.ts });
  });

  it('ignores threads it is not part of, channel chatter, and messages that mention it (app_mention answers those)', async () => {
    await h.event(message('unrelated', { thread_ts: nextTs() }));
    await h.event(message('just chatting'));
    await h.event(message(`<@${h.handle.botUserId}> hello`));
    expect(bot.seen).toEqual([]);
    expect(h.api.messages()).toEqual([]);
  });

  it('ignores other bots, and edits', async () => {
    await h.event(mention('from a bot', { bot_id: 'B0OTHER', user: 'U0OTHERBOT' }));
    await h.event(
      message('edited', { subtype: 'message_changed', channel_type: 'im', channel: 'D0DM1' }),
    );
    expect(bot.seen).toEqual([]);
    expect(h.api.messages()).toEqual([]);
  });

  it('ignores its own messages (Bolt drops them before the adapter sees them)', async () => {
    const own = message('my own answer', {
      user: h.handle.botUserId,
      channel: 'D0DM1',
      channel_type: 'im',
    });
    const res = await h.send(JSON.stringify({ ...eventBody(own) }));
    expect(res.status).toBe(200);
    // A later DM is answered: by then the own message would have been handled too.
    await h.event(message('hi', { channel: 'D0DM1', channel_type: 'im' }));
    expect(bot.seen.map((m) => m.text)).toEqual(['hi']);
  });

  it('answers a DM at the top level, one conversation per DM', async () => {
    await h.event(message('what is CLOSE_WAIT?', { channel: 'D0DM1', channel_type: 'im' }));
    await h.event(message('and LAST_ACK?', { channel: 'D0DM1', channel_type: 'im' }));
    expect(bot.seen.map((m) => m.conversation)).toEqual(['slack:D0DM1', 'slack:D0DM1']);
    expect(posts()).toHaveLength(2);
    expect(posts()[0]?.args.channel).toBe('D0DM1');
    expect(posts()[0]?.args.thread_ts).toBeUndefined();
    expect(postedText(posts()[0]?.args ?? {})).toContain('what is CLOSE_WAIT?');
  });

  it('in a watched channel, posts a triage of an unmentioned paste and stays quiet otherwise', async () => {
    bot.next = (m) =>
      m.text.includes('CLOSE_WAIT')
        ? { ...simpleReply('triage', 'CLOSE_WAIT pile-up', ['4,000 sockets']), tone: 'critical' }
        : simpleReply('answer', 'Chat', ['not a paste']);
    await h.event(message('lunch?', { channel: 'C0PASTES1' }));
    const paste = message('  4000 CLOSE_WAIT\n   120 ESTABLISHED', { channel: 'C0PASTES1' });
    await h.event(paste);
    expect(bot.seen).toHaveLength(2);
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.args).toMatchObject({ channel: 'C0PASTES1', thread_ts: paste.ts });
    // Unprompted: no 👀 on every message in the channel.
    expect(h.api.callsTo('reactions.add')).toEqual([]);
  });

  it('unwraps Slack formatting before the bot sees the text', async () => {
    await h.event(
      mention(
        'tcp 0 0 <http://db.internal:5432|db.internal:5432> 10.0.0.2:5555 ESTABLISHED &amp; a &lt;b&gt;',
      ),
    );
    expect(bot.seen[0]?.text).toBe('tcp 0 0 db.internal:5432 10.0.0.2:5555 ESTABLISHED & a <b>');
  });
});

function eventBody(event: Record<string, unknown>) {
  return {
    token: 't',
    team_id: 'T0FAKE001',
    api_app_id: 'A0FAKE',
    type: 'event_callback',
    event_id: `EvOwn${event.ts}`,
    event_time: 1,
    event,
  };
}

describe('Slack over HTTP: retries and request signing', () => {
  it('answers an event retried with X-Slack-Retry-Num exactly once', async () => {
    const event = mention('why so many TIME_WAIT?');
    await h.event(event, { eventId: 'EvRETRY1' });
    const retry = await h.event(event, {
      eventId: 'EvRETRY1',
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    await h.event(event, { eventId: 'EvRETRY1', headers: { 'x-slack-retry-num': '2' } });
    expect(bot.seen).toHaveLength(1);
    expect(posts()).toHaveLength(1);
  });

  it("answers Slack's url_verification challenge (HTTP mode set-up)", async () => {
    const body = JSON.stringify({ token: 't', challenge: 'chal-123', type: 'url_verification' });
    const res = await h.send(body);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('chal-123');
  });

  it('refuses a bad signature and a 10-minute-old timestamp with 401, posting nothing', async () => {
    const body = JSON.stringify({
      token: 't',
      team_id: 'T0FAKE001',
      type: 'event_callback',
      event_id: 'EvFORGED',
      event: mention('forged'),
    });
    const forged = await h.send(body, {
      signature: sign(body, Math.floor(Date.now() / 1000), 'wrong-secret'),
    });
    expect(forged.status).toBe(401);
    const old = Math.floor(Date.now() / 1000) - 600;
    const stale = await h.send(body, { timestamp: old, signature: sign(body, old) });
    expect(stale.status).toBe(401);
    const unsigned = await fetch(h.url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(unsigned.status).toBe(401);
    expect(h.handle.received()).toBe(0);
    expect(bot.seen).toEqual([]);
    expect(h.api.messages()).toEqual([]);
  });
});

describe('Slack over HTTP: /tcp and sharing', () => {
  it('answers /tcp triage ephemerally with a share button, and the share posts it in the channel', async () => {
    bot.next = (m) => ({
      ...simpleReply('triage', 'CLOSE_WAIT pile-up', [`read ${m.text.length} chars`]),
      tone: 'warn',
    });
    const res = await h.command('triage   4000 CLOSE_WAIT\n   120 ESTABLISHED');
    expect(res.status).toBe(200);
    expect(bot.seen[0]).toMatchObject({
      text: '/tcp triage   4000 CLOSE_WAIT\n   120 ESTABLISHED',
      conversation: 'slack:C0CHANNEL1:cmd:U0PERSON1',
    });
    const responses = h.api.callsTo('respond');
    expect(responses).toHaveLength(1);
    const ephemeral = responses[0]?.args ?? {};
    expect(ephemeral.response_type).toBe('ephemeral');
    expect(postedText(ephemeral)).toContain('WARNING: CLOSE_WAIT pile-up');
    const blocks = ephemeral.blocks as {
      type: string;
      elements?: { action_id: string; value: string }[];
    }[];
    const button = blocks.at(-1)?.elements?.[0];
    expect(button?.action_id).toBe(SHARE_ACTION_ID);
    expect(posts()).toEqual([]);

    await h.click(SHARE_ACTION_ID, button?.value ?? '');
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.args.channel).toBe('C0CHANNEL1');
    expect(posts()[0]?.args.thread_ts).toBeUndefined();
    expect(postedText(posts()[0]?.args ?? {})).toContain('CLOSE_WAIT pile-up');
    expect(JSON.stringify(posts()[0]?.args.blocks)).not.toContain(SHARE_ACTION_ID);
    expect(h.api.callsTo('respond')[1]?.args).toMatchObject({ replace_original: true });

    // The shared answer's thread continues the /tcp conversation.
    const sharedTs = String(posts()[0]?.response?.ts);
    await h.event(message('what do I do?', { thread_ts: sharedTs }));
    expect(bot.seen.at(-1)?.conversation).toBe('slack:C0CHANNEL1:cmd:U0PERSON1');

    // A second click (or an expired answer) does not post twice.
    await h.click(SHARE_ACTION_ID, button?.value ?? '');
    expect(posts()).toHaveLength(2);
    expect(String(h.api.callsTo('respond').at(-1)?.args.text)).toContain('expired');
  });

  it('says how to fix a share into a channel the bot is not in, and lets it be shared later', async () => {
    await h.command('ask why TIME_WAIT?');
    const blocks = h.api.callsTo('respond')[0]?.args.blocks as { elements?: { value: string }[] }[];
    const value = blocks.at(-1)?.elements?.[0]?.value ?? '';
    h.api.failNext('chat.postMessage', 'not_in_channel');
    await h.click(SHARE_ACTION_ID, value);
    expect(String(h.api.callsTo('respond').at(-1)?.args.text)).toContain('/invite @tcp-triage');
    await h.click(SHARE_ACTION_ID, value);
    expect(posts().filter((p) => p.response?.ok)).toHaveLength(1);
  });

  it('falls back to plain ephemeral text when the response_url refuses the blocks', async () => {
    bot.next = () => simpleReply('answer', 'FIN_WAIT_2', ['The **peer** has not closed yet.']);
    h.api.failNext('respond', 'invalid_blocks');
    await h.command('ask what is FIN_WAIT_2?');
    const responses = h.api.callsTo('respond');
    expect(responses).toHaveLength(2);
    expect(responses[1]?.args.blocks).toBeUndefined();
    expect(responses[1]?.args).toMatchObject({ response_type: 'ephemeral' });
    expect(String(responses[1]?.args.text)).toContain('The *peer* has not closed yet.');
  });

  it('hands /tcp subcommands to the bot as typed (the bot owns the command grammar)', async () => {
    await h.command('help');
    await h.command('ask why so many TIME_WAIT? &lt;fast&gt;');
    await h.command('');
    expect(bot.seen.map((m) => m.text)).toEqual([
      '/tcp help',
      '/tcp ask why so many TIME_WAIT? <fast>',
      '/tcp',
    ]);
    expect(h.api.callsTo('respond')).toHaveLength(3);
  });
});

describe('Slack over HTTP: nothing pings, limits hold, failures are answered', () => {
  it('echoes <!channel>, <!here> and <@U123> from a paste without any ping', async () => {
    bot.next = (m) => ({
      ...simpleReply('triage', `Paste: ${m.text}`, [m.text]),
      code: [{ label: 'your paste', text: m.text }],
      findings: [
        {
          title: m.text,
          tone: 'warn',
          evidence: m.text,
          cause: m.text,
          next: [m.text],
          caveats: [m.text],
        },
      ],
      sources: [{ title: m.text, url: 'https://example.org' }],
      suggestions: [m.text],
    });
    await h.event(mention('<!channel> <!here> <@U123> <!everyone> @here @channel\n  12 TIME_WAIT'));
    expect(bot.seen[0]?.text).toContain('@channel @here @U123');
    const strings = postedStrings(h.api);
    expect(strings.join('\n')).toContain('TIME_WAIT');
    for (const s of strings) {
      expect(s).not.toMatch(/<[!@]/);
      expect(s).not.toMatch(/@(here|channel|everyone)\b/);
    }
  });

  it('keeps every message within the limits for a 300 KB paste and an over-limit reply', async () => {
    const line =
      'tcp        0      0 10.0.0.1:8080      10.0.0.2:51234     CLOSE_WAIT  31014/java\n';
    const paste = line.repeat(Math.ceil((300 * 1024) / line.length));
    bot.next = (m) => hugeReply(m.text);
    await h.event(mention(paste));
    expect(bot.seen[0]?.text.length).toBeGreaterThan(300 * 1024 - 200);
    const sent = posts();
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.length).toBeLessThanOrEqual(8);
    for (const p of sent) {
      const blocks = p.args.blocks as unknown[];
      expect(blocks.length).toBeLessThanOrEqual(50);
      expect(blocksTextLength(blocks)).toBeLessThanOrEqual(12_000);
      expect(String(p.args.text).length).toBeLessThanOrEqual(4000);
      expect(p.args.thread_ts).toBe(sent[0]?.args.thread_ts);
    }
    expect(postedText(sent.at(-1)?.args ?? {})).toContain('Reply cut');
  });

  it('falls back to plain text when Slack answers msg_blocks_too_long', async () => {
    bot.next = () =>
      simpleReply('answer', 'TIME_WAIT', ['**TIME_WAIT** is the side that closed first.']);
    h.api.failNext('chat.postMessage', 'msg_blocks_too_long');
    const event = mention('why TIME_WAIT?');
    await h.event(event);
    const sent = posts();
    expect(sent).toHaveLength(2);
    expect(sent[0]?.args.blocks).toBeDefined();
    expect(sent[1]?.args.blocks).toBeUndefined();
    expect(sent[1]?.args).toMatchObject({ thread_ts: event.ts });
    expect(String(sent[1]?.args.text)).toContain('*TIME_WAIT* is the side that closed first.');
  });

  it('answers in the thread when the bot fails, and keeps working', async () => {
    bot.next = () => {
      throw new Error('boom with xoxb-1234567890-secret inside');
    };
    const event = mention('anything');
    await h.event(event);
    const text = String(posts()[0]?.args.text);
    expect(posts()[0]?.args.thread_ts).toBe(event.ts);
    expect(text).toContain('could not answer that');
    expect(text).not.toContain('xoxb-');
    expect(h.api.callsTo('reactions.remove')).toHaveLength(1);
    bot.next = undefined;
    await h.event(mention('still there?'));
    expect(postedText(posts()[1]?.args ?? {})).toContain('still there?');
  });
});

function hugeReply(text: string): Reply {
  return {
    kind: 'triage',
    title: 'CLOSE_WAIT pile-up on :8080',
    tone: 'critical',
    paragraphs: Array.from({ length: 30 }, (_, i) => `Paragraph ${i}: ${'detail '.repeat(600)}`),
    code: [{ label: 'paste', text }],
    chart: [{ label: 'CLOSE_WAIT', value: 3900 }],
    findings: Array.from({ length: 40 }, (_, i) => ({
      title: `Finding ${i}`,
      tone: 'warn' as const,
      evidence: 'evidence '.repeat(400),
      cause: 'cause '.repeat(200),
      next: ['ss -tanp state close-wait'],
      caveats: ['Shortening tcp_fin_timeout does not touch CLOSE_WAIT.'],
    })),
    sources: Array.from({ length: 30 }, (_, i) => ({
      title: `Source ${i}`,
      url: `https://example.org/${i}`,
    })),
    suggestions: ['what do I do?'],
  };
}
