import { describe, expect, it } from 'vitest';
import { DEFAULT_SLACK_API_URL, readSlackConfig } from '../../adapters/slack/config.js';
import { SlackConfigError } from '../../adapters/slack/errors.js';

const BOT = 'xoxb-1111111111-2222222222-secretvalue';
const APP = 'xapp-1-A0001-3333333333-appsecretvalue';
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

function failure(env: NodeJS.ProcessEnv): SlackConfigError {
  try {
    readSlackConfig(env);
  } catch (e) {
    if (e instanceof SlackConfigError) return e;
    throw e;
  }
  throw new Error('expected a SlackConfigError');
}

describe('readSlackConfig', () => {
  it('chooses Socket Mode when SLACK_APP_TOKEN is set', () => {
    const c = readSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP });
    expect(c.mode).toBe('socket');
    expect(c.apiUrl).toBe(DEFAULT_SLACK_API_URL);
    expect(c.pasteChannels).toEqual([]);
  });

  it('chooses HTTP mode otherwise, with PORT, SLACK_API_URL and paste channels', () => {
    const c = readSlackConfig({
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SECRET,
      PORT: '8080',
      SLACK_API_URL: 'http://127.0.0.1:4000/api',
      SLACK_PASTE_CHANNELS: 'C0123ABCD, G0456',
    });
    expect(c).toMatchObject({
      mode: 'http',
      port: 8080,
      apiUrl: 'http://127.0.0.1:4000/api/',
      pasteChannels: ['C0123ABCD', 'G0456'],
    });
  });

  it('treats empty values as unset and defaults PORT to 3000', () => {
    const c = readSlackConfig({
      SLACK_BOT_TOKEN: BOT,
      SLACK_APP_TOKEN: '',
      SLACK_SIGNING_SECRET: SECRET,
      PORT: ' ',
    });
    expect(c).toMatchObject({ mode: 'http', port: 3000 });
  });

  it.each([
    [{}, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxp-1111111111-user-token' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-short' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: BOT }, 'SLACK_SIGNING_SECRET'],
    [{ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: BOT }, 'SLACK_APP_TOKEN'],
    [{ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'has spaces in it!!' }, 'SLACK_SIGNING_SECRET'],
    [{ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: 'eighty' }, 'PORT'],
    [{ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '70000' }, 'PORT'],
    [{ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: 'ftp://x/' }, 'SLACK_API_URL'],
    [
      { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_PASTE_CHANNELS: '#ops' },
      'SLACK_PASTE_CHANNELS',
    ],
  ] as [NodeJS.ProcessEnv, string][])('names the bad variable (%#: %s)', (env, variable) => {
    const err = failure(env);
    expect(err.variable).toBe(variable);
    expect(err.code).toBe('slack_config_invalid');
    expect(err.message.startsWith(variable)).toBe(true);
  });

  it('never puts a token or secret value in the message', () => {
    const messages = [
      failure({ SLACK_BOT_TOKEN: 'xoxp-1111111111-secretvalue' }).message,
      failure({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xapp-bad token secretvalue' }).message,
      failure({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'secretvalue with spaces' }).message,
    ];
    for (const m of messages) expect(m).not.toContain('secretvalue');
  });
});
