import { describe, expect, it } from 'vitest';
import {
  DiscordConfigError,
  readDeployConfig,
  readDiscordConfig,
} from '../../adapters/discord/config.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz012345';

function failure(run: () => unknown): DiscordConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof DiscordConfigError) return error;
    throw error;
  }
  throw new Error('expected a DiscordConfigError');
}

describe('readDiscordConfig', () => {
  it('reads a token alone, with MessageContent off by default', () => {
    expect(readDiscordConfig({ DISCORD_TOKEN: ` ${TOKEN}\n` })).toEqual({
      token: TOKEN,
      messageContent: false,
    });
  });

  it('reads every optional setting', () => {
    expect(
      readDiscordConfig({
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: '123456789012345678',
        DISCORD_GUILD_ID: '223456789012345678',
        DISCORD_API_URL: 'http://127.0.0.1:4000/api/',
        DISCORD_MESSAGE_CONTENT: 'Yes',
      }),
    ).toEqual({
      token: TOKEN,
      applicationId: '123456789012345678',
      guildId: '223456789012345678',
      apiUrl: 'http://127.0.0.1:4000/api',
      messageContent: true,
    });
  });

  it('names a missing token', () => {
    const error = failure(() => readDiscordConfig({ DISCORD_TOKEN: '  ' }));
    expect(error.code).toBe('DISCORD_CONFIG_MISSING');
    expect(error.variable).toBe('DISCORD_TOKEN');
    expect(error.message).toMatch(/^DISCORD_TOKEN is not set/);
  });

  it('names a malformed token without printing it', () => {
    for (const bad of [`Bot ${TOKEN}`, `"${TOKEN}"`, 'not-a-token', `${TOKEN} extra`]) {
      const error = failure(() => readDiscordConfig({ DISCORD_TOKEN: bad }));
      expect(error.code).toBe('DISCORD_CONFIG_MALFORMED');
      expect(error.variable).toBe('DISCORD_TOKEN');
      expect(error.message).not.toContain(TOKEN);
      expect(error.message).not.toContain('not-a-token');
    }
  });

  it.each([
    ['DISCORD_APPLICATION_ID', 'my-app'],
    ['DISCORD_GUILD_ID', '12ab'],
    ['DISCORD_API_URL', 'ftp://example.com/api'],
    ['DISCORD_API_URL', 'discord.com/api'],
    ['DISCORD_MESSAGE_CONTENT', 'maybe'],
  ])('names a malformed %s', (variable, value) => {
    const error = failure(() => readDiscordConfig({ DISCORD_TOKEN: TOKEN, [variable]: value }));
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(new RegExp(`^${variable} is malformed`));
  });
});

describe('readDeployConfig', () => {
  it('needs the application id', () => {
    const error = failure(() => readDeployConfig({ DISCORD_TOKEN: TOKEN }));
    expect(error.variable).toBe('DISCORD_APPLICATION_ID');
    expect(error.code).toBe('DISCORD_CONFIG_MISSING');
  });

  it('reads token, application and guild', () => {
    const config = readDeployConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_GUILD_ID: '223456789012345678',
    });
    expect(config.applicationId).toBe('123456789012345678');
    expect(config.guildId).toBe('223456789012345678');
  });
});
