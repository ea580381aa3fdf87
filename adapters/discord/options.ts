/**
 * Tunables of the Discord adapter, with their defaults in one frozen object (the discord.js
 * rest/ws convention). Tests override a few; production uses the defaults.
 */
import type { ClientOptions } from 'discord.js';
import { DEFAULT_INPUT_GUARD } from '../../src/bot/input.js';
import type { AttachmentLimits } from './attachments.js';

/** Where the adapter writes its log lines. Messages never contain tokens. */
export interface DiscordLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface DiscordAdapterOptions {
  /** Largest attachment fetched, in bytes. Default: the bot's own input cap (2 MiB). */
  maxAttachmentBytes: number;
  /** Attachments read from one message or command. Default 3. */
  maxAttachments: number;
  /** Time allowed to fetch one attachment, in ms. Default 10,000. */
  attachmentTimeoutMs: number;
  /** Origins attachments are fetched from. Default Discord's CDN over https (tests use loopback). */
  attachmentOrigins: readonly string[];
  /** Most messages one reply is split into; past that the reply says it was cut. Default 6. */
  maxMessagesPerReply: number;
  /** How long start-up waits for the gateway to report ready, in ms. Default 30,000. */
  readyTimeoutMs: number;
  /** How long `stop()` waits for replies in flight, in ms. Default 5,000. */
  drainTimeoutMs: number;
  /** Requests one user may make per window. Default 10 (as Slack). */
  userRateLimit: number;
  /** Requests one channel may make per window. Default 30 (as Slack). */
  channelRateLimit: number;
  /** The rate-limit window, in ms. Default 60,000. */
  rateWindowMs: number;
  /** Log sink. Default: console, prefixed with `discord:`. */
  logger: DiscordLogger;
  /** Extra discord.js client options merged over the adapter's (tests swap throttlers). */
  clientOptions?: Partial<ClientOptions>;
}

/** The log sink used unless one is given. */
export const consoleLogger: DiscordLogger = Object.freeze({
  info: (message: string) => console.log(`discord: ${message}`),
  warn: (message: string) => console.warn(`discord: ${message}`),
  error: (message: string) => console.error(`discord: ${message}`),
});

/** The defaults; override with `startDiscord(bot, env, { ... })`. */
export const DefaultDiscordAdapterOptions: Readonly<DiscordAdapterOptions> = Object.freeze({
  maxAttachmentBytes: DEFAULT_INPUT_GUARD.maxInputBytes,
  maxAttachments: 3,
  attachmentTimeoutMs: 10_000,
  attachmentOrigins: Object.freeze(['https://cdn.discordapp.com', 'https://media.discordapp.net']),
  maxMessagesPerReply: 6,
  readyTimeoutMs: 30_000,
  drainTimeoutMs: 5_000,
  userRateLimit: 10,
  channelRateLimit: 30,
  rateWindowMs: 60 * 1000,
  logger: consoleLogger,
});

/** Discord's documented size limits for one message. */
export const DiscordLimits = Object.freeze({
  content: 2_000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4_096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1_024,
  footer: 2_048,
  /** All titles, descriptions, field names/values and footers of one message together. */
  embedTotal: 6_000,
  autocompleteChoices: 25,
  choiceLength: 100,
});

/** A one-line description of an error for the log. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The attachment download limits the adapter's options set. */
export function attachmentLimits(options: DiscordAdapterOptions): AttachmentLimits {
  return {
    maxBytes: options.maxAttachmentBytes,
    timeoutMs: options.attachmentTimeoutMs,
    origins: options.attachmentOrigins,
  };
}

/** The notice for someone who hit a rate limit (sent once per window). */
export function rateLimitText(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `⏳ I'm getting more requests than I can answer well right now. Please try again in about ${seconds} s.`;
}
