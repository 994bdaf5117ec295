import { ChannelType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { MANAGE_SERVER, POSTS_LATER_IN_CHANNEL } from '../src/bot/command-module.ts';
import type { CommandContext, CommandRules, Outcome, SubcommandHandler } from '../src/bot/command-module.ts';
import { checkMemberPermissions } from '../src/bot/manage-permission.ts';
import { newsAndServer, replyPrivately } from '../src/bot/news-replies.ts';
import { findFeed } from '../src/feeds/feed-id.ts';
import { FEED_TIMING } from '../src/feeds/feed-schedule.ts';
import { isUserError, userError } from '../src/model/user-error.ts';
import { textPayload } from '../src/render/discord/discord-payload.ts';
import { escapeAndTruncate } from '../src/render/discord/fit-text.ts';
import { renderFeedAdded, renderFeedList, renderFeedStatus, renderIdChoices } from '../src/render/discord/render-library.ts';
import { renderUserError } from '../src/render/discord/render-user-error.ts';
import { describeFeedFilter, renderFeedFilters, withFilterNote } from '../src/render/discord/render-watch.ts';
import { checkFeedOnly } from '../src/watch/watch-book.ts';

/** /feed add | list | remove | status: the RSS, Atom and JSON feeds a server follows. */
export const data = new SlashCommandBuilder()
  .setName('feed')
  .setDescription('Feeds this server follows: new items are stored and announced in a channel (Manage Server)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((s) =>
    s
      .setName('add')
      .setDescription('Follow an RSS, Atom or JSON feed; its new items are announced in a channel')
      .addStringOption((o) => o.setName('url').setDescription("The feed's https address").setMaxLength(2000).setRequired(true))
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription('Where new items are announced')
          .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement)
          .setRequired(true),
      )
      .addIntegerOption((o) =>
        o
          .setName('interval')
          .setDescription(
            `Minutes between checks (default ${FEED_TIMING.defaultIntervalMinutes}, at least ${FEED_TIMING.minIntervalMinutes})`,
          )
          .setMinValue(FEED_TIMING.minIntervalMinutes)
          .setMaxValue(FEED_TIMING.maxIntervalMinutes)
          .setRequired(false),
      )
      .addStringOption((o) =>
        o
          .setName('only')
          .setDescription('Announce only items about this person or topic ("topic:" first for a topic); others are stored')
          .setMaxLength(120)
          .setRequired(false),
      ),
  )
  .addSubcommand((s) => s.setName('list').setDescription('The feeds this server follows'))
  .addSubcommand((s) =>
    s
      .setName('remove')
      .setDescription('Stop following a feed (its stored articles stay)')
      .addStringOption((o) =>
        o.setName('feed').setDescription('The feed to stop following').setAutocomplete(true).setMaxLength(200).setRequired(true),
      ),
  )
  .addSubcommand((s) => s.setName('status').setDescription('Per feed: when it was last checked, what it found, why nothing was delivered'));

/**
 * Everything needs Manage Server (also the command's default permission, which server admins can
 * change: the rule stays checked). /feed add's channel is checked like a post: the bot must see,
 * send and embed there.
 */
export const rules: CommandRules = {
  cooldown: 2,
  guildOnly: true,
  manage: {
    memberPermissions: MANAGE_SERVER,
    purposes: { add: 'add feeds', remove: 'remove feeds', list: "see this server's feeds", status: "see this server's feeds" },
  },
  posts: POSTS_LATER_IN_CHANNEL,
  news: 'Following feeds',
};

/**
 * /feed add url: channel: [interval]: fetched and checked now; its current items are stored, not
 * announced. The interval's bounds are the feed service's (FEED_TIMING), which checks them.
 */
async function add(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<Outcome> {
  const { news, guildId } = newsAndServer(interaction, ctx);
  const channel = ctx.postTo;
  if (!channel) return replyPrivately(interaction, userError('bad-option', 'Pick a text channel of this server for the announcements.'));
  const url = interaction.options.getString('url')?.trim() ?? '';
  if (!/^https?:\/\//i.test(url)) {
    return replyPrivately(interaction, userError('bad-url', "Give the feed's address as an http or https link."));
  }
  const interval = interaction.options.getInteger('interval') ?? undefined;
  const only = interaction.options.getString('only')?.trim() || null;
  const badOnly =
    only === null ? null : news.watches ? checkFeedOnly(only) : userError('bad-option', 'Feed filters are not set up on this bot.');
  if (badOnly) return replyPrivately(interaction, badOnly);
  // Fetching the feed and storing its items takes a while: "thinking…" privately first.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const added = await news.feeds.add(guildId, url, channel.id, interval);
  if (isUserError(added)) {
    await interaction.editReply(renderUserError(added));
    return 'user-error';
  }
  ctx.log.info({ feedId: added.feed.id, stored: added.stored }, 'feed added');
  const reply = renderFeedAdded(added.feed, added.stored);
  if (only !== null && news.watches) {
    const filter = await news.watches.setFeedFilter(guildId, added.feed.id, only, ctx.corpus());
    if (isUserError(filter)) {
      await interaction.editReply(renderUserError(filter));
      return 'user-error';
    }
    await interaction.editReply(withFilterNote(reply, describeFeedFilter(filter)));
    return 'answered';
  }
  await interaction.editReply(reply);
  return 'answered';
}

/** /feed remove feed: by id or URL, else by title. */
async function remove(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<Outcome> {
  const { news, guildId } = newsAndServer(interaction, ctx);
  const wanted = interaction.options.getString('feed')?.trim() ?? '';
  const feeds = news.feeds.list(guildId);
  const feed = findFeed(feeds, wanted);
  if (!feed) {
    const message =
      feeds.length === 0 ? 'This server follows no feeds.' : `"${wanted.slice(0, 100)}" is not one of this server's feeds; see /feed list.`;
    return replyPrivately(interaction, userError('not-found', message));
  }
  const removed = await news.feeds.remove(guildId, feed.id);
  if (isUserError(removed)) return replyPrivately(interaction, removed);
  await news.watches?.removeFeedFilter(guildId, feed.id);
  const name = escapeAndTruncate(removed.title ?? removed.url, 200);
  await interaction.reply({
    ...textPayload(`No longer following **${name}**. The articles it brought stay; remove them with /article remove.`),
    flags: MessageFlags.Ephemeral,
  });
  return 'answered';
}

/** /feed list: the feeds this server follows. */
async function list(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<Outcome> {
  const { news, guildId } = newsAndServer(interaction, ctx);
  await interaction.reply({ ...renderFeedList(news.feeds.list(guildId)), flags: MessageFlags.Ephemeral });
  return 'answered';
}

/** /feed status: per feed, its last check and why nothing was delivered. */
async function status(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<Outcome> {
  const { news, guildId } = newsAndServer(interaction, ctx);
  const feeds = news.feeds.list(guildId);
  let payload = renderFeedStatus(feeds);
  const filters = news.watches ? await news.watches.feedFilters(guildId) : [];
  if (filters.length > 0) payload = withFilterNote(payload, renderFeedFilters(filters, feeds));
  await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
  return 'answered';
}

/** The handler of each subcommand (the dispatcher runs the one used). */
export const subcommands: Readonly<Record<string, SubcommandHandler>> = { add, list, remove, status };

/** Suggests this server's feeds for /feed remove, to members with Manage Server. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<Outcome> {
  const news = ctx.news;
  const focused = interaction.options.getFocused(true);
  // The feeds are an admin's to see (like /feed list).
  const admin = checkMemberPermissions(interaction, MANAGE_SERVER, "see this server's feeds", 'feed') === null;
  if (!news || focused.name !== 'feed' || !interaction.guildId || !admin) {
    await interaction.respond([]);
    return 'completed';
  }
  const partial = String(focused.value ?? '')
    .trim()
    .toLowerCase();
  const matching = news.feeds
    .list(interaction.guildId)
    .filter((f) => partial === '' || f.url.toLowerCase().includes(partial) || (f.title ?? '').toLowerCase().includes(partial));
  await interaction.respond(
    renderIdChoices(matching.map((f) => ({ name: f.title?.trim() ? `${f.title.trim()} (${f.url})` : f.url, value: f.id }))),
  );
  return 'completed';
}
