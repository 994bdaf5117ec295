/**
 * The bot with news in (feeds, links, watches, the digest) as the end-to-end tests start it in
 * their own process: the real discord.js client logged in to the fake Discord, on a watched data
 * folder, fetching from 127.0.0.1 (allowed in tests only), retrying fast. Used by
 * news-in.test.ts and watch.test.ts.
 */
import pino from 'pino';
import type { DiscordNewsDeskOptions } from '../../src/bot/discord-news-desk.ts';
import { openDiscordNewsDesk } from '../../src/bot/discord-news-desk.ts';
import { loadCommands } from '../../src/bot/load-commands.ts';
import { startBot, type RunningBot } from '../../src/bot/start-bot.ts';
import type { CorpusStore } from '../../src/engine/corpus-store.ts';
import { until } from '../support/until.ts';
import type { FakeDiscord } from './fake-discord/index.ts';

export interface NewsBotOptions {
  fake: FakeDiscord;
  store: CorpusStore;
  dataDir: string;
  cacheDir: string;
  /** When watch alerts are gathered into a round-up; the news desk's default otherwise. */
  watchAlerts?: DiscordNewsDeskOptions['watchAlerts'];
}

/** Starts the bot on the store and folders given; resolves once it has logged in. */
export async function launchNewsBot({ fake, store, dataDir, cacheDir, watchAlerts }: NewsBotOptions): Promise<RunningBot> {
  const logins = fake.sessions.logins;
  const started = await startBot({
    config: { discordToken: fake.token, discordApiUrl: fake.apiUrl, digestChannelId: null, cacheDir },
    log: pino({ level: 'silent' }),
    source: store,
    commands: await loadCommands(),
    settings: { commandCooldowns: false },
    news: ({ client, source, run, log }) =>
      openDiscordNewsDesk({
        dataDir,
        cacheDir,
        allowPrivateUrls: true,
        client,
        source,
        run,
        log,
        retry: { firstDelayMs: 200, maxDelayMs: 1000 },
        ...(watchAlerts ? { watchAlerts } : {}),
      }),
  });
  await until(() => fake.sessions.logins > logins, { timeoutMs: 10_000, what: 'the bot to log in' });
  return started;
}
