/**
 * The settings `tcp-triage serve` reads from the environment, checked with zod before any
 * adapter starts. Errors name the variable and what is wrong with it, never its value.
 */
import { z } from 'zod';

/** Every variable `serve` reads (DESIGN.md), with what it is for. */
export const SERVE_VARIABLES = Object.freeze({
  SLACK_BOT_TOKEN: 'Slack bot token (xoxb-...); enables the Slack adapter',
  SLACK_APP_TOKEN: 'Slack app-level token (xapp-...) for Socket Mode',
  SLACK_SIGNING_SECRET: 'Slack signing secret, for HTTP mode (Events API)',
  SLACK_API_URL: 'Slack Web API base URL override (tests)',
  PORT: 'HTTP port for Slack HTTP mode',
  DISCORD_TOKEN: 'Discord bot token; enables the Discord adapter',
  DISCORD_APPLICATION_ID: 'Discord application id (for deploying slash commands)',
  DISCORD_API_URL: 'Discord REST API base URL override (tests)',
});

/** A setting is missing or malformed; `variable` names it. */
export class ServeConfigError extends Error {
  override readonly name = 'ServeConfigError';
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`${variable} ${problem}`);
  }
}

/** Which adapters the environment configures. */
export interface ServeConfig {
  slack?: { mode: 'socket' | 'http' };
  discord?: Record<string, never>;
}

// `NAME=` in a .env file means unset.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    schema.optional(),
  );

// Tokens are single words: quotes, spaces or a "Bot " prefix are the usual copy-paste slips.
const word = (what: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/, { error: `must be ${what}: no spaces, quotes or prefixes` });
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const schema = z.object({
  SLACK_BOT_TOKEN: optional(
    word('a Slack bot token').startsWith('xoxb-', {
      error: 'must be a Slack bot token (starting with xoxb-)',
    }),
  ),
  SLACK_APP_TOKEN: optional(
    word('a Slack app-level token').startsWith('xapp-', {
      error: 'must be a Slack app-level token (starting with xapp-)',
    }),
  ),
  SLACK_SIGNING_SECRET: optional(word('the Slack signing secret')),
  SLACK_API_URL: optional(httpUrl),
  PORT: optional(
    z.coerce
      .number({ error: 'must be a port number' })
      .int({ error: 'must be a whole port number' })
      .min(0, { error: 'must be a port number from 0 to 65535' })
      .max(65535, { error: 'must be a port number from 0 to 65535' }),
  ),
  DISCORD_TOKEN: optional(
    word('a Discord bot token').regex(/^[^.]+\.[^.]+\.[^.]+$/, {
      error: 'must be a Discord bot token (three parts separated by dots)',
    }),
  ),
  DISCORD_APPLICATION_ID: optional(
    z.string().regex(/^\d{15,21}$/, { error: 'must be a Discord application id (digits only)' }),
  ),
  DISCORD_API_URL: optional(httpUrl),
});

/** Validates the environment; throws ServeConfigError naming the first bad variable. */
export function readServeConfig(env: NodeJS.ProcessEnv): ServeConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'configuration');
    throw new ServeConfigError(variable, issue?.message ?? 'is invalid');
  }
  const v = parsed.data;
  const config: ServeConfig = {};
  if (v.SLACK_BOT_TOKEN) {
    if (!v.SLACK_APP_TOKEN && !v.SLACK_SIGNING_SECRET) {
      throw new ServeConfigError(
        'SLACK_APP_TOKEN',
        'is not set: with SLACK_BOT_TOKEN, set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)',
      );
    }
    config.slack = { mode: v.SLACK_APP_TOKEN ? 'socket' : 'http' };
  } else if (v.SLACK_APP_TOKEN || v.SLACK_SIGNING_SECRET) {
    throw new ServeConfigError('SLACK_BOT_TOKEN', 'is not set, but other Slack settings are');
  }
  if (v.DISCORD_TOKEN) config.discord = {};
  return config;
}

/** Whether the environment holds any chat-service setting (bare `tcp-triage` then serves). */
export function chatServiceConfigured(env: NodeJS.ProcessEnv): boolean {
  return ['SLACK_BOT_TOKEN', 'DISCORD_TOKEN'].some((k) => (env[k] ?? '').trim() !== '');
}
