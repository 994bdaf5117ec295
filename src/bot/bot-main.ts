import 'dotenv/config';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openCorpusStore, type CorpusStore } from '../engine/corpus-store.ts';
import { readOutbox, type OutboxRead } from '../news/announcement-outbox.ts';
import { checkDiscordAccess } from './check-discord-access.ts';
import { DIGEST_STATE_FILE, readDigestState, type DigestStateRead } from '../news/digest.ts';
import { readConfig, type Config } from '../config.ts';
import { announcementsFile, openDiscordNewsDesk } from './discord-news-desk.ts';
import { toBotProcess } from './read-bot-config.ts';
import { mirrorServerArticles } from '../store/mirror-articles.ts';
import { openDatabase, type Database } from '../store/pg/open-database.ts';
import { openPgStorage } from '../store/pg/open-pg-storage.ts';
import type { ServerStorage } from '../store/server-storage.ts';
import { prepareWordVectors } from '../search/vectors/prepare-word-vectors.ts';
import { serveMetrics, type ServedMetrics } from './serve-metrics.ts';
import { ownsGuildOn, shardsOfClient, shardsOfProcess } from './shard-of-guild.ts';
import { startBot, StartupError, type RunningBot } from './start-bot.ts';

/** How long SIGINT/SIGTERM may take in all before the process exits anyway, in ms. */
const SHUTDOWN_DEADLINE_MS = 4500;
/** Of which draining in-flight replies and announcements, in ms. */
const DRAIN_MS = 3000;

/**
 * The bot process: reads the configuration, reads the digest state and the announcement outbox
 * (its shard's own), checks that Discord accepts the token, loads and watches the corpus, logs in,
 * and on SIGINT/SIGTERM drains and logs out cleanly (exit 0 within 5 s). Also the entry each
 * shard runs (src/bot/sharded.ts).
 * Every fatal start-up problem (invalid configuration, unreadable state, a token Discord refuses,
 * an API that fails or cannot be reached, a gateway that never gets ready) is one log line and
 * a non-zero exit code, returned; otherwise it runs until a signal and returns null.
 */
export async function runBot(read: Config | { error: string } = readConfig(process.env)): Promise<number | null> {
  const proc = toBotProcess(read, 'pilcrow', { secret: process.env.DISCORD_TOKEN });
  if (!proc) return 1;
  const { config, log } = proc;
  let bot: RunningBot | undefined;
  let starting: Promise<RunningBot> | undefined;
  let store: CorpusStore | undefined;
  let served: ServedMetrics | undefined;
  let database: Database | undefined;
  let exiting = false;
  /** Drains the bot (when it runs), closes the store and exits; a signal during start-up exits at once. */
  const exit = (code: number, drainMs: number): void => {
    if (exiting) return;
    exiting = true;
    setTimeout(() => {
      log.warn('shutdown took too long; exiting now');
      process.exit(code);
    }, SHUTDOWN_DEADLINE_MS).unref();
    // While logging in, the bot may already answer: let the start finish (within the deadline), then drain it.
    const running = bot ? Promise.resolve(bot) : (starting ?? Promise.resolve(undefined)).catch(() => undefined);
    void running
      .then((b) => b?.stop(drainMs))
      .catch((err: unknown) => log.error({ err }, 'stopping the bot failed'))
      .finally(async () => {
        store?.close();
        await served?.server.close();
        await database?.close().catch(() => undefined);
        process.exit(code);
      });
  };
  // Installed first, so that a SIGTERM while starting (a deploy, a restart) also ends cleanly with 0.
  const shutdown = (signal: string): void => {
    log.info({ signal }, 'shutting down');
    exit(0, DRAIN_MS);
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  const fail = (message: string): number => {
    log.fatal(message);
    return 1;
  };
  if (config.metricsPort !== null) {
    // Served from the start, so /healthz says "unavailable" while the bot starts, not nothing.
    const result = await serveMetrics(
      { port: config.metricsPort, host: config.metricsHost, shards: shardsOfProcess(process.env) },
      { corpus: () => store?.current(), client: () => bot?.client },
    );
    if ('error' in result) return fail(result.error);
    served = result;
    log.info({ url: served.server.url }, 'serving /healthz and /metrics');
  }
  let digestState: DigestStateRead | undefined;
  if (config.digestChannelId) {
    try {
      digestState = await readDigestState(path.join(config.cacheDir, DIGEST_STATE_FILE));
    } catch (err) {
      return fail(`${err instanceof Error ? err.message : String(err)} (fix its permissions, or remove it to start the digest afresh)`);
    }
  }
  // Each shard has its own outbox (announcementsFile); the client is made later, so its shards are
  // read from the environment, as discord.js reads them.
  const outboxFile = path.join(config.cacheDir, announcementsFile(shardsOfProcess(process.env)));
  let outbox: OutboxRead | undefined;
  let storage: ServerStorage | undefined;
  if (config.databaseUrl) {
    // Several hosts: the servers' data is in PostgreSQL; the articles of the servers this process owns are copied to DATA_DIR first.
    const opened = await openDatabase(config.databaseUrl, {
      onError: (err) => log.warn({ err }, 'a database connection broke; a new one is made at the next query'),
    });
    if ('error' in opened) return fail(opened.error);
    database = opened;
    if (opened.applied.length > 0) log.info({ migrations: opened.applied }, 'database migrations applied');
    const ownsGuild = ownsGuildOn(shardsOfProcess(process.env));
    try {
      storage = await openPgStorage(opened, { ownsGuild, log: log.child({ component: 'storage' }) });
      const copied = await mirrorServerArticles(storage.articles, config.dataDir, ownsGuild);
      log.info(copied, "servers' articles copied from the database");
    } catch (err) {
      await opened.close().catch(() => undefined);
      return fail(`cannot read the servers' data from the database: ${err instanceof Error ? err.message : String(err)}`);
    }
  } else {
    try {
      outbox = await readOutbox(outboxFile);
    } catch (err) {
      return fail(
        `${err instanceof Error ? err.message : String(err)} (fix its permissions; removing it may announce queued articles twice or never)`,
      );
    }
  }
  const stopDatabase = async (): Promise<void> => {
    await database?.close().catch(() => undefined);
  };
  const refused = await checkDiscordAccess(config.discordToken, config.discordApiUrl);
  if (refused) {
    await stopDatabase();
    return fail(refused);
  }
  // Search by meaning (/related "demonstrations" finding "protests") needs this process's word
  // vectors: the search index is loaded here, and each question is embedded here. A first
  // conversion runs in the background; until it is done, search is by words only.
  await prepareWordVectors({
    cacheDir: config.cacheDir,
    convert: 'background',
    warn: (message, err) => log.warn({ err }, message),
    info: (message) => log.info(message),
  });
  const opened = await openCorpusStore({ dataDir: config.dataDir, cacheDir: config.cacheDir, watch: true, log });
  if ('error' in opened) {
    await stopDatabase();
    return fail(opened.error);
  }
  store = opened;
  try {
    starting = startBot({
      config,
      log,
      source: store,
      digestState,
      observe: served?.metrics.interaction,
      news: ({ client, source, run, log: newsLog }) => {
        const shards = shardsOfClient(client);
        // The outbox read above is this shard's (discord.js reads the same environment); were it
        // another's, the announcer reads its own at start.
        const own = path.join(config.cacheDir, announcementsFile(shards)) === outboxFile;
        return openDiscordNewsDesk({
          dataDir: config.dataDir,
          cacheDir: config.cacheDir,
          allowPrivateUrls: config.allowPrivateUrls,
          client,
          source,
          run,
          log: newsLog,
          outbox: own ? outbox : undefined,
          shards,
          observe: served?.metrics,
          storage,
        });
      },
      onFatal: (message) => {
        log.fatal(message);
        exit(1, 0);
      },
    });
    bot = await starting;
  } catch (err) {
    store.close();
    await stopDatabase();
    if (exiting) return null; // a signal arrived while logging in: the exit is under way
    if (err instanceof StartupError) return fail(err.message);
    log.fatal({ err }, 'the bot could not start');
    return 1;
  }
  return null;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await runBot();
  if (code !== null) process.exit(code);
}
