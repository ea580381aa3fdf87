import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Bot } from '../../src/bot/bot.js';
import type { CliIo } from '../../src/cli/io.js';
import { redactSecrets, runServe, type ServeOptions } from '../../src/cli/serve.js';
import { readServeConfig, ServeConfigError } from '../../src/cli/serveConfig.js';
import { captureIo } from './capture.js';

const SLACK_BOT = `xoxb-${'1'.repeat(12)}-${'2'.repeat(13)}-abcdefghijklmnopqrstuvwx`;
const SLACK_APP = `xapp-1-A0123-${'4'.repeat(13)}-${'f'.repeat(40)}`;
const DISCORD = 'MTAxMjM0NTY3ODkwMTIzNDU2Nzg.GabcDe.abcdefghijklmnopqrstuvwxyz0123456789ABCD';

function io(env: NodeJS.ProcessEnv): CliIo & { err: () => string; out: () => string } {
  const c = captureIo(Readable.from([]), env);
  return { ...c.io, err: c.err, out: c.out };
}

const emptyDir = () => mkdtempSync(join(tmpdir(), 'tcp-triage-serve-'));
const fakeBot = async () => ({ handle: async () => ({}) }) as unknown as Bot;

function options(extra: Partial<ServeOptions> = {}): Partial<ServeOptions> {
  return { cwd: emptyDir(), until: async () => 'test', createBot: fakeBot, ...extra };
}

describe('readServeConfig', () => {
  it('finds the configured adapters and their modes', () => {
    expect(readServeConfig({})).toEqual({});
    expect(readServeConfig({ SLACK_BOT_TOKEN: SLACK_BOT, SLACK_APP_TOKEN: SLACK_APP })).toEqual({
      slack: { mode: 'socket' },
    });
    expect(
      readServeConfig({ SLACK_BOT_TOKEN: SLACK_BOT, SLACK_SIGNING_SECRET: 'abc123def456abc123' }),
    ).toEqual({
      slack: { mode: 'http' },
    });
    expect(readServeConfig({ DISCORD_TOKEN: DISCORD, SLACK_API_URL: '' })).toEqual({ discord: {} });
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token-not-a-bot' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: SLACK_BOT }, 'SLACK_APP_TOKEN'],
    [{ SLACK_APP_TOKEN: SLACK_APP }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: SLACK_BOT, SLACK_APP_TOKEN: SLACK_APP, PORT: 'eighty' }, 'PORT'],
    [
      { SLACK_BOT_TOKEN: SLACK_BOT, SLACK_APP_TOKEN: SLACK_APP, SLACK_API_URL: 'ftp://x' },
      'SLACK_API_URL',
    ],
    [{ DISCORD_TOKEN: `Bot ${DISCORD}` }, 'DISCORD_TOKEN'],
    [{ DISCORD_TOKEN: DISCORD, DISCORD_APPLICATION_ID: 'my-app' }, 'DISCORD_APPLICATION_ID'],
  ])('names the bad variable in %j', (env, variable) => {
    try {
      readServeConfig(env);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ServeConfigError);
      expect((e as ServeConfigError).variable).toBe(variable);
      for (const value of Object.values(env))
        if (value.length > 8) expect((e as Error).message).not.toContain(value);
    }
  });
});

describe('runServe', () => {
  it('exits 2 naming the variables to set when nothing is configured', async () => {
    const t = io({});
    expect(await runServe(t, options())).toBe(2);
    for (const v of [
      'SLACK_BOT_TOKEN',
      'SLACK_APP_TOKEN',
      'SLACK_SIGNING_SECRET',
      'DISCORD_TOKEN',
    ]) {
      expect(t.err()).toContain(v);
    }
  });

  it('stops at a malformed setting, naming it and never printing the token', async () => {
    const bad = `${SLACK_BOT} trailing`;
    const t = io({ SLACK_BOT_TOKEN: bad, SLACK_APP_TOKEN: SLACK_APP });
    expect(await runServe(t, options())).toBe(2);
    expect(t.err()).toMatch(/configuration error: SLACK_BOT_TOKEN/);
    expect(t.err()).not.toContain(SLACK_BOT);
    expect(t.err()).not.toContain(SLACK_APP);
  });

  it('reads .env, with the real environment winning', async () => {
    const dir = emptyDir();
    writeFileSync(join(dir, '.env'), `DISCORD_TOKEN=${DISCORD}\nPORT=3000\n`);
    const started: NodeJS.ProcessEnv[] = [];
    let stopped = 0;
    const t = io({ PORT: '4000' });
    const code = await runServe(
      t,
      options({
        cwd: dir,
        loadAdapter: async () => ({
          startDiscord: async (_bot: unknown, env: NodeJS.ProcessEnv) => {
            started.push(env);
            return { stop: async () => void stopped++ };
          },
        }),
      }),
    );
    expect(code).toBe(0);
    expect(started[0]?.DISCORD_TOKEN).toBe(DISCORD);
    expect(started[0]?.PORT).toBe('4000');
    expect(stopped).toBe(1);
    expect(t.err()).toContain('Discord adapter running');
    expect(t.err()).not.toContain(DISCORD);
  });

  it('starts every configured adapter and stops them all', async () => {
    const calls: string[] = [];
    const adapter = (name: string) => async () => {
      calls.push(`start ${name}`);
      return { stop: async () => void calls.push(`stop ${name}`) };
    };
    const t = io({
      SLACK_BOT_TOKEN: SLACK_BOT,
      SLACK_APP_TOKEN: SLACK_APP,
      DISCORD_TOKEN: DISCORD,
    });
    const code = await runServe(
      t,
      options({
        loadAdapter: async (name) =>
          name === 'slack'
            ? { startSlack: adapter('slack') }
            : { startDiscord: adapter('discord') },
      }),
    );
    expect(code).toBe(0);
    expect(calls).toEqual(['start slack', 'start discord', 'stop discord', 'stop slack']);
    expect(t.err()).toContain('Slack adapter running (Socket Mode)');
  });

  it('says clearly when an adapter module is missing or has no start function', async () => {
    const t = io({ DISCORD_TOKEN: DISCORD });
    expect(
      await runServe(
        t,
        options({ loadAdapter: () => Promise.reject(new Error('Cannot find module')) }),
      ),
    ).toBe(1);
    expect(t.err()).toContain(
      'the Discord adapter could not be loaded (adapters/discord/index.js)',
    );
    const u = io({ DISCORD_TOKEN: DISCORD });
    expect(await runServe(u, options({ loadAdapter: async () => ({}) }))).toBe(1);
    expect(u.err()).toContain('has no startDiscord()');
  });

  it('reports an adapter that refuses its settings as a usage error, with tokens redacted', async () => {
    class DiscordConfigError extends Error {
      override name = 'DiscordConfigError';
    }
    const t = io({ DISCORD_TOKEN: DISCORD });
    const code = await runServe(
      t,
      options({
        loadAdapter: async () => ({
          startDiscord: async () => {
            throw new DiscordConfigError(`DISCORD_TOKEN is malformed (${DISCORD})`);
          },
        }),
      }),
    );
    expect(code).toBe(2);
    expect(t.err()).toContain(
      'Discord did not start: DISCORD_TOKEN is malformed ([DISCORD_TOKEN])',
    );
    expect(t.err()).not.toContain(DISCORD);
  });

  it('redacts secrets wherever they appear', () => {
    expect(redactSecrets(`a ${SLACK_BOT} b`, { SLACK_BOT_TOKEN: SLACK_BOT })).toBe(
      'a [SLACK_BOT_TOKEN] b',
    );
  });
});
