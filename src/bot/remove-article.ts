import { MessageFlags, PermissionFlagsBits, type ButtonInteraction } from 'discord.js';
import { isUserError } from '../model/user-error.ts';
import type { ParsedCustomId } from '../render/discord/custom-ids.ts';
import { textPayload, type DiscordPayload } from '../render/discord/discord-payload.ts';
import { escapeAndTruncate } from '../render/discord/fit-text.ts';
import { renderUserError } from '../render/discord/render-user-error.ts';
import type { CommandContext, Outcome } from './command-module.ts';
import { checkMemberPermissions } from './manage-permission.ts';
import { respond } from './respond.ts';

/** A press of the Remove or Cancel button under /article remove's question. */
export type RemoveButton = Extract<ParsedCustomId, { kind: 'remove-article' | 'remove-article-key' | 'remove-cancel' }>;

/**
 * Answers the confirmation of /article remove: Cancel keeps the article; Remove deletes the
 * article's file from this server's folder (the watcher then drops it from the corpus) and
 * says so in place of the question. The member's Manage Server permission is checked again:
 * a button's id can be forged, and permissions can change in between.
 */
export async function handleRemoveButton(interaction: ButtonInteraction, ctx: CommandContext, parsed: RemoveButton): Promise<Outcome> {
  // The answer replaces the private question; pressed anywhere else (a forged id on a public message), it is a private reply.
  const inPlace = interaction.message?.flags?.has(MessageFlags.Ephemeral) ?? false;
  const answer = (payload: DiscordPayload): Promise<unknown> =>
    inPlace ? interaction.update(payload) : respond(interaction, { payload, ephemeral: true });
  if (parsed.kind === 'remove-cancel') {
    await answer(textPayload('Kept it: nothing was removed.'));
    return 'answered';
  }
  const refused = checkMemberPermissions(interaction, [PermissionFlagsBits.ManageGuild], 'remove articles', 'article');
  if (refused) {
    await respond(interaction, { payload: renderUserError(refused), ephemeral: true });
    return 'refused';
  }
  const article = parsed.kind === 'remove-article' ? parsed.article : ctx.pages.recall(parsed.key)?.options.article;
  if (typeof article !== 'string' || !ctx.news) {
    await respond(interaction, { payload: textPayload('This button has expired. Please run /article remove again.'), ephemeral: true });
    return 'stale';
  }
  const removed = await ctx.news.library.remove(interaction.guildId, article);
  if (isUserError(removed)) {
    await answer(renderUserError(removed));
    return 'user-error';
  }
  ctx.log.info({ articleId: removed.id }, 'article removed');
  const title = escapeAndTruncate(removed.title ?? removed.id, 200);
  await answer(textPayload(`Removed **${title}** (\`${escapeAndTruncate(removed.id, 100)}\`) from this server's articles.`));
  return 'answered';
}
