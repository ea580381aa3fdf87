/**
 * Starts the real adapter (real discord.js) against the loopback fake Discord, and collects
 * its log lines. Shared by the end-to-end tests.
 */

import {
  type DiscordHandle,
  startDiscord,
  type TopicSource,
} from '../../adapters/discord/index.js';
import type { DiscordAdapterOptions, DiscordLogger } from '../../adapters/discord/options.js';
import type { ChatBot } from '../../src/bot/message.js';
import {
  FakeDiscord,
  type FakeDiscordOptions,
  type RecordedRequest,
} from '../fakes/discordFake.js';

/** Log lines the adapter wrote, by level. */
export class MemoryLogger implements DiscordLogger {
  readonly lines: { level: 'info' | 'warn' | 'error'; message: string }[] = [];
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warn(message: string): void {
    this.lines.push({ level: 'warn', message });
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message });
  }
  text(): string {
    return this.lines.map((l) => `${l.level} ${l.message}`).join('\n');
  }
}

export interface Harness {
  fake: FakeDiscord;
  handle: DiscordHandle;
  logger: MemoryLogger;
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

/** The environment `serve` would pass, pointing at the fake. */
export function fakeEnv(fake: FakeDiscord, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    ...extra,
  };
}

/** Starts the fake, then the adapter; `close()` stops both. */
export async function startHarness(
  bot: ChatBot & TopicSource,
  options: {
    fake?: FakeDiscordOptions;
    adapter?: Partial<DiscordAdapterOptions>;
    env?: NodeJS.ProcessEnv;
  } = {},
): Promise<Harness> {
  const fake = await FakeDiscord.start(options.fake);
  const logger = new MemoryLogger();
  const env = fakeEnv(fake, options.env);
  let handle: DiscordHandle;
  try {
    handle = await startDiscord(bot, env, {
      logger,
      readyTimeoutMs: 5_000,
      attachmentTimeoutMs: 2_000,
      attachmentOrigins: [fake.origin],
      clientOptions: {
        rest: { retries: 0, timeout: 5_000 },
        // The default throttler spaces re-identifies ~5 s apart; tests need no spacing.
        ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) },
      },
      ...options.adapter,
    });
  } catch (error) {
    await fake.close();
    throw error;
  }
  return {
    fake,
    handle,
    logger,
    env,
    close: async () => {
      await handle.stop();
      await fake.close();
    },
  };
}

/** REST calls that post a message in a channel. */
export function channelPosts(fake: FakeDiscord, channelId?: string): RecordedRequest[] {
  return fake.requests.filter(
    (r) =>
      r.method === 'POST' &&
      /^\/channels\/\d+\/messages$/.test(r.path) &&
      (!channelId || r.path === `/channels/${channelId}/messages`),
  );
}
