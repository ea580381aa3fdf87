/**
 * Tunables of the Slack adapter, with their defaults in one frozen object. Everything here has
 * a sensible production value; tests override a few (host, retries, limits) per call.
 */
import type { Logger } from '@slack/bolt';

export interface SlackLimits {
  /** Characters of mrkdwn in one section block (Slack: 3,000). */
  sectionChars: number;
  /** Blocks in one message (Slack: 50). */
  blocksPerMessage: number;
  /** Characters of block text in one message; Slack rejects about 13,200 with msg_blocks_too_long. */
  blockCharsPerMessage: number;
  /** Characters of a header block (Slack: 150). */
  headerChars: number;
  /** Characters of a plain-text message; Slack truncates `text` past 40,000, and shorter reads better. */
  textChars: number;
  /** Messages one reply may take in a thread; the rest is cut with a visible note. */
  messagesPerReply: number;
}

export interface SlackAdapterOptions {
  /** Interface the HTTP receiver binds (default: all interfaces). Tests use 127.0.0.1. */
  host: string | undefined;
  /** Web API retries for a failed call (Slack's client retries with backoff). */
  apiRetries: number;
  /** Bolt's log sink; defaults to Bolt's console logger at `logLevel`. */
  logger: Logger | undefined;
  /** Bolt log level when no logger is given. */
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** How long an event id / message is remembered for de-duplicating Slack's retries. */
  dedupeTtlMs: number;
  /** Most event ids remembered at once (oldest forgotten first). */
  dedupeMaxEntries: number;
  /** How long a thread the bot answered keeps getting follow-ups without a mention. */
  threadTtlMs: number;
  /** Most threads remembered at once. */
  threadMaxEntries: number;
  /** Requests one user may make per window. */
  userRateLimit: number;
  /** Requests answered in one channel per window. */
  channelRateLimit: number;
  /** Length of the rate-limit window. */
  rateWindowMs: number;
  /** Largest shared file read, in bytes. */
  maxFileBytes: number;
  /** Time allowed to download a shared file. */
  fileTimeoutMs: number;
  /** How long an ephemeral answer can still be shared to the channel. */
  shareTtlMs: number;
  /** How long stop() waits for answers in progress before closing. */
  drainTimeoutMs: number;
  limits: SlackLimits;
}

/** The defaults; override any of them with `startSlack(bot, env, { ... })`. */
export const DEFAULT_SLACK_OPTIONS: Readonly<SlackAdapterOptions> = Object.freeze({
  host: undefined,
  apiRetries: 3,
  logger: undefined,
  logLevel: 'warn',
  dedupeTtlMs: 60 * 60 * 1000,
  dedupeMaxEntries: 5_000,
  threadTtlMs: 24 * 60 * 60 * 1000,
  threadMaxEntries: 5_000,
  userRateLimit: 10,
  channelRateLimit: 30,
  rateWindowMs: 60 * 1000,
  maxFileBytes: 2 * 1024 * 1024,
  fileTimeoutMs: 15 * 1000,
  shareTtlMs: 30 * 60 * 1000,
  drainTimeoutMs: 10 * 1000,
  limits: Object.freeze({
    sectionChars: 3_000,
    blocksPerMessage: 50,
    blockCharsPerMessage: 12_000,
    headerChars: 150,
    textChars: 3_900,
    messagesPerReply: 8,
  }),
});

export type SlackAdapterOverrides = Partial<Omit<SlackAdapterOptions, 'limits'>> & {
  limits?: Partial<SlackLimits>;
};

/** The defaults with `overrides` applied (limits merged field by field). */
export function resolveOptions(overrides: SlackAdapterOverrides = {}): SlackAdapterOptions {
  const { limits, ...rest } = overrides;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return {
    ...DEFAULT_SLACK_OPTIONS,
    ...defined,
    limits: { ...DEFAULT_SLACK_OPTIONS.limits, ...limits },
  };
}
