/**
 * `tcp-triage serve` with DISCORD_TOKEN set: the real command starts the Discord adapter with
 * the real bot, answers a mention through the fake Discord, and stops cleanly when told to.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, expect, it, vi } from 'vitest';
import { runServe } from '../../src/cli/serve.js';
import { FakeDiscord, messagePayload } from '../fakes/discordFake.js';
import { channelPosts, fakeEnv } from './harness.js';
import { messageText } from './limits.js';

function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return Object.assign(stream, { text: () => chunks.join('') });
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.restoreAllMocks();
});

it('serve answers a Discord mention with the real bot and stops on request', async () => {
  const fake = await FakeDiscord.start();
  cleanups.push(() => fake.close());
  const cwd = mkdtempSync(join(tmpdir(), 'tcp-triage-serve-'));
  cleanups.push(() => rmSync(cwd, { recursive: true, force: true }));
  // The adapter logs to the console by default; keep the test output clean but readable.
  const logs: string[] = [];
  for (const level of ['log', 'warn', 'error'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logs.push(args.join(' '));
    });
  }

  let stop: (signal: string) => void = () => undefined;
  const stopped = new Promise<string>((resolve) => {
    stop = resolve;
  });
  const stderr = sink();
  const io = {
    stdin: new PassThrough(),
    stdout: sink(),
    stderr,
    env: fakeEnv(fake),
    isTTY: false,
  };
  const serving = runServe(io, {
    cwd,
    until: () => stopped,
    // vitest cannot follow serve's computed import path; Node can. Same module either way.
    loadAdapter: async (name) => {
      expect(name).toBe('discord');
      return import('../../adapters/discord/index.js');
    },
  });

  await fake.waitFor(
    () => /Discord adapter (running|did not start|could not)/.test(stderr.text()),
    15_000,
    'serve to start',
  );
  expect(stderr.text()).toMatch(/Discord adapter running/);
  fake.dispatch(
    'MESSAGE_CREATE',
    messagePayload(fake, {
      content: `<@${fake.botId}>\n   1721 CLOSE_WAIT\n    358 ESTABLISHED\n      7 SYN_SENT`,
      mentionBot: true,
    }),
  );
  const [post] = await fake.waitForRequests((r) => channelPosts(fake).includes(r), 1, 10_000);
  expect(post?.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  expect(messageText(post?.body)).toMatch(/CLOSE_WAIT/);
  expect(post?.body.embeds[0].fields.length).toBeGreaterThan(0);

  stop('SIGTERM');
  expect(await serving).toBe(0);
  expect(stderr.text()).toMatch(/SIGTERM: stopping/);
  expect(logs.join('\n')).toMatch(/discord: logged in as tcp-triage[\s\S]*discord: disconnected/);
  expect(logs.join('\n')).not.toMatch(/reconnecting/);
  // No token anywhere in what serve or the adapter printed.
  expect(`${stderr.text()}\n${logs.join('\n')}`).not.toContain(fake.token);
});
