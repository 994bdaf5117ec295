import type { FakeDiscordOptions } from './fake-discord/index.ts';

/**
 * The fake server's channels for tests that post: #news, where everything is allowed, and one
 * channel for each permission a post can lack (the bot's Send Messages, the bot's Embed Links,
 * the member's Send Messages).
 */
export const PERMISSION_CHANNELS: NonNullable<FakeDiscordOptions['channels']> = [
  { name: 'news' },
  { name: 'bot-muted', botCanSend: false },
  { name: 'no-embeds', botCanEmbed: false },
  { name: 'announcements', memberCanSend: false },
];
