/**
 * `npm run discord:deploy-commands`: registers the Discord slash commands (guild-scoped when
 * DISCORD_GUILD_ID is set, global otherwise). Reads `.env` from the current directory if any.
 */
import { existsSync } from 'node:fs';
import { runDeployCommands } from '../adapters/discord/deployCommands.js';

if (existsSync('.env')) process.loadEnvFile('.env');
process.exitCode = await runDeployCommands(process.env, process.stdout, process.stderr);
