import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { answerCommand, completeCommandOption } from '../src/bot/answer-command.ts';
import { buildCommandData } from '../src/bot/build-command-data.ts';
import type { CommandContext, Outcome } from '../src/bot/command-module.ts';
import { postAnswerToChannel } from '../src/bot/post-answer.ts';

/** /summary: its definition, from the command spec plus `channel` and `share`. */
export const data = buildCommandData('summary', { channel: true });

/** Answers /summary, or posts it in `channel` when one is given and allowed. */
export function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<Outcome> {
  const channel = interaction.options.getChannel('channel');
  return channel ? postAnswerToChannel(interaction, ctx, 'summary', channel) : answerCommand(interaction, ctx, 'summary');
}

/** Suggests articles by headline. */
export function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<Outcome> {
  return completeCommandOption(interaction, ctx, 'summary');
}
