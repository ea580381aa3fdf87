/**
 * The Discord adapter: `startDiscord(bot, env)` logs a discord.js client in, answers mentions,
 * DMs and `/tcp` commands through the given ChatBot, and returns a handle whose `stop()` shuts
 * it down cleanly. `tcp-triage serve` calls it when DISCORD_TOKEN is set and wires signals.
 */
import { once } from 'node:events';
import { type Client, Events } from 'discord.js';
import type { ChatBot } from '../../src/bot/message.js';
import { UserChannelRateLimit } from '../../src/bot/rateLimit.js';
import { createDiscordClient, fatalCloseReason, logConnectionEvents } from './client.js';
import { readDiscordConfig } from './config.js';
import { createInteractionHandler, type TopicSource } from './interactionHandler.js';
import { createMessageHandler } from './messageHandler.js';
import {
  DefaultDiscordAdapterOptions,
  type DiscordAdapterOptions,
  describeError,
} from './options.js';

export { AttachmentError } from './attachments.js';
export { buildTcpCommand, commandDefinitions } from './commands.js';
export {
  type DiscordConfig,
  DiscordConfigError,
  readDeployConfig,
  readDiscordConfig,
} from './config.js';
export { deployCommands, runDeployCommands } from './deployCommands.js';
export { renderPlainMessages, renderReplyMessages } from './embeds.js';
export type { TopicSource } from './interactionHandler.js';
export {
  DefaultDiscordAdapterOptions,
  type DiscordAdapterOptions,
  DiscordLimits,
  type DiscordLogger,
} from './options.js';

/** A running adapter. */
export interface DiscordHandle {
  /** The logged-in client (tests and diagnostics). */
  readonly client: Client;
  /** Stops taking new messages, waits briefly for replies in flight, then disconnects. */
  stop(): Promise<void>;
}

/** Start-up failed after the settings were read (login refused, gateway never ready). */
export class DiscordStartError extends Error {
  override readonly name = 'DiscordStartError';
  constructor(
    readonly code: 'DISCORD_LOGIN_FAILED' | 'DISCORD_READY_TIMEOUT',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Starts the adapter. Throws DiscordConfigError for a missing/malformed setting and
 * DiscordStartError when Discord refuses the login; resolves once the gateway is ready.
 */
export async function startDiscord(
  bot: ChatBot & TopicSource,
  env: NodeJS.ProcessEnv,
  overrides: Partial<DiscordAdapterOptions> = {},
): Promise<DiscordHandle> {
  const config = readDiscordConfig(env);
  const options: DiscordAdapterOptions = { ...DefaultDiscordAdapterOptions, ...overrides };
  const { logger } = options;
  const client = createDiscordClient(config, options.clientOptions);
  const stopConnectionLogs = logConnectionEvents(client, logger);

  // Every answer in flight, so stop() can let them finish.
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    work.finally(() => inFlight.delete(work)).catch(() => undefined);
  };
  const rateLimit = new UserChannelRateLimit(
    options.userRateLimit,
    options.channelRateLimit,
    options.rateWindowMs,
  );
  const onMessage = createMessageHandler({ bot, options, rateLimit });
  const onInteraction = createInteractionHandler({ bot, options, rateLimit });
  client.on(Events.MessageCreate, (message) => {
    if (!stopping) track(onMessage(message));
  });
  client.on(Events.InteractionCreate, (interaction) => {
    if (!stopping) track(onInteraction(interaction));
  });

  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, options.readyTimeoutMs);
  const ready = once(client, Events.ClientReady, { signal: abort.signal });
  // A close the gateway will not recover from (bad token, refused intent) fails start-up now
  // rather than after the ready timeout.
  const refused = once(client, Events.ShardDisconnect, { signal: abort.signal }).then(
    (args: unknown[]) => {
      const event = args[0] as { code: number };
      throw new DiscordStartError(
        'DISCORD_LOGIN_FAILED',
        `the gateway closed the connection (code ${event.code}): ` +
          (fatalCloseReason(event.code) ?? 'see the log above'),
      );
    },
  );
  ready.catch(() => undefined);
  refused.catch(() => undefined);
  try {
    await Promise.race([Promise.all([client.login(config.token), ready]), refused]);
  } catch (error) {
    const wasTimeout = timedOut;
    abort.abort();
    await client.destroy().catch(() => undefined);
    if (error instanceof DiscordStartError) throw error;
    if (wasTimeout) {
      throw new DiscordStartError(
        'DISCORD_READY_TIMEOUT',
        `the gateway did not report ready within ${options.readyTimeoutMs} ms`,
      );
    }
    throw new DiscordStartError('DISCORD_LOGIN_FAILED', `login failed: ${describeError(error)}`);
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  const me = client.user;
  logger.info(
    `logged in as ${me?.tag ?? 'unknown'} (${me?.id ?? '?'}); in ${client.guilds.cache.size} server(s)` +
      (config.messageContent ? '; MessageContent intent on' : ''),
  );

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      stopping = true;
      if (inFlight.size > 0) {
        let drainTimer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled([...inFlight]),
          new Promise<void>((resolve) => {
            drainTimer = setTimeout(resolve, options.drainTimeoutMs);
          }),
        ]);
        clearTimeout(drainTimer);
      }
      client.removeAllListeners(Events.MessageCreate);
      client.removeAllListeners(Events.InteractionCreate);
      stopConnectionLogs();
      await client.destroy();
      logger.info('disconnected');
    })();
    return stopped;
  };
  return { client, stop };
}
