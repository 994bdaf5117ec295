import type { ChatInputCommandInteraction, GuildBasedChannel, GuildTextBasedChannel } from 'discord.js';
import { userError } from '../model/user-error.ts';
import { renderUserError } from '../render/discord/render-user-error.ts';
import { botRefusal, type BotRefusal } from './bot-refusal.ts';
import { checkMemberPermissions } from './manage-permission.ts';
import { checkPosting, toPermissions } from './check-posting.ts';
import type { CommandContext, CommandModule, Outcome } from './command-module.ts';
import { respond, type Reply } from './respond.ts';
import { textChannelOfServer } from './text-channel-of-server.ts';

/** The resolved channel option as discord.js hands it over (cached channel or raw API data). */
type ResolvedChannel = NonNullable<ReturnType<ChatInputCommandInteraction['options']['getChannel']>>;

/** The member's permissions in the channel: as Discord resolved them for the interaction, else computed. */
function memberPermissions(interaction: ChatInputCommandInteraction, resolvedChannel: ResolvedChannel, channel: GuildBasedChannel) {
  const resolved = (resolvedChannel as { permissions?: unknown }).permissions;
  if (resolved !== undefined && resolved !== null) return toPermissions(resolved as string);
  if ('permissionsFor' in channel && interaction.member && typeof interaction.member !== 'string' && 'id' in interaction.member) {
    return toPermissions(channel.permissionsFor(interaction.member.id));
  }
  return null;
}

/** The bot's permissions in the channel, from the guild cache, else from the interaction. */
function botPermissions(interaction: ChatInputCommandInteraction, channel: GuildBasedChannel, resolved: ResolvedChannel) {
  if (interaction.client.user) {
    const computed = channel.permissionsFor(interaction.client.user);
    if (computed) return computed;
  }
  const raw = resolved as { appPermissions?: unknown; app_permissions?: unknown };
  return toPermissions((raw.appPermissions ?? raw.app_permissions) as string | undefined);
}

/** The reply for a cooldown still running. */
function cooldownReply(seconds: number): Reply {
  return { payload: renderUserError(botRefusal('cooldown', `You're asking quickly. Try again in ${seconds} s.`)), ephemeral: true };
}

/** The subcommand the member used, or null (a command without subcommands, or a malformed interaction). */
export function subcommandOf(interaction: ChatInputCommandInteraction): string | null {
  try {
    return interaction.options.getSubcommand(false);
  } catch {
    return null;
  }
}

/** Whether the boolean option `name` is true (CommandRules.manage.exceptOption). */
function ownUse(interaction: ChatInputCommandInteraction, name: string): boolean {
  try {
    return interaction.options.getBoolean(name) === true;
  } catch {
    return false;
  }
}

/** Whether the channel option `name` was given. */
function channelGiven(interaction: ChatInputCommandInteraction, name: string): boolean {
  try {
    return interaction.options.getChannel(name) !== null;
  } catch {
    return false;
  }
}

/**
 * The refusal when the command needs a server and the member's server-wide permissions
 * (CommandRules.guildOnly, CommandRules.manage), else null. Permissions Discord did not send
 * count as missing.
 */
export function checkMemberRules(interaction: ChatInputCommandInteraction, command: CommandModule): BotRefusal | null {
  const rules = command.rules ?? {};
  if (!rules.guildOnly && !rules.manage) return null;
  const name = command.data.name;
  const subcommand = subcommandOf(interaction);
  const manage = rules.manage;
  const own = manage?.exceptOption !== undefined && ownUse(interaction, manage.exceptOption);
  const applies = manage && !own && (!manage.subcommands || (subcommand !== null && manage.subcommands.includes(subcommand)));
  const purpose = (subcommand && manage?.purposes?.[subcommand]) ?? `use /${name}${subcommand ? ` ${subcommand}` : ''}`;
  return checkMemberPermissions(interaction, applies ? manage.memberPermissions : [], purpose, name);
}

/** The verdict on a command's rules: refused (already answered, with the outcome to log), or allowed (with the checked channel to post in). */
export type RulesVerdict = { refused: Outcome } | { postTo?: GuildTextBasedChannel };

/**
 * Checks what a command declares in its `rules` before its handler runs: that a server-only
 * command is used in a server by a member with the permissions it declares; when the member asked
 * to post in a channel, that it is a text channel of this server, that the member and the bot
 * have the declared permissions there, and the posting cooldown; otherwise the command's own
 * per-member cooldown. A refusal is answered here, privately.
 */
export async function checkCommandRules(
  interaction: ChatInputCommandInteraction,
  command: CommandModule,
  ctx: CommandContext,
): Promise<RulesVerdict> {
  const rules = command.rules ?? {};
  const refuse = async (reply: Reply, outcome: Outcome): Promise<RulesVerdict> => {
    await respond(interaction, reply);
    return { refused: outcome };
  };
  const conflict = rules.manage?.exceptOptionNotWith;
  if (
    conflict &&
    rules.manage?.exceptOption &&
    ownUse(interaction, rules.manage.exceptOption) &&
    channelGiven(interaction, conflict.option)
  ) {
    return refuse({ payload: renderUserError(userError('bad-option', conflict.message)), ephemeral: true }, 'refused');
  }
  const forbidden = checkMemberRules(interaction, command);
  if (forbidden) return refuse({ payload: renderUserError(forbidden), ephemeral: true }, 'refused');
  const target = rules.posts ? interaction.options.getChannel(rules.posts.option) : null;
  if (rules.posts && target) {
    const channel = textChannelOfServer(interaction, target.id);
    const label = `#${'name' in target && target.name ? target.name : 'that channel'}`;
    if (!channel) {
      const notice = userError('bad-option', `I can only post in text channels of this server; ${label} is not one I can see.`);
      return refuse({ payload: renderUserError(notice), ephemeral: true }, 'refused');
    }
    const refusal = checkPosting(
      label,
      rules.posts,
      memberPermissions(interaction, target, channel),
      botPermissions(interaction, channel, target),
    );
    if (refusal) return refuse({ payload: renderUserError(refusal), ephemeral: true }, 'refused');
    const wait = ctx.cooldowns.take(`${interaction.user.id}:post`, rules.posts.cooldown);
    if (wait > 0) return refuse(cooldownReply(wait), 'cooldown');
    return { postTo: channel };
  }
  const wait = ctx.settings.commandCooldowns ? ctx.cooldowns.take(`${interaction.user.id}:${command.data.name}`, rules.cooldown ?? 0) : 0;
  if (wait > 0) return refuse(cooldownReply(wait), 'cooldown');
  return {};
}
