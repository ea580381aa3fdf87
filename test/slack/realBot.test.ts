/**
 * End to end with the real bot (`createBot`: knowledge base, reader, triage) behind the real
 * Bolt, against the loopback fake Slack: the answers people actually get in Slack.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SHARE_ACTION_ID } from '../../adapters/slack/commands.js';
import type { Bot } from '../../src/bot/index.js';
import { createBot } from '../../src/bot/index.js';
import { blocksTextLength } from '../fakes/slackApi.js';
import {
  eventCallback,
  HttpHarness,
  mention,
  message,
  postedStrings,
  postedText,
  SocketHarness,
} from './harness.js';

// A public `uniq -c` summary (source in test/fixtures/pastes/SOURCES.md).
const SUMMARY = readFileSync(
  new URL('../fixtures/pastes/20-hackney-client-closewait-uniq.txt', import.meta.url),
  'utf8',
);

/** Text as Slack delivers it in an event: `&`, `<`, `>` escaped. */
function asSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

let bot: Bot;

beforeAll(async () => {
  bot = await createBot();
});

describe('the real bot over HTTP', () => {
  let h: HttpHarness;

  beforeEach(async () => {
    h = await HttpHarness.start(bot);
  });

  afterEach(async () => {
    await h.stop();
  });

  const posts = () => h.api.callsTo('chat.postMessage');

  it('answers a mentioned question from the knowledge base, in the thread', async () => {
    const event = mention('why so many TIME_WAIT?');
    await h.event(event);
    expect(posts().length).toBeGreaterThan(0);
    const first = posts()[0]?.args ?? {};
    expect(first.thread_ts).toBe(event.ts);
    const text = postedText(first);
    expect(text).toContain('TIME_WAIT');
    expect(text).toMatch(/closed first|2MSL/);
    // KB markdown arrives as Slack mrkdwn: no Markdown bold, links as <url|text>.
    expect(text).not.toContain('**');
    expect(JSON.stringify(first.blocks)).toMatch(/<https?:\/\/[^|>]+\|[^>]+>/);
  });

  it('triages a pasted uniq -c summary in the thread, then gives the change for a second paste there', async () => {
    const event = mention(`what is going on here?\n${asSlackText(SUMMARY)}`);
    await h.event(event);
    const verdict = posts()[0]?.args ?? {};
    expect(verdict.thread_ts).toBe(event.ts);
    const blocks = verdict.blocks as { type: string; text?: { text: string } }[];
    expect(blocks[0]?.type).toBe('header');
    expect(blocks[0]?.text?.text).toMatch(/CRITICAL: CLOSE_WAIT/);
    const text = postedText(verdict);
    expect(text).toContain('1,721');
    expect(text).toContain('ss -tanp state close-wait');
    // The state chart is a code block.
    expect(text).toMatch(/```\nSYN_SENT +7 +█*\nESTABLISHED +358 +█+\nCLOSE_WAIT +1,721 +█+\n```/);

    const before = posts().length;
    const second = SUMMARY.replace('1721 CLOSE_WAIT', '2950 CLOSE_WAIT');
    // A follow-up paste in the thread needs no mention; Slack keeps code fences as typed.
    await h.event(message(`\`\`\`${asSlackText(second)}\`\`\``, { thread_ts: event.ts }));
    const delta = posts().slice(before);
    expect(delta.length).toBeGreaterThan(0);
    expect(delta[0]?.args.thread_ts).toBe(event.ts);
    const deltaText = delta.map((p) => postedText(p.args)).join('\n');
    expect(deltaText).toMatch(/previous paste/i);
    expect(deltaText).toMatch(/CLOSE_WAIT 1,721 -&gt; 2,950/);
  });

  it('answers a DM question', async () => {
    await h.event(message('what does CLOSE_WAIT mean?', { channel: 'D0DM1', channel_type: 'im' }));
    const dm = posts()[0]?.args ?? {};
    expect(dm.channel).toBe('D0DM1');
    expect(postedText(dm)).toContain('CLOSE_WAIT');
  });

  it('answers /tcp triage ephemerally with a share button; sharing posts the verdict', async () => {
    await h.command(`triage ${asSlackText(SUMMARY)}`);
    const ephemeral = h.api.callsTo('respond');
    expect(ephemeral.length).toBeGreaterThan(0);
    const last = ephemeral.at(-1)?.args ?? {};
    expect(ephemeral.every((r) => r.args.response_type === 'ephemeral')).toBe(true);
    expect(postedText(ephemeral[0]?.args ?? {})).toMatch(/CRITICAL: CLOSE_WAIT/);
    const blocks = last.blocks as {
      type: string;
      elements?: { action_id: string; value: string }[];
    }[];
    const button = blocks.at(-1)?.elements?.[0];
    expect(button?.action_id).toBe(SHARE_ACTION_ID);
    expect(posts()).toEqual([]);

    await h.click(SHARE_ACTION_ID, button?.value ?? '');
    expect(posts().length).toBeGreaterThan(0);
    expect(posts()[0]?.args.channel).toBe('C0CHANNEL1');
    expect(postedText(posts()[0]?.args ?? {})).toMatch(/CRITICAL: CLOSE_WAIT/);
  });

  it('lets nothing in a paste ping anyone', async () => {
    const paste = [
      '<!channel> <!here> <@U123> please look, @everyone',
      'tcp   0   0 10.0.0.1:8080   10.0.0.2:51234   CLOSE_WAIT  <!here>',
      ...Array.from(
        { length: 400 },
        (_, i) => `tcp   0   0 10.0.0.1:8080   10.0.0.${(i % 200) + 2}:${40000 + i}   CLOSE_WAIT`,
      ),
    ].join('\n');
    // Slack sends real mentions as <!channel>/<@U123>; typed-out ones arrive escaped.
    await h.event(mention(`${paste}\n&lt;!channel&gt; &lt;@U999&gt;`));
    const strings = postedStrings(h.api);
    expect(strings.join('\n')).toContain('CLOSE_WAIT');
    for (const s of strings) {
      expect(s).not.toMatch(/<[!@]/);
      expect(s).not.toMatch(/(^|[^\u200b])@(here|channel|everyone)\b/);
    }
  });

  it('keeps every message within Slack limits for a 300 KB paste', async () => {
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < 300 * 1024; i++) {
      const state = i % 10 === 0 ? 'ESTABLISHED' : 'TIME_WAIT';
      const line = `tcp        0      0 10.0.0.5:${20000 + (i % 40000)}      10.0.${(i >> 8) % 4}.${i % 250}:5432      ${state}`;
      lines.push(line);
      size += line.length + 1;
    }
    const event = mention(lines.join('\n'));
    await h.event(event);
    expect(posts().length).toBeGreaterThan(0);
    for (const p of posts()) {
      const blocks = (p.args.blocks ?? []) as unknown[];
      expect(blocks.length).toBeLessThanOrEqual(50);
      expect(blocksTextLength(blocks)).toBeLessThanOrEqual(12_000);
      expect(String(p.args.text).length).toBeLessThanOrEqual(4_000);
      expect(p.args.thread_ts).toBe(event.ts);
    }
    expect(postedText(posts()[0]?.args ?? {})).toContain('TIME_WAIT');
  });
});

describe('the real bot in Socket Mode', () => {
  let s: SocketHarness;

  beforeEach(async () => {
    s = await SocketHarness.start(bot);
  });

  afterEach(async () => {
    await s.stop();
  });

  it('answers the same pasted mention over the WebSocket, then shuts down cleanly', async () => {
    const event = mention(asSlackText(SUMMARY));
    await s.socket.deliver('events_api', eventCallback(event));
    await s.api.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    await s.handle.idle();
    const post = s.api.callsTo('chat.postMessage')[0]?.args ?? {};
    expect(post.thread_ts).toBe(event.ts);
    expect(postedText(post)).toMatch(/CRITICAL: CLOSE_WAIT/);
    await s.handle.stop();
    expect(s.socket.connections).toBe(1);
    await s.api.waitFor(() => s.socket.open === 0, 2000);
  });
});
