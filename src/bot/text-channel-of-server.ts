import type { ChatInputCommandInteraction, GuildTextBasedChannel } from 'discord.js';

/**
 * The text channel `id` of the interaction's own server, one the bot can send to; null for a
 * channel of another server (the bot-wide channel cache holds every server's channels, so the
 * channel's server is checked, never assumed), a channel that is not text, an unknown one, or an
 * interaction outside a server. Every command with a channel option (/summary, /feed add,
 * /digest schedule) gets its channel through here, by way of the dispatcher's rules check.
 */
export function textChannelOfServer(interaction: ChatInputCommandInteraction, id: string): GuildTextBasedChannel | null {
  const guildId = interaction.guildId;
  if (!guildId) return null;
  const channel = interaction.guild?.channels.cache.get(id) ?? interaction.client.channels.cache.get(id);
  if (!channel || !('guildId' in channel) || channel.guildId !== guildId) return null;
  if (!channel.isTextBased() || !('send' in channel)) return null;
  return channel;
}
