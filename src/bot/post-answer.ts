import { MessageFlags, type ChatInputCommandInteraction, type GuildTextBasedChannel } from 'discord.js';
import { isUserError } from '../model/user-error.ts';
import { textPayload } from '../render/discord/discord-payload.ts';
import { renderAnswer } from '../render/discord/render-answer.ts';
import { renderUserError } from '../render/discord/render-user-error.ts';
import { readCommandOptions } from './answer-command.ts';
import { articleTitles } from './article-titles.ts';
import type { CommandContext, Outcome } from './command-module.ts';
import { pageIdsFor } from './page-ids.ts';

/**
 * Posts a command's answer publicly in the channel the member chose (the dispatcher has checked
 * the command's posting rules: permissions and cooldown); confirms privately with a link.
 * Always defers first (posting takes two requests).
 */
export async function postAnswerToChannel(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  name: string,
  channel: GuildTextBasedChannel,
): Promise<Outcome> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const options = readCommandOptions(interaction, name);
  const corpus = ctx.corpus();
  const result = ctx.run(corpus, name, options);
  if (isUserError(result)) {
    await interaction.editReply(renderUserError(result));
    return 'user-error';
  }
  const rendered = renderAnswer(result, {
    pageButtonId: pageIdsFor({ command: name, options }, ctx.pages),
    articleTitle: articleTitles(corpus),
  });
  const message = await channel.send(rendered.payload);
  await interaction.editReply(textPayload(`Posted in <#${channel.id}>: ${message.url}`));
  return 'posted';
}
