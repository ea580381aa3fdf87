/**
 * Start-up: a missing or malformed variable stops the adapter with an error naming it (before
 * any network call), a token Slack rejects is reported by name, and the rate limit answers
 * politely once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SlackAdapterError, SlackConfigError, startSlack } from '../../adapters/slack/index.js';
import { FakeSlackApi } from '../fakes/slackApi.js';
import {
  BOT_TOKEN,
  HttpHarness,
  mention,
  postedText,
  ScriptedBot,
  SIGNING_SECRET,
  TEST_OPTIONS,
} from './harness.js';

let api: FakeSlackApi | undefined;
let h: HttpHarness | undefined;

afterEach(async () => {
  await h?.stop();
  h = undefined;
  await api?.close();
  api = undefined;
});

describe('startSlack configuration', () => {
  it('stops on a missing variable, naming it, without calling Slack', async () => {
    api = await new FakeSlackApi(BOT_TOKEN).start();
    const err = await startSlack(
      new ScriptedBot(),
      { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: api.apiUrl },
      TEST_OPTIONS,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SlackConfigError);
    expect((err as SlackConfigError).variable).toBe('SLACK_SIGNING_SECRET');
    expect(api.calls).toEqual([]);
  });

  it('reports a token Slack rejects by variable name, never by value', async () => {
    api = await new FakeSlackApi('xoxb-1000000001-2000000002-theotherone').start();
    const err = await startSlack(
      new ScriptedBot(),
      {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: api.apiUrl,
        PORT: '0',
      },
      TEST_OPTIONS,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SlackAdapterError);
    expect((err as SlackAdapterError).code).toBe('slack_auth_failed');
    expect((err as Error).message).toContain('SLACK_BOT_TOKEN');
    expect((err as Error).message).toContain('invalid_auth');
    expect((err as Error).message).not.toContain(BOT_TOKEN);
  });

  it('reports a rejected app token in Socket Mode', async () => {
    api = await new FakeSlackApi(BOT_TOKEN, 'xapp-1-A0FAKE-3000000003-notthisone').start();
    const err = await startSlack(
      new ScriptedBot(),
      {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_APP_TOKEN: 'xapp-1-A0FAKE-3000000003-wrongtoken',
        SLACK_API_URL: api.apiUrl,
      },
      TEST_OPTIONS,
    ).catch((e: unknown) => e);
    expect((err as SlackAdapterError).code).toBe('slack_start_failed');
    expect((err as Error).message).toContain('SLACK_APP_TOKEN');
    expect((err as Error).message).not.toContain('wrongtoken');
  });

  it('listens on PORT in HTTP mode', async () => {
    h = await HttpHarness.start(new ScriptedBot());
    expect(h.handle.mode).toBe('http');
    expect(h.handle.port).toBeGreaterThan(0);
    await h.stop();
    const refused = await fetch(h.url, { method: 'POST', body: '{}' }).then(
      () => 'answered',
      () => 'refused',
    );
    expect(refused).toBe('refused');
    h = undefined;
  });
});

describe('rate limits', () => {
  it('answers past the per-user limit once, politely, then stays quiet until the window ends', async () => {
    const bot = new ScriptedBot();
    h = await HttpHarness.start(bot, { userRateLimit: 2, channelRateLimit: 100 });
    for (let i = 0; i < 5; i++) await h.event(mention(`question ${i}`));
    expect(bot.seen).toHaveLength(2);
    const texts = h.api.callsTo('chat.postMessage').map((c) => postedText(c.args));
    expect(texts).toHaveLength(3);
    expect(texts[2]).toMatch(/try again in about \d+ s/);
    // Another person in the channel is still answered.
    await h.event(mention('me too', { user: 'U0SOMEONE2' }));
    expect(bot.seen).toHaveLength(3);
  });

  it('applies a per-channel limit across people', async () => {
    const bot = new ScriptedBot();
    h = await HttpHarness.start(bot, { userRateLimit: 100, channelRateLimit: 2 });
    for (const user of ['U0A', 'U0B', 'U0C', 'U0D']) await h.event(mention('hi', { user }));
    expect(bot.seen).toHaveLength(2);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(3);
  });
});
