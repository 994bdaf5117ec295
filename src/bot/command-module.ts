import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { Logger } from 'pino';
import type { Answer } from '../model/answer.ts';
import type { Corpus } from '../model/corpus.ts';
import type { UserError } from '../model/user-error.ts';
import type { Cooldowns } from './cooldowns.ts';
import type { PageMemory } from './page-ids.ts';

/** What a handler reports about how it answered (logged as the interaction's outcome). */
export type Outcome = 'answered' | 'user-error' | 'cooldown' | 'posted' | 'refused' | 'stale' | 'completed' | 'paged' | 'cited' | 'unknown';

/** Runs one command over the corpus (src/answers/run-command.ts, injectable for tests). */
export type RunCommand = (corpus: Corpus, name: string, options: Record<string, string | number | undefined>) => Answer | UserError;

/** Autocomplete choices (src/answers/autocomplete.ts, injectable for tests). */
export type CompleteOption = (corpus: Corpus, kind: 'article' | 'name', partial: string, context?: { article?: string }) => Array<{ name: string; value: string }>;

/** Tunables of the bot, with their defaults in BOT_DEFAULTS. */
export interface BotSettings {
  /** Per-member cooldown in seconds of expensive commands, by command name. */
  commandCooldowns: Readonly<Record<string, number>>;
  /** Per-member cooldown in seconds of posting an answer to a channel. */
  postCooldown: number;
  /**
   * Defer the reply when an (asynchronous) answer is not ready after this many ms. Answers cost
   * what their page costs, so commands are answered directly, never deferred up front.
   */
  deferAfterMs: number;
}

/** Defaults of BotSettings. */
export const BOT_DEFAULTS: BotSettings = Object.freeze({
  commandCooldowns: Object.freeze({ related: 3, quote: 2 }),
  postCooldown: 30,
  deferAfterMs: 1500,
});

/** Everything a handler needs; I/O (clock, logger, corpus) is passed in. */
export interface CommandContext {
  /** The live corpus. */
  corpus(): Corpus;
  run: RunCommand;
  complete: CompleteOption;
  /** Logger of this interaction (child with command, interactionId, guildId). */
  log: Logger;
  /** Milliseconds since the epoch. */
  clock(): number;
  cooldowns: Cooldowns;
  pages: PageMemory;
  settings: BotSettings;
}

/** A slash command module (commands/*.ts): its definition, handler and autocomplete. */
export interface CommandModule {
  /** The definition sent to Discord (a SlashCommandBuilder). */
  data: { name: string; toJSON(): unknown };
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<Outcome | void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<Outcome | void>;
}
