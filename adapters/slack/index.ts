/**
 * The Slack adapter: `startSlack(bot, env)` answers mentions, DMs, thread follow-ups, `/tcp`
 * and shared text files with the given bot, in Socket Mode (SLACK_APP_TOKEN set) or HTTP mode
 * (SLACK_SIGNING_SECRET, PORT, /slack/events). It only translates between Slack and the bot.
 */
import type { ChatBot } from '../../src/bot/message.js';
import { createSlackApp, identify } from './app.js';
import { CommandHandler } from './commands.js';
import { readSlackConfig } from './config.js';
import { DedupeCache } from './dedupe.js';
import { registerListeners } from './listeners.js';
import { resolveOptions, type SlackAdapterOverrides } from './options.js';
import { UserChannelRateLimit } from './rateLimit.js';
import { Responder } from './responder.js';
import { TaskTracker } from './tasks.js';
import { ThreadRegistry } from './threads.js';

export type { SlackConfig } from './config.js';
export { readSlackConfig, slackConfigured } from './config.js';
export { SlackAdapterError, SlackConfigError } from './errors.js';
export type { SlackAdapterOptions, SlackAdapterOverrides } from './options.js';
export { DEFAULT_SLACK_OPTIONS } from './options.js';

/** A running Slack adapter. */
export interface SlackHandle {
  mode: 'http' | 'socket';
  /** The HTTP port actually listened on (HTTP mode). */
  port: number | undefined;
  /** The bot's own user id (from auth.test). */
  botUserId: string;
  /** Requests from Slack that reached the adapter (after Bolt's checks), since start. */
  received(): number;
  /** Resolves when no answer is in progress (tests use it to wait for quiet). */
  idle(): Promise<void>;
  /** Stops receiving, waits for answers in progress (bounded), then resolves. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Validates the environment, checks the bot token with Slack, and starts receiving.
 * Throws SlackConfigError (naming the variable) or SlackAdapterError; never logs a token.
 */
export async function startSlack(
  bot: ChatBot,
  env: NodeJS.ProcessEnv = process.env,
  overrides: SlackAdapterOverrides = {},
): Promise<SlackHandle> {
  const config = readSlackConfig(env);
  const options = resolveOptions(overrides);
  const identity = await identify(config, options);
  const slack = createSlackApp(config, options, identity);
  const { app, logger } = slack;

  const tracker = new TaskTracker();
  const threads = new ThreadRegistry(options.threadTtlMs, options.threadMaxEntries);
  const rateLimit = new UserChannelRateLimit(
    options.userRateLimit,
    options.channelRateLimit,
    options.rateWindowMs,
  );
  const responder = new Responder({
    bot,
    client: app.client,
    botToken: config.botToken,
    apiUrl: config.apiUrl,
    options,
    dedupe: new DedupeCache(options.dedupeTtlMs, options.dedupeMaxEntries),
    threads,
    rateLimit,
    logger,
  });
  const commands = new CommandHandler({
    bot,
    client: app.client,
    options,
    threads,
    rateLimit,
    logger,
  });
  let accepting = true;
  let received = 0;
  registerListeners(app, {
    responder,
    commands,
    routing: {
      botUserId: identity.botUserId,
      threads,
      pasteChannels: new Set(config.pasteChannels),
    },
    tracker,
    logger,
    accepting: () => accepting,
    onReceive: () => {
      received += 1;
    },
  });

  const port = await slack.start();
  let stopping: Promise<void> | undefined;
  return {
    mode: config.mode,
    port,
    botUserId: identity.botUserId,
    received: () => received,
    async idle() {
      await tracker.idle();
    },
    stop() {
      stopping ??= (async () => {
        accepting = false;
        await slack.stop();
        if (!(await tracker.idle(options.drainTimeoutMs))) {
          logger.warn(`slack: stopped with ${tracker.size} answer(s) still in progress`);
        }
      })();
      return stopping;
    },
  };
}
