import {
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type GuildTextBasedChannel,
} from 'discord.js';
import type { Logger } from 'pino';
import type { Answer } from '../model/answer.ts';
import type { Corpus } from '../model/corpus.ts';
import type { UserError } from '../model/user-error.ts';
import type { Cooldowns } from './cooldowns.ts';
import type { NewsDesk } from './news-desk-interface.ts';
import type { PageMemory } from './page-ids.ts';

/** What a handler reports about how it answered (logged as the interaction's outcome). */
export type Outcome = 'answered' | 'user-error' | 'cooldown' | 'posted' | 'refused' | 'stale' | 'completed' | 'paged' | 'cited' | 'unknown';

/** Runs one command over the corpus (src/answers/run-command.ts, injectable for tests). */
export type RunCommand = (corpus: Corpus, name: string, options: Record<string, string | number | undefined>) => Answer | UserError;

/** Autocomplete choices (src/answers/autocomplete.ts, injectable for tests). */
export type CompleteOption = (
  corpus: Corpus,
  kind: 'article' | 'name',
  partial: string,
  context?: { article?: string },
  limits?: { choices: number; length: number },
) => Array<{ name: string; value: string }>;

/** Tunables of the bot, with their defaults in BOT_DEFAULTS. */
export interface BotSettings {
  /** Whether the cooldowns commands declare (CommandRules.cooldown) apply; tests that ask many questions turn them off. */
  commandCooldowns: boolean;
  /**
   * Defer the reply when an (asynchronous) answer is not ready after this many ms. Answers cost
   * what their page costs, so commands are answered directly, never deferred up front.
   */
  deferAfterMs: number;
}

/** Defaults of BotSettings. */
export const BOT_DEFAULTS: BotSettings = Object.freeze({
  commandCooldowns: true,
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
  /** The channel the member asked to post the answer in, once the dispatcher has checked the command's posting rules. */
  postTo?: GuildTextBasedChannel;
  /** News in: the article library, feeds, digest schedules and announcer (absent when the bot runs without them). */
  news?: NewsDesk;
}

/** What the bot needs in a channel to post an embed there (a summary, an announcement, a round-up). */
export const EMBED_POSTING_PERMISSIONS: readonly bigint[] = Object.freeze([
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
]);

/**
 * What the bot uses, besides posting, where it announces new articles (feeds, the digest
 * channel): after a restart in the middle of a post it reads its latest messages there before
 * posting again (src/bot/post-announcement.ts); without it the post's nonce is the only guard.
 */
export const ANNOUNCING_PERMISSIONS: readonly bigint[] = Object.freeze([
  ...EMBED_POSTING_PERMISSIONS,
  PermissionFlagsBits.ReadMessageHistory,
]);

/**
 * What a command needs before its handler runs, declared next to its definition and checked
 * once by the dispatcher (src/bot/check-command-rules.ts), like Sapphire's preconditions.
 */
export interface CommandRules {
  /** Seconds a member waits between two uses of the command; none when absent. */
  cooldown?: number;
  /**
   * The command can post its answer publicly in a channel given by the channel option `option`:
   * then the member needs `memberPermissions` and the bot `botPermissions` in that channel, and a
   * member waits `cooldown` seconds between two posts (instead of the command's cooldown).
   */
  posts?: {
    option: string;
    cooldown: number;
    memberPermissions: readonly bigint[];
    botPermissions: readonly bigint[];
  };
  /** The command manages a server's own things: refused in DMs (its rules need a server). */
  guildOnly?: boolean;
  /**
   * Server-wide permissions the member needs (e.g. Manage Server), for the whole command or
   * only the listed `subcommands`. `purposes` names what a subcommand does, for the refusal
   * ("You need the Manage Server permission to add articles."); else "to use /article add".
   * Checked in code even when the command also sets default member permissions, since server
   * admins can override those.
   */
  manage?: {
    memberPermissions: readonly bigint[];
    subcommands?: readonly string[];
    purposes?: Readonly<Record<string, string>>;
    /** A boolean option that, set to true, makes the use the member's own and waives the rule (/watch add dm:true). */
    exceptOption?: string;
  };
}

/** A slash command module (commands/*.ts): its definition, handler and autocomplete. */
export interface CommandModule {
  /** The definition sent to Discord (a SlashCommandBuilder). */
  data: { name: string; toJSON(): unknown };
  /** Cooldown, posting and member permissions, checked by the dispatcher before `execute`. */
  rules?: CommandRules;
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<Outcome | void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<Outcome | void>;
}
