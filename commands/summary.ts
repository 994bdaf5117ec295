import { PermissionFlagsBits, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { answerCommand, completeCommandOption } from '../src/bot/answer-command.ts';
import { buildCommandData } from '../src/bot/build-command-data.ts';
import { EMBED_POSTING_PERMISSIONS, type CommandContext, type CommandRules, type Outcome } from '../src/bot/command-module.ts';
import { postAnswerToChannel } from '../src/bot/post-answer.ts';

/** /summary: its definition, from the command spec plus `channel` and `share`. */
export const data = buildCommandData('summary', { channel: true });

/** Posting in `channel` needs the member to send messages there and the bot to send embeds; one post per member every 30 s. */
export const rules: CommandRules = {
  posts: {
    option: 'channel',
    cooldown: 30,
    memberPermissions: [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages],
    botPermissions: EMBED_POSTING_PERMISSIONS,
  },
};

/** Answers /summary, or posts it in the channel the dispatcher checked. */
export function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<Outcome> {
  return ctx.postTo ? postAnswerToChannel(interaction, ctx, 'summary', ctx.postTo) : answerCommand(interaction, ctx, 'summary');
}

/** Suggests articles by headline. */
export function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<Outcome> {
  return completeCommandOption(interaction, ctx, 'summary');
}
