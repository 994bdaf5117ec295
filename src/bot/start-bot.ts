import path from 'node:path';
import { Events, type Client } from 'discord.js';
import type { Logger } from 'pino';
import { completeOption } from '../answers/autocomplete.ts';
import { prepareAnswers, runCommand } from '../answers/run-command.ts';
import { checkDeployment } from './check-deployment.ts';
import { createClient } from './client.ts';
import { BOT_DEFAULTS, type BotSettings, type CommandModule, type CompleteOption, type RunCommand } from './command-module.ts';
import { createCooldowns } from './cooldowns.ts';
import {
  DIGEST_STATE_FILE,
  startDigest,
  type CorpusSource,
  type Digest,
  type DigestStateRead,
  type RetrySettings,
} from '../news/digest.ts';
import { discordAnnouncementPoster } from './discord-announcement-poster.ts';
import { createDispatcher } from './dispatcher.ts';
import { loadCommands } from './load-commands.ts';
import type { RunningNewsDesk } from '../news/news-desk.ts';
import { createPageMemory } from './page-ids.ts';
import { isFirstShard, shardsOfClient } from './shard-of-guild.ts';

/** What the bot needs to run; everything with I/O is passed in. */
export interface StartBotOptions {
  config: {
    discordToken: string | null;
    discordApiUrl: string | null;
    digestChannelId: string | null;
    /** DISCORD_GUILD_ID: where the commands are deployed (absent or null: globally), for the start's deployment check. */
    guildId?: string | null;
    cacheDir: string;
  };
  log: Logger;
  /** Told of every interaction handled (metrics): command, outcome, latency. */
  observe?: (event: { command: string; outcome: string; latencyMs: number }) => void;
  /** The live corpus (a CorpusStore). */
  source: CorpusSource;
  /** Command modules by name; default: every module in commands/. */
  commands?: ReadonlyMap<string, CommandModule>;
  /** Answer functions; default the engine's runCommand and completeOption. */
  run?: RunCommand;
  complete?: CompleteOption;
  /** Milliseconds since the epoch; default Date.now. */
  clock?: () => number;
  settings?: Partial<BotSettings>;
  /** How long to wait for the gateway to be ready, in ms; default 30 000. */
  readyTimeoutMs?: number;
  /** The digest state as read at start-up (readDigestState), so that an unreadable one stops the start before logging in. */
  digestState?: DigestStateRead;
  /** Digest retry delays (tests shorten them). */
  digestRetry?: Partial<RetrySettings>;
  /** Called when the gateway session is lost for good (Discord invalidated it): the process should exit non-zero. */
  onFatal?: (message: string) => void;
  /**
   * News in (src/news/news-desk.ts, opened by src/bot/discord-news-desk.ts): made once the client exists, before logging in, so that
   * /article, /feed and /digest work from the first interaction; started (announcer, feed
   * polling, digest schedules) once the gateway is ready, on every shard for the servers it owns;
   * stopped before the client. Absent: those commands say they are not set up.
   */
  news?: (parts: { client: Client; source: CorpusSource; run: RunCommand; log: Logger }) => RunningNewsDesk;
}

/** A logged-in bot. */
export interface RunningBot {
  client: Client;
  /** The digest, when DIGEST_CHANNEL_ID is set. */
  digest: Digest | null;
  /** News in, when the bot was given it. */
  news: RunningNewsDesk | null;
  /**
   * Drains, then logs out and closes the gateway connection: interactions being answered and the
   * announcement being posted are finished first (at most `drainMs`, default 3000), retries
   * waiting for their time are left to the next start. Safe to call twice.
   */
  stop(drainMs?: number): Promise<void>;
}

/** A start-up failure whose message is the whole story (no stack trace needed). */
export class StartupError extends Error {}

/**
 * Logs the bot in and wires everything: the one interaction dispatcher, gateway health
 * logging (discord.js reconnects and resumes by itself after a dropped connection), and the
 * digest channel. Resolves once the client is ready and the digest started; if anything fails
 * on the way, the client is destroyed before the error is thrown — never a half-started bot.
 */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config, log } = options;
  if (!config.discordToken) throw new Error('startBot needs DISCORD_TOKEN');
  const clock = options.clock ?? Date.now;
  const run = options.run ?? runCommand;
  const commands = options.commands ?? (await loadCommands());
  const client = createClient(config);
  const news = options.news?.({ client, source: options.source, run, log }) ?? null;
  const dispatch = createDispatcher({
    commands,
    log,
    observe: options.observe,
    context: {
      corpus: () => options.source.current(),
      run,
      complete: options.complete ?? completeOption,
      clock,
      cooldowns: createCooldowns(clock),
      pages: createPageMemory(),
      settings: { ...BOT_DEFAULTS, ...options.settings },
      ...(news ? { news: news.desk } : {}),
    },
  });
  const inFlight = new Set<Promise<void>>();
  // What answers look up per corpus is built in the background now and after every swap, not by a member's command.
  void prepareAnswers(options.source.current());
  options.source.onChange((corpus) => void prepareAnswers(corpus));
  client.on(Events.InteractionCreate, (interaction) => {
    const handled = dispatch(interaction).catch(() => undefined);
    inFlight.add(handled);
    void handled.finally(() => inFlight.delete(handled));
  });
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shardId) => log.warn({ shardId, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shardId) => log.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, 'gateway resumed'));
  client.on(Events.ShardError, (err, shardId) => log.error({ err, shardId }, 'gateway error'));
  client.on(Events.Invalidated, () => options.onFatal?.('Discord invalidated the gateway session; the bot cannot go on'));

  let timer: ReturnType<typeof setTimeout> | undefined;
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  const ready = new Promise<void>((resolve, reject) => {
    timer = setTimeout(
      () => reject(new StartupError(`the Discord gateway did not become ready within ${Math.round(readyTimeoutMs / 1000)} s`)),
      readyTimeoutMs,
    );
    client.once(Events.ClientReady, () => resolve());
  });
  ready.catch(() => undefined);
  let digest: Digest | null = null;
  let stopping: Promise<void> | null = null;
  const stop = (drainMs = 3000): Promise<void> => {
    stopping ??= (async () => {
      const deadline = clock() + drainMs;
      const waitUntilDeadline = (work: Promise<unknown>) =>
        Promise.race([work, new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - clock())).unref())]);
      // News in stops at once, while answers are drained, so it has the whole drain time: feeds first (no new
      // checks; the one under way finishes), then the schedules, then the announcer (the post in flight is drained, its state written).
      const newsStopped = news?.stop().catch((err: unknown) => log.error({ err }, 'stopping news in failed'));
      while (inFlight.size > 0 && clock() < deadline) await waitUntilDeadline(Promise.allSettled([...inFlight]));
      if (digest) await waitUntilDeadline(digest.stop());
      if (newsStopped) await waitUntilDeadline(newsStopped);
      if (inFlight.size > 0) log.warn({ interactions: inFlight.size }, 'stopping with interactions still being answered');
      await client.destroy();
      log.info('bot stopped');
    })();
    return stopping;
  };
  try {
    try {
      await client.login(config.discordToken);
    } catch (err) {
      throw new StartupError(`could not log in to Discord: ${err instanceof Error ? err.message : String(err)}`);
    }
    await ready;
    clearTimeout(timer);
    log.info(
      { user: client.user?.tag, guilds: client.guilds.cache.size, shards: client.shard?.ids, commands: [...commands.keys()] },
      'bot ready',
    );
    // Set-up mistakes a newcomer makes (not invited yet, commands never or no longer deployed), said once.
    if (client.isReady() && isFirstShard(shardsOfClient(client)))
      void checkDeployment({ client, commands, guildId: config.guildId ?? null }, log.child({ component: 'setup' }));
    // News in runs on every shard, for the servers Discord routes to it (src/bot/shard-of-guild.ts); the
    // DIGEST_CHANNEL_ID digest of shared articles, one channel for all, on shard 0 only, so each article is posted once.
    if (news) await news.start();
    if (config.digestChannelId && isFirstShard(shardsOfClient(client))) {
      digest = await startDigest({
        poster: discordAnnouncementPoster(client, run),
        source: options.source,
        channelId: config.digestChannelId,
        stateFile: path.join(config.cacheDir, DIGEST_STATE_FILE),
        log: log.child({ component: 'digest' }),
        initial: options.digestState,
        retry: options.digestRetry,
      });
    }
  } catch (err) {
    clearTimeout(timer);
    await stop(0);
    throw err;
  }
  return { client, digest, news, stop };
}
