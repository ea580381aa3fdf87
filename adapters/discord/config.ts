/**
 * Discord settings read from the environment and validated with zod. A missing or malformed
 * variable stops start-up with a DiscordConfigError naming the variable; values (tokens above
 * all) never appear in messages.
 */
import { z } from 'zod';

/** Settings the adapter runs with. */
export interface DiscordConfig {
  token: string;
  /** Needed to deploy commands; optional for serving (interactions carry it). */
  applicationId?: string;
  /** Deploy commands to this guild only (development). */
  guildId?: string;
  /** REST base, `https://discord.com/api` unless overridden (tests). */
  apiUrl?: string;
  /** Whether the privileged MessageContent intent is requested. */
  messageContent: boolean;
}

/** Settings the command deployment needs. */
export interface DiscordDeployConfig extends DiscordConfig {
  applicationId: string;
}

export type DiscordConfigErrorCode = 'DISCORD_CONFIG_MISSING' | 'DISCORD_CONFIG_MALFORMED';

/** A setting is missing or malformed; `variable` names it. */
export class DiscordConfigError extends Error {
  override readonly name = 'DiscordConfigError';
  constructor(
    readonly code: DiscordConfigErrorCode,
    readonly variable: string,
    detail: string,
  ) {
    super(
      code === 'DISCORD_CONFIG_MISSING'
        ? `${variable} is not set: ${detail}`
        : `${variable} is malformed: ${detail}`,
    );
  }
}

// Discord bot tokens are three base64url segments joined by dots. Checking the shape catches
// the usual slips (a pasted "Bot " prefix, quotes, a client secret) before a login round trip.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const SNOWFLAKE = /^\d{15,21}$/;
const BOOLEAN_WORDS: Record<string, boolean> = {
  '1': true,
  true: true,
  yes: true,
  on: true,
  '0': false,
  false: false,
  no: false,
  off: false,
};

/** How each variable is checked, and what to tell a person when it is wrong. */
const VARIABLES = {
  DISCORD_TOKEN: {
    schema: z.string().regex(TOKEN_SHAPE),
    hint: 'expected the bot token from the Developer Portal (three dot-separated parts, no "Bot " prefix)',
  },
  DISCORD_APPLICATION_ID: {
    schema: z.string().regex(SNOWFLAKE),
    hint: 'expected the numeric application id from the Developer Portal',
  },
  DISCORD_GUILD_ID: {
    schema: z.string().regex(SNOWFLAKE),
    hint: 'expected a numeric server (guild) id',
  },
  DISCORD_API_URL: {
    schema: z.url({ protocol: /^https?$/ }),
    hint: 'expected an http(s) URL such as https://discord.com/api',
  },
  DISCORD_MESSAGE_CONTENT: {
    schema: z.string().refine((value) => value.toLowerCase() in BOOLEAN_WORDS),
    hint: 'expected true or false',
  },
} as const;

type VariableName = keyof typeof VARIABLES;

/** Reads one variable: undefined when unset or blank, the trimmed value when valid. */
function readVariable(
  env: NodeJS.ProcessEnv,
  name: VariableName,
  required: boolean,
): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) {
    if (required)
      throw new DiscordConfigError('DISCORD_CONFIG_MISSING', name, VARIABLES[name].hint);
    return undefined;
  }
  if (!VARIABLES[name].schema.safeParse(raw).success) {
    throw new DiscordConfigError('DISCORD_CONFIG_MALFORMED', name, VARIABLES[name].hint);
  }
  return raw;
}

/** Reads the settings `serve` needs; DISCORD_TOKEN is required. */
export function readDiscordConfig(env: NodeJS.ProcessEnv): DiscordConfig {
  const messageContent = readVariable(env, 'DISCORD_MESSAGE_CONTENT', false);
  const config: DiscordConfig = {
    token: readVariable(env, 'DISCORD_TOKEN', true) as string,
    messageContent: messageContent ? (BOOLEAN_WORDS[messageContent.toLowerCase()] ?? false) : false,
  };
  const applicationId = readVariable(env, 'DISCORD_APPLICATION_ID', false);
  const guildId = readVariable(env, 'DISCORD_GUILD_ID', false);
  const apiUrl = readVariable(env, 'DISCORD_API_URL', false);
  if (applicationId) config.applicationId = applicationId;
  if (guildId) config.guildId = guildId;
  if (apiUrl) config.apiUrl = apiUrl.replace(/\/+$/, '');
  return config;
}

/** Reads the settings command deployment needs; DISCORD_APPLICATION_ID is required too. */
export function readDeployConfig(env: NodeJS.ProcessEnv): DiscordDeployConfig {
  const config = readDiscordConfig(env);
  const applicationId = readVariable(env, 'DISCORD_APPLICATION_ID', true) as string;
  return { ...config, applicationId };
}
