/**
 * Registers the slash commands with Discord's REST API: guild-scoped when a guild id is given
 * (instant, for development), global otherwise. Command creations are rate limited per day,
 * so this runs only when asked (`npm run discord:deploy-commands`), never at start-up.
 */
import { REST, Routes } from 'discord.js';
import { commandDefinitions } from './commands.js';
import { DiscordConfigError, type DiscordDeployConfig, readDeployConfig } from './config.js';
import { inviteUrl } from './invite.js';

/** What was registered, and where. */
export interface DeployResult {
  scope: 'guild' | 'global';
  /** Names of the commands Discord now has, as it returned them. */
  commands: string[];
}

/** PUTs the command list (overwriting what was there) and returns what Discord stored. */
export async function deployCommands(config: DiscordDeployConfig): Promise<DeployResult> {
  const rest = new REST({ ...(config.apiUrl ? { api: config.apiUrl } : {}), retries: 1 });
  rest.setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  try {
    const stored = (await rest.put(route, { body: commandDefinitions() })) as { name: string }[];
    return { scope: config.guildId ? 'guild' : 'global', commands: stored.map((c) => c.name) };
  } finally {
    // The REST client sweeps its caches on timers; stop them so the script can exit.
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

/**
 * The `discord:deploy-commands` script: reads the environment, deploys, prints one line.
 * Returns the exit status (0 ok, 2 bad settings, 1 the API refused).
 */
export async function runDeployCommands(
  env: NodeJS.ProcessEnv,
  stdout: NodeJS.WritableStream,
  stderr: NodeJS.WritableStream,
): Promise<number> {
  let config: DiscordDeployConfig;
  try {
    config = readDeployConfig(env);
  } catch (error) {
    if (error instanceof DiscordConfigError) {
      stderr.write(`discord:deploy-commands: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  try {
    const result = await deployCommands(config);
    const where = result.scope === 'guild' ? `guild ${config.guildId}` : 'all servers (global)';
    stdout.write(
      `Registered /${result.commands.join(', /')} for ${where}.` +
        (result.scope === 'global' ? ' Global commands can take up to an hour to appear.' : '') +
        `\nInvite the bot with: ${inviteUrl(config.applicationId)}\n`,
    );
    return 0;
  } catch (error) {
    // DiscordAPIError messages carry the API's reason, never the token.
    const reason = error instanceof Error ? error.message : String(error);
    stderr.write(`discord:deploy-commands: Discord refused the commands: ${reason}\n`);
    return 1;
  }
}
