import 'dotenv/config';
import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { readBotConfig } from './read-bot-config.ts';
import type { CommandModule } from './command-module.ts';
import { loadCommands } from './load-commands.ts';

/** Where and how to register the commands. */
export interface DeployOptions {
  token: string;
  applicationId: string;
  /** Register in this guild only (instant); null registers globally (may take up to an hour). */
  guildId: string | null;
  /** Base URL of a Discord-compatible API; null = Discord. */
  api: string | null;
  commands: Iterable<CommandModule>;
}

/** Registers (overwrites) the slash commands via REST; returns how many Discord now has. */
export async function deployCommands(options: DeployOptions): Promise<number> {
  const rest = new REST(options.api ? { api: options.api } : {}).setToken(options.token);
  const body = [...options.commands].map((c) => c.data.toJSON());
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const result = (await rest.put(route, { body })) as unknown[];
  return result.length;
}

/** `npm run deploy-commands`: reads the environment, deploys, reports. Returns the exit code. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const proc = readBotConfig(env, 'deploy-commands');
  if (!proc) return 1;
  const { config, log } = proc;
  if (!config.applicationId) {
    log.error('deploy-commands needs DISCORD_APPLICATION_ID (General Information in the Developer Portal)');
    return 1;
  }
  const commands = await loadCommands();
  try {
    const count = await deployCommands({
      token: config.discordToken,
      applicationId: config.applicationId,
      guildId: config.guildId,
      api: config.discordApiUrl,
      commands: commands.values(),
    });
    log.info({ count, scope: config.guildId ? `guild ${config.guildId}` : 'global' }, 'commands deployed');
    return 0;
  } catch (err) {
    log.error({ err }, 'deploying commands failed');
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
