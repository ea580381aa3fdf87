/**
 * Builds the Bolt App for the configured mode: an HTTP receiver on `/slack/events` (signature
 * checked by Bolt), or a Socket Mode receiver. Both talk to the Web API at the configured URL.
 * Shutdown is explicit per mode: Bolt's `stop()` returns before a socket is closed.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, type Logger, LogLevel, SocketModeReceiver, webApi } from '@slack/bolt';
import type { SlackConfig } from './config.js';
import { SlackAdapterError } from './errors.js';
import type { SlackAdapterOptions } from './options.js';

/** The endpoint Slack posts events, commands and interactivity to in HTTP mode. */
export const EVENTS_PATH = '/slack/events';

/** Longest wait for the Socket Mode connection to report it closed. */
const SOCKET_CLOSE_WAIT_MS = 5_000;

const LOG_LEVELS = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
} as const;

/** Web API client settings shared by every client the adapter makes. */
export function clientOptions(
  config: SlackConfig,
  options: SlackAdapterOptions,
): webApi.WebClientOptions {
  return {
    slackApiUrl: config.apiUrl,
    retryConfig: { retries: options.apiRetries, factor: 2 },
    logLevel: LOG_LEVELS[options.logLevel],
    ...(options.logger ? { logger: options.logger } : {}),
  };
}

/** Who the bot is, from `auth.test` (also proves the bot token works). */
export interface BotIdentity {
  botUserId: string;
  botId: string;
}

/** Calls auth.test once; a rejected token becomes an error naming SLACK_BOT_TOKEN. */
export async function identify(
  config: SlackConfig,
  options: SlackAdapterOptions,
): Promise<BotIdentity> {
  const client = new webApi.WebClient(config.botToken, clientOptions(config, options));
  let res: webApi.AuthTestResponse;
  try {
    res = await client.auth.test();
  } catch (cause) {
    const code = (cause as { data?: { error?: string } }).data?.error;
    const why = code ? `Slack answered ${code}` : `Slack could not be reached at ${config.apiUrl}`;
    throw new SlackAdapterError('slack_auth_failed', `SLACK_BOT_TOKEN was not accepted: ${why}`, {
      cause,
    });
  }
  if (!res.user_id || !res.bot_id) {
    throw new SlackAdapterError(
      'slack_auth_failed',
      'SLACK_BOT_TOKEN is not a bot token (auth.test returned no bot id)',
    );
  }
  return { botUserId: res.user_id, botId: res.bot_id };
}

/** A Bolt app with its receiver, ready to register listeners on and start. */
export interface SlackApp {
  app: App;
  logger: Logger;
  /** Starts receiving; resolves with the HTTP port (HTTP mode) once ready. */
  start(): Promise<number | undefined>;
  /** Stops receiving: closes the HTTP server, or disconnects the socket and waits for it. */
  stop(): Promise<void>;
}

/** Creates the app for the configured mode (nothing is started yet). */
export function createSlackApp(
  config: SlackConfig,
  options: SlackAdapterOptions,
  identity: BotIdentity,
): SlackApp {
  const common = {
    token: config.botToken,
    botId: identity.botId,
    botUserId: identity.botUserId,
    clientOptions: clientOptions(config, options),
    ...(options.logger ? { logger: options.logger } : { logLevel: LOG_LEVELS[options.logLevel] }),
  };

  if (config.mode === 'socket') {
    const receiver = new SocketModeReceiver({
      appToken: config.appToken,
      ...(options.logger ? { logger: options.logger } : { logLevel: LOG_LEVELS[options.logLevel] }),
      // The receiver has no top-level client options: the override goes through the installer's.
      installerOptions: { clientOptions: clientOptions(config, options) },
    });
    const app = new App({ ...common, receiver });
    return {
      app,
      logger: app.logger,
      async start() {
        try {
          await app.start();
        } catch (cause) {
          const code = (cause as { data?: { error?: string } }).data?.error;
          const why = code ? `Slack answered ${code}` : 'the Socket Mode connection failed';
          throw new SlackAdapterError(
            'slack_start_failed',
            `SLACK_APP_TOKEN could not open Socket Mode: ${why}`,
            { cause },
          );
        }
        return undefined;
      },
      async stop() {
        // Waits for the socket to close (app.stop() would not), but not forever: a socket that
        // never reports its close must not hold shutdown open.
        let timer: NodeJS.Timeout | undefined;
        const bound = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, SOCKET_CLOSE_WAIT_MS);
        });
        await Promise.race([receiver.client.disconnect(), bound]);
        clearTimeout(timer);
      },
    };
  }

  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret,
    endpoints: EVENTS_PATH,
    ...(options.logger ? { logger: options.logger } : { logLevel: LOG_LEVELS[options.logLevel] }),
  });
  const app = new App({ ...common, receiver });
  let server: Server | undefined;
  return {
    app,
    logger: app.logger,
    async start() {
      try {
        server = (await app.start({ port: config.port, host: options.host })) as Server;
      } catch (cause) {
        throw new SlackAdapterError(
          'slack_start_failed',
          `PORT ${config.port}: the HTTP receiver could not listen (${(cause as Error).message})`,
          { cause },
        );
      }
      return (server.address() as AddressInfo).port;
    },
    async stop() {
      if (!server) return;
      server = undefined;
      // Node 20's server.close() also closes idle keep-alive connections.
      await receiver.stop();
    },
  };
}
