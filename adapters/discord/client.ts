/**
 * Building the discord.js Client: intents, partials, REST base and mention defaults, and the
 * log lines for connection events (reconnects are discord.js's job; we only say they happen).
 */
import { Client, type ClientOptions, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { DiscordConfig } from './config.js';
import { noMentions } from './embeds.js';
import type { DiscordLogger } from './options.js';

/** The intents the adapter asks for; MessageContent only when the setting enables it. */
export function intentsFor(config: Pick<DiscordConfig, 'messageContent'>): GatewayIntentBits[] {
  const intents = [
    GatewayIntentBits.Guilds,
    GatewayIntentBits.GuildMessages,
    GatewayIntentBits.DirectMessages,
  ];
  // Privileged: without it guild messages that do not mention the bot arrive with no text.
  if (config.messageContent) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

/** Creates (but does not log in) the client. `extra` is merged over the adapter's options. */
export function createDiscordClient(
  config: DiscordConfig,
  extra: Partial<ClientOptions> = {},
): Client {
  const options: ClientOptions = {
    ...extra,
    intents: extra.intents ?? intentsFor(config),
    // DM channels are not cached until used; without this partial DMs never arrive.
    partials: extra.partials ?? [Partials.Channel],
    allowedMentions: noMentions(),
    failIfNotExists: false,
    rest: { ...(config.apiUrl ? { api: config.apiUrl } : {}), ...extra.rest },
    ws: { ...extra.ws },
  };
  return new Client(options);
}

// Gateway close codes after which discord.js gives up instead of reconnecting, explained.
const FATAL_CLOSE_CODES: Readonly<Record<number, string>> = Object.freeze({
  4004: 'Discord rejected the token (check DISCORD_TOKEN)',
  4010: 'Discord reported an invalid shard',
  4011: 'Discord requires sharding for this bot',
  4012: 'Discord rejected the gateway API version',
  4013: 'Discord rejected the requested intents',
  4014:
    'Discord refused the privileged Message Content intent: turn on "Message Content Intent" ' +
    'under Bot > Privileged Gateway Intents in the Developer Portal, or unset DISCORD_MESSAGE_CONTENT',
});

/** Why the gateway closed for good, or undefined when discord.js will reconnect. */
export function fatalCloseReason(code: number): string | undefined {
  return FATAL_CLOSE_CODES[code];
}

/**
 * Logs connection events; also keeps an 'error' event from crashing the process. Returns a
 * function that stops the connection logs (a deliberate shutdown is not a reconnect).
 */
export function logConnectionEvents(client: Client, logger: DiscordLogger): () => void {
  const listeners = {
    [Events.ShardReady]: (shardId: number) => logger.info(`shard ${shardId} connected`),
    // discord.js emits shardDisconnect only when it will not reconnect.
    [Events.ShardDisconnect]: (event: { code: number }, shardId: number) =>
      logger.error(
        `shard ${shardId} disconnected for good (close code ${event.code}` +
          `${fatalCloseReason(event.code) ? `: ${fatalCloseReason(event.code)}` : ''})`,
      ),
    [Events.ShardReconnecting]: (shardId: number) => logger.warn(`shard ${shardId} reconnecting`),
    [Events.ShardResume]: (shardId: number, replayed: number) =>
      logger.info(
        `shard ${shardId} resumed (${replayed} event${replayed === 1 ? '' : 's'} replayed)`,
      ),
    [Events.ShardError]: (error: Error, shardId: number) =>
      logger.error(`shard ${shardId} error: ${error.message}`),
    [Events.Warn]: (message: string) => logger.warn(message),
  } as const;
  for (const [event, listener] of Object.entries(listeners)) {
    client.on(event, listener as (...args: unknown[]) => void);
  }
  // Stays attached for good: an 'error' event without a listener would throw.
  client.on(Events.Error, (error) => logger.error(`client error: ${error.message}`));
  return () => {
    for (const [event, listener] of Object.entries(listeners)) {
      client.off(event, listener as (...args: unknown[]) => void);
    }
  };
}
