import { afterEach, describe, expect, it } from 'vitest';
import { alertSinks } from '../../src/cli/alertSinks.js';
import { readText } from '../../src/netstat/index.js';
import { triage } from '../../src/triage/index.js';
import { alertReply } from '../../src/watch/alertReply.js';
import { AlertTracker } from '../../src/watch/alertTracker.js';
import { platformOfUrl } from '../../src/watch/webhook.js';
import { type Receiver, startReceiver } from './receiver.js';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** A started alert whose evidence carries an @everyone, to check mentions stay inert. */
function reply() {
  const t = new AlertTracker();
  t.observe(triage(readText('1 ESTABLISHED\n')), 0);
  const events = t.observe(
    triage(readText('tcp 0 0 10.0.0.1:8080 10.0.0.2:1 CLOSE_WAIT 77/@everyone\n'.repeat(200))),
    10_000,
  );
  return alertReply(events, 'web-1');
}

describe('alert sinks', () => {
  it('posts {text, blocks} to a Slack webhook', async () => {
    receiver = await startReceiver();
    const [sink] = await alertSinks(
      { webhook: `${receiver.url}/slack`, webhookFormat: 'slack' },
      {},
    );
    await sink?.(reply());
    const body = receiver.bodies[0]?.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['blocks', 'text']);
    expect(body.text).toMatch(/Started: CLOSE_WAIT/);
  });

  it('posts {content, embeds, allowed_mentions: {parse: []}} to a Discord webhook', async () => {
    receiver = await startReceiver();
    const [sink] = await alertSinks({ webhook: `${receiver.url}/d`, webhookFormat: 'discord' }, {});
    await sink?.(reply());
    const body = receiver.bodies[0]?.body as {
      content: string;
      embeds: { title: string }[];
      allowed_mentions: unknown;
    };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.content).toMatch(/Started: CLOSE_WAIT/);
    expect(body.embeds[0]?.title).toMatch(/Started/);
    // The pasted process name is shown, its mention broken by a zero-width space.
    const text = JSON.stringify(body);
    expect(text).toContain('@\u200beveryone');
    expect(text).not.toMatch(/@everyone/);
  });

  it('posts through the bots to a channel with their tokens', async () => {
    receiver = await startReceiver({ ok: true });
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: `${receiver.url}/slack-api/`,
      DISCORD_TOKEN: 'a.b.c',
      DISCORD_API_URL: `${receiver.url}/discord-api`,
    };
    const sinks = await alertSinks({ slackChannel: 'C123', discordChannel: '456' }, env);
    for (const s of sinks) await s(reply());
    const [slack, discord] = receiver.bodies;
    expect(slack?.path).toBe('/slack-api/chat.postMessage');
    expect(slack?.headers.authorization).toBe('Bearer xoxb-test');
    expect(slack?.body).toMatchObject({ channel: 'C123' });
    expect(discord?.path).toBe('/discord-api/channels/456/messages');
    expect(discord?.headers.authorization).toBe('Bot a.b.c');
  });

  it('refuses a channel without its token, and a failing receiver is an error', async () => {
    await expect(alertSinks({ slackChannel: 'C1' }, {})).rejects.toThrow(/SLACK_BOT_TOKEN/);
    receiver = await startReceiver({ ok: false, error: 'channel_not_found' });
    const [sink] = await alertSinks(
      { slackChannel: 'C1' },
      { SLACK_BOT_TOKEN: 'x', SLACK_API_URL: receiver.url },
    );
    await expect(sink?.(reply())).rejects.toThrow(/channel_not_found/);
  });

  it('tells a Discord webhook URL from a Slack one', () => {
    expect(platformOfUrl('https://discord.com/api/webhooks/1/abc')).toBe('discord');
    expect(platformOfUrl('https://hooks.slack.com/services/T/B/x')).toBe('slack');
  });
});
