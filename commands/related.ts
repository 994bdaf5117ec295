import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { answerCommand, completeCommandOption } from '../src/bot/answer-command.ts';
import { buildCommandData } from '../src/bot/build-command-data.ts';
import type { CommandContext, CommandRules, Outcome } from '../src/bot/command-module.ts';

/** /related: its definition, from the command spec plus `share`. */
export const data = buildCommandData('related');

/** One topic search per member every 3 s. */
export const rules: CommandRules = { cooldown: 3 };

/** Answers /related (privately unless share:true). */
export function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<Outcome> {
  return answerCommand(interaction, ctx, 'related');
}

/** Suggests values for the options of /related that autocomplete. */
export function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<Outcome> {
  return completeCommandOption(interaction, ctx, 'related');
}
