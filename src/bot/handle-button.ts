import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { displayTitle } from '../model/display-title.ts';
import { isUserError } from '../model/user-error.ts';
import { parseCustomId } from '../render/discord/custom-ids.ts';
import { textPayload } from '../render/discord/discord-payload.ts';
import { renderAnswer } from '../render/discord/render-answer.ts';
import { renderParagraph } from '../render/discord/render-paragraph.ts';
import { renderUserError } from '../render/discord/render-user-error.ts';
import { articleTitles } from './article-titles.ts';
import type { CommandContext, Outcome } from './command-module.ts';
import { pageIdsFor, queryOfPageButton } from './page-ids.ts';
import { handleRemoveButton } from './remove-article.ts';
import { respond } from './respond.ts';

/** Said when a button no longer means anything (old message, restart, changed articles). */
export const STALE_BUTTON_TEXT = 'This button has expired. Please run the command again.';

async function replyStale(interaction: ButtonInteraction, text = STALE_BUTTON_TEXT): Promise<Outcome> {
  await respond(interaction, { payload: textPayload(text), ephemeral: true });
  return 'stale';
}

/**
 * Handles a button press: a citation ("cite:<article>:<n>") replies privately with the
 * paragraph in full; ◀ ▶ re-run the command and update the message to that page; Remove and
 * Cancel under /article remove's question go to src/bot/remove-article.ts; anything else gets a
 * polite private "expired" reply.
 */
export async function handleButton(interaction: ButtonInteraction, ctx: CommandContext): Promise<Outcome> {
  const parsed = parseCustomId(interaction.customId);
  if (!parsed) return replyStale(interaction);
  if (parsed.kind === 'remove-article' || parsed.kind === 'remove-article-key' || parsed.kind === 'remove-cancel')
    return handleRemoveButton(interaction, ctx, parsed);
  if (parsed.kind === 'cite') {
    const owner = ctx.corpus().byId.get(parsed.article);
    const paragraph = owner?.article.paragraphs.find((p) => p.n === parsed.paragraph);
    if (!owner || !paragraph)
      return replyStale(interaction, 'That paragraph is no longer in the articles I have. Please run the command again.');
    const payload = renderParagraph({ title: displayTitle(owner.article), url: owner.article.url }, paragraph);
    await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
    return 'cited';
  }
  const target = queryOfPageButton(parsed, ctx.pages);
  if (!target) return replyStale(interaction);
  const corpus = ctx.corpus();
  const result = ctx.run(corpus, target.query.command, target.query.options);
  if (isUserError(result)) {
    await respond(interaction, { payload: renderUserError(result), ephemeral: true });
    return 'user-error';
  }
  const rendered = renderAnswer(result, {
    page: target.page,
    pageButtonId: pageIdsFor(target.query, ctx.pages),
    articleTitle: articleTitles(corpus),
  });
  await interaction.update(rendered.payload);
  return 'paged';
}
