import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { findCommandSpec } from '../answers/command-spec.ts';
import { isUserError } from '../model/user-error.ts';
import { DISCORD_LIMITS } from '../render/discord/discord-limits.ts';
import { renderAnswer } from '../render/discord/render-answer.ts';
import { renderUserError } from '../render/discord/render-user-error.ts';
import { articleTitles } from './article-titles.ts';
import type { CommandContext, Outcome } from './command-module.ts';
import { pageIdsFor, type CommandOptions } from './page-ids.ts';
import { respondInTime } from './respond.ts';

/** The options of a command as its spec declares them, read from the interaction (Discord-only options left out). */
export function readCommandOptions(interaction: ChatInputCommandInteraction | AutocompleteInteraction, name: string): CommandOptions {
  const options: CommandOptions = {};
  for (const option of findCommandSpec(name)?.options ?? []) {
    const value = option.type === 'integer' ? interaction.options.getInteger(option.name) : interaction.options.getString(option.name);
    if (value !== null && value !== undefined) options[option.name] = value;
  }
  return options;
}

/**
 * Runs a command for the member and answers: privately unless `share` is true; user errors
 * always privately. (The command's cooldown was checked by the dispatcher.)
 */
export async function answerCommand(interaction: ChatInputCommandInteraction, ctx: CommandContext, name: string): Promise<Outcome> {
  const options = readCommandOptions(interaction, name);
  const share = interaction.options.getBoolean('share') ?? false;
  let outcome: Outcome = 'answered';
  const corpus = ctx.corpus();
  // Answers cost what their page costs (milliseconds), so the reply goes out directly even when
  // the interaction waited in a busy process: a deferral would leave no sooner and add a request.
  await respondInTime(interaction, { deferAfterMs: ctx.settings.deferAfterMs, ephemeralIfDeferred: !share }, () => {
    const result = ctx.run(corpus, name, options);
    if (isUserError(result)) {
      outcome = 'user-error';
      return { payload: renderUserError(result), ephemeral: true };
    }
    const rendered = renderAnswer(result, {
      pageButtonId: pageIdsFor({ command: name, options }, ctx.pages),
      articleTitle: articleTitles(corpus),
    });
    return { payload: rendered.payload, ephemeral: !share };
  });
  return outcome;
}

/** Answers an autocomplete request for the focused option of a command (≤ 25 choices of ≤ 100 characters). */
export async function completeCommandOption(interaction: AutocompleteInteraction, ctx: CommandContext, name: string): Promise<Outcome> {
  const focused = interaction.options.getFocused(true);
  const kind = findCommandSpec(name)?.options.find((o) => o.name === focused.name)?.autocomplete;
  if (!kind) {
    await interaction.respond([]);
    return 'completed';
  }
  const article = focused.name === 'article' ? undefined : (interaction.options.getString('article') ?? undefined);
  const choices = ctx
    .complete(ctx.corpus(), kind, String(focused.value ?? ''), article ? { article } : {}, {
      choices: DISCORD_LIMITS.autocompleteChoices,
      length: DISCORD_LIMITS.choiceName,
    })
    .map((c) => ({ name: c.name.slice(0, DISCORD_LIMITS.choiceName), value: c.value.slice(0, DISCORD_LIMITS.choiceValue) }))
    .filter((c) => c.name.length > 0)
    .slice(0, DISCORD_LIMITS.autocompleteChoices);
  await interaction.respond(choices);
  return 'completed';
}
