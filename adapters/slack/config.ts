/**
 * Reads the Slack settings from the environment. The mode follows from what is set:
 * `SLACK_APP_TOKEN` selects Socket Mode, otherwise HTTP mode needs `SLACK_SIGNING_SECRET`.
 * Problems are reported by variable name only: a token value never reaches a message or log.
 */
import { z } from 'zod';
import { SlackConfigError } from './errors.js';

/** Slack's public Web API base; `SLACK_API_URL` replaces it (tests point it at a fake). */
export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

/** Port of the HTTP receiver when `PORT` is not set (Bolt's own default). */
export const DEFAULT_PORT = 3000;

interface CommonConfig {
  botToken: string;
  /** Web API base URL, always ending in `/`. */
  apiUrl: string;
  /** Channels (ids) where pastes are triaged without a mention; empty = off. */
  pasteChannels: string[];
}

export interface SocketModeConfig extends CommonConfig {
  mode: 'socket';
  appToken: string;
}

export interface HttpModeConfig extends CommonConfig {
  mode: 'http';
  signingSecret: string;
  port: number;
}

export type SlackConfig = SocketModeConfig | HttpModeConfig;

// An empty value (`SLACK_APP_TOKEN=` in a .env file) counts as unset.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    schema.optional(),
  );

const token = (prefix: string, what: string) =>
  z
    .string()
    .trim()
    .startsWith(prefix, { error: `must be ${what} (starting with ${prefix})` })
    .regex(/^[A-Za-z0-9-]+$/, { error: `must be ${what}: letters, digits and dashes only` })
    .min(prefix.length + 10, { error: `looks truncated: expected ${what}` });

const channelList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c !== ''),
  )
  .pipe(
    z.array(
      z.string().regex(/^[CGD][A-Z0-9]{2,}$/, {
        error: 'must be a comma-separated list of channel ids such as C0123ABCD',
      }),
    ),
  );

const envSchema = z.object({
  SLACK_BOT_TOKEN: optional(token('xoxb-', 'a bot token')),
  SLACK_APP_TOKEN: optional(token('xapp-', 'an app-level token with connections:write')),
  SLACK_SIGNING_SECRET: optional(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{16,}$/, { error: 'must be the signing secret from Basic Information' }),
  ),
  SLACK_API_URL: optional(
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api/' })
      .transform((u) => (u.endsWith('/') ? u : `${u}/`)),
  ),
  PORT: optional(
    z.coerce
      .number({ error: 'must be a port number' })
      .int({ error: 'must be a whole port number' })
      .min(0, { error: 'must be between 0 and 65535' })
      .max(65535, { error: 'must be between 0 and 65535' }),
  ),
  SLACK_PASTE_CHANNELS: optional(channelList),
});

/** True when the environment asks for the Slack adapter at all (`SLACK_BOT_TOKEN` is set). */
export function slackConfigured(env: NodeJS.ProcessEnv): boolean {
  return (env.SLACK_BOT_TOKEN ?? '').trim() !== '';
}

/** Validates the environment; throws a SlackConfigError naming the first bad variable. */
export function readSlackConfig(env: NodeJS.ProcessEnv): SlackConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'SLACK_BOT_TOKEN');
    throw new SlackConfigError(variable, issue?.message ?? 'is invalid');
  }
  const e = parsed.data;
  if (e.SLACK_BOT_TOKEN === undefined) {
    throw new SlackConfigError(
      'SLACK_BOT_TOKEN',
      'is missing: set it to the Bot User OAuth Token (xoxb-...) from OAuth & Permissions',
    );
  }
  const common: CommonConfig = {
    botToken: e.SLACK_BOT_TOKEN,
    apiUrl: e.SLACK_API_URL ?? DEFAULT_SLACK_API_URL,
    pasteChannels: e.SLACK_PASTE_CHANNELS ?? [],
  };
  if (e.SLACK_APP_TOKEN !== undefined) {
    return { ...common, mode: 'socket', appToken: e.SLACK_APP_TOKEN };
  }
  if (e.SLACK_SIGNING_SECRET === undefined) {
    throw new SlackConfigError(
      'SLACK_SIGNING_SECRET',
      'is missing: HTTP mode needs it (or set SLACK_APP_TOKEN to use Socket Mode)',
    );
  }
  return {
    ...common,
    mode: 'http',
    signingSecret: e.SLACK_SIGNING_SECRET,
    port: e.PORT ?? DEFAULT_PORT,
  };
}
