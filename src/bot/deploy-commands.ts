import 'dotenv/config';
import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { readBotConfig } from './read-bot-config.ts';
import type { CommandModule } from './command-module.ts';
import { commandJson } from './invite.ts';
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

/** What a deployment did, beyond registering the commands. */
export interface DeployReport {
  /** How many commands Discord now has in the scope deployed to. */
  count: number;
  /** Servers whose own (stale) command set was removed: a global deploy clears them, else members see every command twice. */
  clearedGuilds: string[];
  /** Servers not checked for a stale set (beyond the first page of the bot's servers). */
  uncheckedGuilds: boolean;
  /** A server deploy while global commands exist: they show beside the server's, so members see duplicates there. */
  globalCommandsLeft: number;
}

/** How many of the bot's servers a global deploy checks for stale server commands (one page of Discord's list). */
const GUILD_PAGE = 200;

/**
 * Registers (overwrites) the slash commands via REST, then deals with the other scope's set:
 * a global deploy removes server-scoped sets left by an earlier DISCORD_GUILD_ID (in the
 * servers the bot is in), a server deploy reports the global set it leaves in place.
 */
export async function deployCommands(options: DeployOptions): Promise<DeployReport> {
  const rest = new REST(options.api ? { api: options.api } : {}).setToken(options.token);
  const body = [...options.commands].map(commandJson);
  const app = options.applicationId;
  if (options.guildId) {
    const result = (await rest.put(Routes.applicationGuildCommands(app, options.guildId), { body })) as unknown[];
    const global = (await rest.get(Routes.applicationCommands(app))) as unknown[];
    return { count: result.length, clearedGuilds: [], uncheckedGuilds: false, globalCommandsLeft: global.length };
  }
  const result = (await rest.put(Routes.applicationCommands(app), { body })) as unknown[];
  const guilds = (await rest.get(Routes.userGuilds(), { query: new URLSearchParams({ limit: String(GUILD_PAGE) }) })) as Array<{
    id: string;
  }>;
  const clearedGuilds: string[] = [];
  for (const { id } of guilds) {
    const stale = (await rest.get(Routes.applicationGuildCommands(app, id))) as unknown[];
    if (stale.length === 0) continue;
    await rest.put(Routes.applicationGuildCommands(app, id), { body: [] });
    clearedGuilds.push(id);
  }
  return { count: result.length, clearedGuilds, uncheckedGuilds: guilds.length >= GUILD_PAGE, globalCommandsLeft: 0 };
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
    const report = await deployCommands({
      token: config.discordToken,
      applicationId: config.applicationId,
      guildId: config.guildId,
      api: config.discordApiUrl,
      commands: commands.values(),
    });
    const scope = config.guildId ? `server ${config.guildId} (shown at once)` : 'global (Discord may take up to an hour to show them)';
    log.info({ count: report.count, scope }, 'commands deployed');
    if (report.clearedGuilds.length > 0)
      log.info({ servers: report.clearedGuilds }, 'removed the server-only commands left from an earlier DISCORD_GUILD_ID');
    if (report.uncheckedGuilds)
      log.warn(`only the first ${GUILD_PAGE} servers were checked for server-only commands left from an earlier DISCORD_GUILD_ID`);
    if (report.globalCommandsLeft > 0)
      log.warn(
        { global: report.globalCommandsLeft },
        'global commands are also deployed: members of this server see each command twice until you deploy globally (clear DISCORD_GUILD_ID), which removes the server set',
      );
    return 0;
  } catch (err) {
    log.error({ err }, `deploying commands failed${accessHint(err)}`);
    return 1;
  }
}

/** A hint for the errors a newcomer meets: Missing Access (the bot is not in that server, or lacks the applications.commands scope) and a refused token. */
export function accessHint(err: unknown): string {
  const code = (err as { code?: unknown; status?: unknown } | null)?.code;
  const status = (err as { status?: unknown } | null)?.status;
  if (code === 50001)
    return ': Missing Access — the bot is not in DISCORD_GUILD_ID, or was invited without the applications.commands scope (invite it again with the URL of `npm run invite`)';
  if (status === 401)
    return ': Discord refused the token (401) — reset it in the Developer Portal (Bot → Reset Token) and update DISCORD_TOKEN';
  return '';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
