/**
 * A Discord-compatible REST + JSON gateway server for end-to-end tests with the real
 * discord.js client, and helpers that check outgoing bodies against Discord's limits.
 *
 * @example
 * const fake = await startFakeDiscord({ channels: [{ name: 'quiet', botCanSend: false }] });
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
 * await client.login(fake.token);
 * await fake.waitForLogin();
 * const reply = await fake.slash('quote', { speaker: 'Lukashenko' });
 * if (reply.callback.type === 5) await fake.waitForLater(reply, (l) => l.some((r) => r.method === 'PATCH'));
 * expect(checkMessage(reply.later[0]?.body ?? reply.callback.data)).toEqual([]);
 * await client.destroy();
 * await fake.close();
 */
export { startFakeDiscord } from './start-fake-discord.ts';
export { checkMessage, checkDiscordLimits, DISCORD_LIMITS } from './limits.ts';
export type { FakeAttachment, FakeDiscord, FakeDiscordOptions, InteractionReply, RecordedRequest, SlashExtra } from './types.ts';
