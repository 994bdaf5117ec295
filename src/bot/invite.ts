import { ApplicationIntegrationType, InteractionContextType, OAuth2Scopes, PermissionsBitField } from 'discord.js';
import { ANNOUNCING_PERMISSIONS, type CommandModule } from './command-module.ts';

/**
 * What the bot needs in a server, from the same lists the code checks before it posts: every
 * command's `rules.posts.botPermissions` (/summary channel:, /feed, /digest), and
 * ANNOUNCING_PERMISSIONS for the announcements and round-ups it posts on its own. Answers to
 * slash commands are interaction replies and need no channel permission.
 */
export function botPermissionsNeeded(commands: Iterable<CommandModule>): bigint {
  let needed = 0n;
  for (const p of ANNOUNCING_PERMISSIONS) needed |= p;
  for (const command of commands) for (const p of command.rules?.posts?.botPermissions ?? []) needed |= p;
  return needed;
}

/** Names of the permissions in a bitfield, as discord.js spells them ("ViewChannel"). */
export function permissionNames(permissions: bigint): string[] {
  return new PermissionsBitField(permissions).toArray();
}

/**
 * The authorise URL that adds the bot to a server: scopes `bot` and `applications.commands`,
 * the permissions it needs, installed to a server (integration type 0, not a user install).
 */
export function inviteUrl(applicationId: string, permissions: bigint): string {
  const query = new URLSearchParams({
    client_id: applicationId,
    scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '),
    permissions: permissions.toString(),
    integration_type: String(ApplicationIntegrationType.GuildInstall),
  });
  return `https://discord.com/oauth2/authorize?${query.toString().replace(/%20/g, '+')}`;
}

/** Where a command may be used: server-only commands in servers, the others also in a DM with the bot. */
export function commandContexts(command: CommandModule): InteractionContextType[] {
  return command.rules?.guildOnly ? [InteractionContextType.Guild] : [InteractionContextType.Guild, InteractionContextType.BotDM];
}

/**
 * The JSON Discord registers for a command: its definition, installed to servers only (so the
 * portal's "User Install" never offers a command that cannot work there) and usable where
 * `commandContexts` says.
 */
export function commandJson(command: CommandModule): Record<string, unknown> {
  return {
    ...(command.data.toJSON() as Record<string, unknown>),
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: commandContexts(command),
  };
}
