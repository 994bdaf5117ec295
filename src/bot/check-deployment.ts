import { Routes, type Client } from 'discord.js';
import type { Logger } from 'pino';
import type { CommandModule } from './command-module.ts';
import { findCommandDrift } from './command-drift.ts';
import { botPermissionsNeeded, commandJson, inviteUrl } from './invite.ts';

/** What the start checks about how the bot is set up on Discord. */
export interface DeploymentCheck {
  client: Client<true>;
  commands: ReadonlyMap<string, CommandModule>;
  /** DISCORD_GUILD_ID: the commands are deployed to this server; null = globally. */
  guildId: string | null;
}

/**
 * Once the bot is ready: when it is in no server yet, logs the invite URL; when the commands
 * Discord has differ from this code's (never deployed, or deployed from an older version), warns
 * once with the fix. A failure to ask Discord is logged and never stops the bot.
 */
export async function checkDeployment(check: DeploymentCheck, log: Logger): Promise<void> {
  const { client, commands, guildId } = check;
  if (!client.shard && client.guilds.cache.size === 0) {
    log.warn(
      { invite: inviteUrl(client.application.id, botPermissionsNeeded(commands.values())) },
      'the bot is in no server yet: open the invite URL (also printed by `npm run invite`) to add it',
    );
  }
  try {
    const route = guildId
      ? Routes.applicationGuildCommands(client.application.id, guildId)
      : Routes.applicationCommands(client.application.id);
    const deployed = (await client.rest.get(route)) as unknown[];
    const drift = findCommandDrift(deployed, [...commands.values()].map(commandJson));
    if (drift.length > 0)
      log.warn(
        { scope: guildId ? `server ${guildId}` : 'global', drift },
        'the commands deployed on Discord differ from this code: run `npm run deploy-commands`',
      );
    log.debug({ differences: drift.length }, 'deployed commands checked');
  } catch (err) {
    log.warn({ err }, 'could not compare the deployed commands with this code');
  }
}
