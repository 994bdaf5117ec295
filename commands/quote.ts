import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { answerCommand, completeCommandOption } from '../src/bot/answer-command.ts';
import { buildCommandData } from '../src/bot/build-command-data.ts';
import type { CommandContext, CommandRules, Outcome } from '../src/bot/command-module.ts';

/** /quote: its definition, from the command spec plus `share`. */
export const data = buildCommandData('quote');

/** One quotation search per member every 2 s. */
export const rules: CommandRules = { cooldown: 2 };

/** Answers /quote (privately unless share:true). */
export function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<Outcome> {
  return answerCommand(interaction, ctx, 'quote');
}

/** Suggests values for the options of /quote that autocomplete. */
export function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<Outcome> {
  return completeCommandOption(interaction, ctx, 'quote');
}
