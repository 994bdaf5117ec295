import { ChannelType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { MANAGE_SERVER, POSTS_LATER_IN_CHANNEL } from '../src/bot/command-module.ts';
import type { CommandContext, CommandRules, Outcome, SubcommandHandler } from '../src/bot/command-module.ts';
import { newsAndServer, replyPrivately } from '../src/bot/news-replies.ts';
import { completeTimeZone, readClockTime, readTimeZone } from '../src/model/read-schedule-options.ts';
import { isUserError, userError } from '../src/model/user-error.ts';
import { textPayload } from '../src/render/discord/discord-payload.ts';

/** /digest schedule | off: one daily round-up of the articles added since the last one. */
export const data = new SlashCommandBuilder()
  .setName('digest')
  .setDescription('A daily round-up of the articles added since the last one (Manage Server)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((s) =>
    s
      .setName('schedule')
      .setDescription('Post the round-up in a channel every day at a time')
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription('Where the round-up is posted')
          .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement)
          .setRequired(true),
      )
      .addStringOption((o) => o.setName('time').setDescription('Time of day, 24-hour HH:MM (e.g. 08:00)').setMaxLength(5).setRequired(true))
      .addStringOption((o) =>
        o
          .setName('timezone')
          .setDescription('Time zone, e.g. Europe/Paris (default UTC)')
          .setAutocomplete(true)
          .setMaxLength(64)
          .setRequired(false),
      ),
  )
  .addSubcommand((s) => s.setName('off').setDescription('Stop the daily round-up'));

/** Both need Manage Server; the round-up's channel is checked like a post (the bot must see, send and embed there). */
export const rules: CommandRules = {
  cooldown: 2,
  guildOnly: true,
  manage: {
    memberPermissions: MANAGE_SERVER,
    purposes: { schedule: 'schedule the daily digest', off: 'stop the daily digest' },
  },
  posts: POSTS_LATER_IN_CHANNEL,
  news: 'The daily digest',
};

/** /digest schedule channel: time: [timezone]. */
async function schedule(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<Outcome> {
  const { news, guildId } = newsAndServer(interaction, ctx);
  if (!ctx.postTo) return replyPrivately(interaction, userError('bad-option', 'Pick a text channel of this server for the round-up.'));
  const time = readClockTime(interaction.options.getString('time') ?? '');
  if (isUserError(time)) return replyPrivately(interaction, time);
  const timezone = readTimeZone(interaction.options.getString('timezone') ?? 'UTC');
  if (isUserError(timezone)) return replyPrivately(interaction, timezone);
  const set = await news.schedules.set(guildId, { channelId: ctx.postTo.id, time, timezone });
  if (isUserError(set)) return replyPrivately(interaction, set);
  await interaction.reply({
    ...textPayload(
      `Every day at ${time} (${timezone}) I'll post a round-up of the articles added since the last one in <#${ctx.postTo.id}>. Stop it with /digest off.`,
    ),
    flags: MessageFlags.Ephemeral,
  });
  return 'answered';
}

/** /digest off. */
async function off(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<Outcome> {
  const { news, guildId } = newsAndServer(interaction, ctx);
  const was = await news.schedules.off(guildId);
  const text = was ? 'The daily round-up is off.' : 'There was no daily round-up to stop.';
  await interaction.reply({ ...textPayload(text), flags: MessageFlags.Ephemeral });
  return 'answered';
}

/** The handler of each subcommand (the dispatcher runs the one used). */
export const subcommands: Readonly<Record<string, SubcommandHandler>> = { schedule, off };

/** Suggests IANA time zones for `timezone`. */
export async function autocomplete(interaction: AutocompleteInteraction): Promise<Outcome> {
  const focused = interaction.options.getFocused(true);
  await interaction.respond(focused.name === 'timezone' ? completeTimeZone(String(focused.value ?? '')) : []);
  return 'completed';
}
