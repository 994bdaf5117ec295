import { MessageFlags, type ChatInputCommandInteraction, type GuildBasedChannel } from 'discord.js';
import { isUserError, userError } from '../model/user-error.ts';
import { textPayload } from '../render/discord/discord-payload.ts';
import { renderAnswer } from '../render/discord/render-answer.ts';
import { renderUserError } from '../render/discord/render-user-error.ts';
import { cooldownReply, readCommandOptions } from './answer-command.ts';
import { checkPosting, toPermissions } from './check-posting.ts';
import { articleTitles } from './article-titles.ts';
import type { CommandContext, Outcome } from './command-module.ts';
import { pageIdsFor } from './page-ids.ts';
import { respond } from './respond.ts';

/** The resolved channel option as discord.js hands it over (cached channel or raw API data). */
type ResolvedChannel = NonNullable<ReturnType<ChatInputCommandInteraction['options']['getChannel']>>;

/** The member's permissions in the channel: as Discord resolved them for the interaction, else computed. */
function memberPermissions(interaction: ChatInputCommandInteraction, channel: ResolvedChannel) {
  const resolved = (channel as { permissions?: unknown }).permissions;
  if (resolved !== undefined && resolved !== null) return toPermissions(resolved as string);
  const cached = interaction.client.channels.cache.get(channel.id);
  if (cached && 'permissionsFor' in cached && interaction.member && typeof interaction.member !== 'string' && 'id' in interaction.member) {
    return toPermissions(cached.permissionsFor(interaction.member.id));
  }
  return null;
}

/** The bot's permissions in the channel, from the guild cache, else from the interaction. */
function botPermissions(interaction: ChatInputCommandInteraction, channel: GuildBasedChannel | undefined, resolved: ResolvedChannel) {
  if (channel && interaction.client.user) {
    const computed = channel.permissionsFor(interaction.client.user);
    if (computed) return computed;
  }
  return toPermissions((resolved as { appPermissions?: unknown; app_permissions?: unknown }).appPermissions as string ?? (resolved as { app_permissions?: string }).app_permissions);
}

/**
 * Posts a command's answer publicly in the channel the member chose, if the member may send
 * messages there and the bot may send embeds there; confirms privately with a link.
 * Always defers first (posting takes two requests).
 */
export async function postAnswerToChannel(interaction: ChatInputCommandInteraction, ctx: CommandContext, name: string, target: ResolvedChannel): Promise<Outcome> {
  const cached = interaction.guild?.channels.cache.get(target.id) ?? interaction.client.channels.cache.get(target.id);
  const channel = cached && 'guild' in cached ? (cached) : undefined;
  const label = `#${'name' in target && target.name ? target.name : 'that channel'}`;
  if (!channel || !channel.isTextBased() || !('send' in channel)) {
    await respond(interaction, { payload: renderUserError(userError('bad-option', `I can only post in text channels of this server; ${label} is not one I can see.`)), ephemeral: true });
    return 'refused';
  }
  const refusal = checkPosting(label, memberPermissions(interaction, target), botPermissions(interaction, channel, target));
  if (refusal) {
    await respond(interaction, { payload: renderUserError(refusal), ephemeral: true });
    return 'refused';
  }
  const wait = ctx.cooldowns.take(`${interaction.user.id}:post`, ctx.settings.postCooldown);
  if (wait > 0) {
    await respond(interaction, cooldownReply(wait));
    return 'cooldown';
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const options = readCommandOptions(interaction, name);
  const corpus = ctx.corpus();
  const result = ctx.run(corpus, name, options);
  if (isUserError(result)) {
    await interaction.editReply(renderUserError(result));
    return 'user-error';
  }
  const rendered = renderAnswer(result, { pageButtonId: pageIdsFor({ command: name, options }, ctx.pages), articleTitle: articleTitles(corpus) });
  const message = await channel.send(rendered.payload);
  await interaction.editReply(textPayload(`Posted in <#${channel.id}>: ${message.url}`));
  return 'posted';
}
