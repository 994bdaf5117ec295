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
import type { NewsDesk } from '../news/news-desk-interface.ts';
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

/** What a member needs to manage a server's news (articles, feeds, the daily digest). */
export const MANAGE_SERVER: readonly bigint[] = Object.freeze([PermissionFlagsBits.ManageGuild]);

/**
 * The posting rule of a news command whose `channel` option names where the bot will post later
 * (a feed's announcements, the daily round-up): the bot must be able to post an embed there; the
 * member needs nothing beyond the command's own permissions, and no posting cooldown applies.
 */
export const POSTS_LATER_IN_CHANNEL: NonNullable<CommandRules['posts']> = Object.freeze({
  option: 'channel',
  cooldown: 0,
  memberPermissions: [],
  botPermissions: EMBED_POSTING_PERMISSIONS,
});

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
    /**
     * A channel option the waiving option cannot be used with (/watch add dm:true with channel:):
     * such a use is refused with `message` before any permission is checked.
     */
    exceptOptionNotWith?: { option: string; message: string };
  };
  /**
   * The command works on the news desk (`ctx.news`: articles, feeds, digest), named as the
   * feature, e.g. "Adding articles": when the bot runs without news in, the member is told
   * "Adding articles is not set up on this bot." instead of the command running.
   */
  news?: string;
}

/** Runs one subcommand of a command (CommandModule.subcommands). */
export type SubcommandHandler = (interaction: ChatInputCommandInteraction, ctx: CommandContext) => Promise<Outcome>;

/** What every slash command module (commands/*.ts) exports besides its handler(s). */
interface CommandDefinition {
  /** The definition sent to Discord (a SlashCommandBuilder). */
  data: { name: string; toJSON(): unknown };
  /** Cooldown, posting, member permissions and news desk, checked by the dispatcher before a handler runs. */
  rules?: CommandRules;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<Outcome | void>;
}

/**
 * A slash command module (commands/*.ts): its definition, rules, autocomplete and either one
 * `execute` handler or, for a command with subcommands, a table of them by name. The dispatcher
 * runs the subcommand the member used and answers any other; loading checks that the table and
 * the definition's subcommands are the same.
 */
export type CommandModule = CommandDefinition &
  (
    | { execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<Outcome | void>; subcommands?: never }
    | { subcommands: Readonly<Record<string, SubcommandHandler>>; execute?: never }
  );
