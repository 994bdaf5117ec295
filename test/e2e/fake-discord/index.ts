/**
 * A Discord-compatible REST + JSON gateway server for end-to-end tests with the real
 * discord.js client, and helpers that check outgoing bodies against Discord's limits.
 */
export { startFakeDiscord } from './start-fake-discord.ts';
export { checkMessage, checkDiscordLimits, DISCORD_LIMITS } from './limits.ts';
export type {
  FakeDiscord,
  FakeDiscordOptions,
  InteractionReply,
  RecordedRequest,
  SlashExtra,
} from './types.ts';
