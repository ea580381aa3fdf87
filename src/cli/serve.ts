/**
 * `tcp-triage serve`: starts every chat adapter the environment (and `.env`) configures, all
 * sharing one bot, and stops them cleanly on SIGINT/SIGTERM. With none configured it exits 2
 * naming the variables to set. Tokens are never printed.
 */
import type { Bot } from '../bot/bot.js';
import { createBot } from '../bot/createBot.js';
import { withEnvFile } from './envFile.js';
import type { CliIo } from './io.js';
import { readServeConfig, ServeConfigError } from './serveConfig.js';

/** A running adapter as `serve` sees it. */
interface AdapterHandle {
  stop(): Promise<void>;
}

type AdapterName = 'slack' | 'discord';

/** Options of `runServe` (tests replace the signal wait, the adapter loader and the bot). */
export interface ServeOptions {
  /** Folder holding `.env`. */
  cwd: string;
  /** Resolves when serving should stop; default: the first SIGINT or SIGTERM. */
  until: () => Promise<unknown>;
  /** Loads an adapter module; default: a dynamic import of adapters/<name>/index.js. */
  loadAdapter: (name: AdapterName) => Promise<Record<string, unknown>>;
  createBot: () => Promise<Bot>;
}

const ADAPTERS: Record<AdapterName, { label: string; start: string; file: string }> = {
  slack: { label: 'Slack', start: 'startSlack', file: 'adapters/slack/index.js' },
  discord: { label: 'Discord', start: 'startDiscord', file: 'adapters/discord/index.js' },
};

const NOTHING_CONFIGURED =
  'tcp-triage serve: no chat service is configured.\n' +
  'Set, in the environment or in a .env file (see .env.example):\n' +
  '  Slack:   SLACK_BOT_TOKEN plus SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode, PORT)\n' +
  '  Discord: DISCORD_TOKEN (and DISCORD_APPLICATION_ID to deploy slash commands)\n' +
  'Or run `tcp-triage` in a terminal to chat without a service.\n';

function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (sig: string) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(sig);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

/** Replaces every secret value found in text (a defence in depth: adapters never print them). */
export function redactSecrets(text: string, env: NodeJS.ProcessEnv): string {
  let out = text;
  for (const key of [
    'SLACK_BOT_TOKEN',
    'SLACK_APP_TOKEN',
    'SLACK_SIGNING_SECRET',
    'DISCORD_TOKEN',
  ]) {
    const value = env[key]?.trim();
    if (value && value.length >= 8) out = out.split(value).join(`[${key}]`);
  }
  return out;
}

/** Runs `tcp-triage serve`; resolves to the exit status. */
export async function runServe(io: CliIo, options: Partial<ServeOptions> = {}): Promise<number> {
  const o: ServeOptions = {
    cwd: process.cwd(),
    until: waitForSignal,
    loadAdapter: (name) =>
      import(`../../adapters/${name}/index.js`) as Promise<Record<string, unknown>>,
    createBot: () => createBot(),
    ...options,
  };
  const { env } = withEnvFile(io.env, o.cwd);
  const err = (text: string) => io.stderr.write(redactSecrets(text, env));

  let config: ReturnType<typeof readServeConfig>;
  try {
    config = readServeConfig(env);
  } catch (e) {
    if (!(e instanceof ServeConfigError)) throw e;
    err(`tcp-triage serve: configuration error: ${e.message}\n`);
    return 2;
  }
  const wanted = (Object.keys(ADAPTERS) as AdapterName[]).filter((n) => config[n]);
  if (wanted.length === 0) {
    err(NOTHING_CONFIGURED);
    return 2;
  }

  const bot = await o.createBot();
  const running: { name: AdapterName; handle: AdapterHandle }[] = [];
  const stopAll = async () => {
    for (const { handle } of running.reverse()) await handle.stop().catch(() => undefined);
  };

  for (const name of wanted) {
    const { label, start, file } = ADAPTERS[name];
    let mod: Record<string, unknown>;
    try {
      mod = await o.loadAdapter(name);
    } catch (e) {
      err(
        `tcp-triage serve: the ${label} adapter could not be loaded (${file}): ${(e as Error).message}\n`,
      );
      await stopAll();
      return 1;
    }
    const startFn = mod[start];
    if (typeof startFn !== 'function') {
      err(`tcp-triage serve: the ${label} adapter (${file}) has no ${start}() to call\n`);
      await stopAll();
      return 1;
    }
    try {
      const handle = (await startFn(bot, env)) as AdapterHandle;
      running.push({ name, handle });
      const mode =
        name === 'slack'
          ? ` (${config.slack?.mode === 'socket' ? 'Socket Mode' : 'HTTP mode'})`
          : '';
      err(`tcp-triage serve: ${label} adapter running${mode}\n`);
    } catch (e) {
      const error = e as Error;
      err(`tcp-triage serve: ${label} did not start: ${error.message}\n`);
      await stopAll();
      // A setting the adapter rejected is a usage error; anything else is ours or the network's.
      return /ConfigError$/.test(error.name ?? '') ? 2 : 1;
    }
  }

  const signal = await o.until();
  err(`tcp-triage serve: ${typeof signal === 'string' ? `${signal}: ` : ''}stopping\n`);
  await stopAll();
  return 0;
}
