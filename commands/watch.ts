import {
  ChannelType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import {
  EMBED_POSTING_PERMISSIONS,
  type CommandContext,
  type CommandRules,
  type Outcome,
  type SubcommandHandler,
} from '../src/bot/command-module.ts';
import { newsAndServer, replyPrivately } from '../src/bot/news-replies.ts';
import type { WatchBook } from '../src/watch/watch-book.ts';
import { isUserError, userError } from '../src/model/user-error.ts';
import { textPayload } from '../src/render/discord/discord-payload.ts';
import { renderIdChoices } from '../src/render/discord/render-library.ts';
import { describeWatch, renderWatchAdded, renderWatchList, watchChoices } from '../src/render/discord/render-watch.ts';
import { SUGGESTION_LIMITS } from '../src/answers/autocomplete.ts';
import { completePerson } from '../src/watch/resolve-person.ts';
import { WATCH_LIMITS } from '../src/store/watch-record.ts';

/** /watch add | list | remove: people and topics a server (or a member, by direct message) follows. */
export const data = new SlashCommandBuilder()
  .setName('watch')
  .setDescription('Be told when the news quotes someone or touches a subject')
  .addSubcommand((s) =>
    s
      .setName('add')
      .setDescription('Follow a person or a topic: new articles that match post a short cited alert')
      .addStringOption((o) =>
        o.setName('person').setDescription('A person the articles name').setAutocomplete(true).setMaxLength(WATCH_LIMITS.valueLength),
      )
      .addStringOption((o) =>
        o.setName('topic').setDescription('A subject, a few words (matched by meaning)').setMaxLength(WATCH_LIMITS.valueLength),
      )
      .addBooleanOption((o) => o.setName('quoted-only').setDescription('Only when the person is quoted, not merely named'))
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription('Where alerts go (Manage Server)')
          .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      )
      .addBooleanOption((o) => o.setName('dm').setDescription('Alerts to your direct messages instead (your own watch)')),
  )
  .addSubcommand((s) => s.setName('list').setDescription("This server's watches (yours only, without Manage Server)"))
  .addSubcommand((s) =>
    s
      .setName('remove')
      .setDescription('Stop a watch')
      .addStringOption((o) =>
        o.setName('watch').setDescription('The watch to stop').setAutocomplete(true).setMaxLength(100).setRequired(true),
      ),
  );

/** A watch goes to a channel or to the member's direct messages, never both (refused before permissions are checked). */
const CHANNEL_OR_DM = 'Choose channel: or dm:true, not both.';

/**
 * A server's watches need Manage Server, except a member's own (dm:true). The channel is checked
 * like a post: a text channel of this server where the bot can send and embed.
 */
export const rules: CommandRules = {
  cooldown: 2,
  guildOnly: true,
  manage: {
    memberPermissions: [PermissionFlagsBits.ManageGuild],
    subcommands: ['add'],
    purposes: { add: 'add watches for the server (dm:true adds one for yourself)' },
    exceptOption: 'dm',
    exceptOptionNotWith: { option: 'channel', message: CHANNEL_OR_DM },
  },
  posts: { option: 'channel', cooldown: 0, memberPermissions: [], botPermissions: EMBED_POSTING_PERMISSIONS },
  news: 'Following people and topics',
};

/** Whether the member manages the server (sees and removes every watch). */
function isManager(interaction: ChatInputCommandInteraction | AutocompleteInteraction): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild, true) ?? false;
}

/** The server's watches and its id; a user error when this bot runs its news desk without watches. */
function bookAndServer(interaction: ChatInputCommandInteraction, ctx: CommandContext): { book: WatchBook; guildId: string } | null {
  const { news, guildId } = newsAndServer(interaction, ctx);
  return news.watches ? { book: news.watches, guildId } : null;
}

const NOT_SET_UP = userError('bad-option', 'Following people and topics is not set up on this bot.');

/** /watch add: a person or topic, to a channel of this server or (dm:true) to the member. */
async function add(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<Outcome> {
  const found = bookAndServer(interaction, ctx);
  if (!found) return replyPrivately(interaction, NOT_SET_UP);
  const added = await found.book.add(
    found.guildId,
    {
      person: interaction.options.getString('person'),
      topic: interaction.options.getString('topic'),
      quotedOnly: interaction.options.getBoolean('quoted-only'),
      channelId: ctx.postTo?.id ?? interaction.options.getChannel('channel')?.id ?? null,
      dm: interaction.options.getBoolean('dm'),
      userId: interaction.user.id,
    },
    ctx.corpus(),
  );
  if (isUserError(added)) return replyPrivately(interaction, added);
  ctx.log.info({ watchId: added.id, kind: added.kind, dm: added.channelId === null }, 'watch added');
  await interaction.reply({ ...renderWatchAdded(added), flags: MessageFlags.Ephemeral });
  return 'answered';
}

/** /watch list: every watch of the server to a manager, a member's own DM watches otherwise. */
async function list(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<Outcome> {
  const found = bookAndServer(interaction, ctx);
  if (!found) return replyPrivately(interaction, NOT_SET_UP);
  const manager = isManager(interaction);
  const all = await found.book.list(found.guildId);
  const shown = manager ? all : all.filter((w) => w.channelId === null && w.userId === interaction.user.id);
  await interaction.reply({ ...renderWatchList(shown, manager ? 'server' : 'yours'), flags: MessageFlags.Ephemeral });
  return 'answered';
}

/** /watch remove: any watch of the server for a manager, a member's own otherwise. */
async function remove(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<Outcome> {
  const found = bookAndServer(interaction, ctx);
  if (!found) return replyPrivately(interaction, NOT_SET_UP);
  const removed = await found.book.remove(found.guildId, interaction.options.getString('watch') ?? '', {
    userId: interaction.user.id,
    manager: isManager(interaction),
  });
  if (isUserError(removed)) return replyPrivately(interaction, removed);
  await interaction.reply({ ...textPayload(`Stopped ${describeWatch(removed)}.`), flags: MessageFlags.Ephemeral });
  return 'answered';
}

/** The handler of each subcommand (the dispatcher runs the one used). */
export const subcommands: Readonly<Record<string, SubcommandHandler>> = { add, list, remove };

/** person: people of the articles this server sees, each once; watch: the watches the member may remove. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<Outcome> {
  const focused = interaction.options.getFocused(true);
  const guildId = interaction.guildId;
  const book = ctx.news?.watches;
  if (!guildId) {
    await interaction.respond([]);
    return 'completed';
  }
  if (focused.name === 'person') {
    const names = completePerson(ctx.corpus(), String(focused.value ?? '').trim(), SUGGESTION_LIMITS);
    await interaction.respond(renderIdChoices(names.map((n) => ({ name: n, value: n }))));
    return 'completed';
  }
  if (focused.name === 'watch' && book) {
    const manager = isManager(interaction);
    const partial = String(focused.value ?? '')
      .trim()
      .toLowerCase();
    const mine = (await book.list(guildId)).filter((w) => manager || (w.channelId === null && w.userId === interaction.user.id));
    const matching = mine.filter((w) => partial === '' || w.value.toLowerCase().includes(partial) || w.id.includes(partial));
    await interaction.respond(renderIdChoices(watchChoices(matching)));
    return 'completed';
  }
  await interaction.respond([]);
  return 'completed';
}
