import path from 'node:path';
import type { Client } from 'discord.js';
import type { Logger } from 'pino';
import { scopeCorpus } from '../engine/scope-corpus.ts';
import { openFeedService } from '../feeds/feed-service.ts';
import { openArticleLibrary } from '../library/article-library.ts';
import type { ServerStorage } from '../store/server-storage.ts';
import { createPageFetcher, type FetchPage } from '../web/fetch-page.ts';
import { ANNOUNCEMENTS_FILE, type OutboxRead } from '../news/announcement-outbox.ts';
import { openAnnouncer, startAnnouncer, type Announcer, type CorpusSource, type RetrySettings } from '../news/announcer.ts';
import type { RunCommand } from './command-module.ts';
import { discordAnnouncementPoster } from './discord-announcement-poster.ts';
import { discordRoundupPoster } from './discord-roundup-poster.ts';
import type { NewsDesk } from '../news/news-desk-interface.ts';
import { openDigestSchedules, type DigestSchedules } from '../news/digest-schedule.ts';
import { isFirstShard, ownsGuildOn, shardsOfClient, type ShardSet } from './shard-of-guild.ts';
import { fileWatchStore } from '../store/file-watch-store.ts';
import { openWatchBook } from '../watch/watch-book.ts';
import { startWatchAlerts, type WatchAlerts } from '../news/watch-alerts.ts';

export type { NewsDesk } from '../news/news-desk-interface.ts';

/** A news desk (what handlers get, src/news/news-desk-interface.ts) and its life: started once the bot is ready, stopped before the client. */
export interface RunningNewsDesk {
  desk: NewsDesk & { schedules: DigestSchedules; announcer(): Announcer | null; alerts(): WatchAlerts | null };
  /**
   * Starts announcing, polling feeds and running digest schedules, for the servers this process
   * owns (under sharding, those Discord routes to its shards: their /feed and /digest arrive here
   * too), so each item is posted once and each server's files are written by one process.
   */
  start(): Promise<void>;
  /** Stops in order: feeds (no new checks, the one under way finished), schedules, announcer (drains the post in flight, writes its state). */
  stop(): Promise<void>;
}

/** What a news desk is made from; everything doing I/O is passed in. */
export interface NewsDeskOptions {
  dataDir: string;
  cacheDir: string;
  /** ALLOW_PRIVATE_URLS: fetch from loopback and private networks (tests only). */
  allowPrivateUrls: boolean;
  client: Client;
  source: CorpusSource;
  run: RunCommand;
  log: Logger;
  clock?: () => number;
  /** The announcement outbox as read at start-up (so that an unreadable one stops the start before logging in). */
  outbox?: OutboxRead;
  /** Announcement retry delays (tests shorten them). */
  retry?: Partial<RetrySettings>;
  /** Replaces the safe fetcher (tests). */
  fetchPage?: FetchPage;
  /** The shards this process runs; default the client's (`client.shard`), null when not sharded. */
  shards?: ShardSet | null;
  /**
   * Where the servers' feeds, schedules, articles and outbox are kept (DATABASE_URL: PostgreSQL,
   * src/store/pg/open-pg-storage.ts); default the files of DATA_DIR and CACHE_DIR.
   */
  storage?: ServerStorage;
  /** Watch alert timings (tests shorten the quiet period). */
  watchAlerts?: { quietMs?: number; maxWaitMs?: number; roundupAfter?: number };
  /** Told how feed checks end and what happens to announcements (metrics). */
  observe?: { feedCheck: (outcome: string) => void; announcement: (event: 'queued' | 'posted' | 'failed') => void };
}

/**
 * The announcement outbox of a process in CACHE_DIR: `announcements.json` when not sharded and
 * for shard 0 (the name it always had, so existing state stays valid), `announcements-shard-<n>.json`
 * for the process whose lowest shard is n (shards share the cache; each announces its own servers).
 */
export function announcementsFile(shards: ShardSet | null): string {
  if (!shards || isFirstShard(shards) || shards.ids.length === 0) return ANNOUNCEMENTS_FILE;
  return `announcements-shard-${Math.min(...shards.ids)}.json`;
}

/**
 * Opens the library, the feeds and the digest schedules on DATA_DIR (nothing runs yet: the
 * handlers can add, list and remove at once); `start` adds the announcer (its outbox in
 * CACHE_DIR, one per shard: announcementsFile), feed polling and the schedules of the servers this
 * process owns (every server when not sharded).
 */
export function openNewsDesk(options: NewsDeskOptions): RunningNewsDesk {
  const { log } = options;
  const clock = options.clock ?? Date.now;
  const fetchPage = options.fetchPage ?? createPageFetcher({ allowPrivateUrls: options.allowPrivateUrls });
  const { storage } = options;
  const library = openArticleLibrary({ dataDir: options.dataDir, fetchPage, clock, records: storage?.articles });
  const shards = options.shards !== undefined ? options.shards : shardsOfClient(options.client);
  const ownsGuild = ownsGuildOn(shards);
  let announcer: Announcer | null = null;
  const feeds = openFeedService({
    dataDir: options.dataDir,
    store: storage?.feeds,
    fetchPage,
    library,
    clock,
    log: log.child({ component: 'feeds' }),
    ownsGuild,
    onCheck: options.observe?.feedCheck,
    announce: async (a) => {
      // Feeds are polled only once the announcer has started (start below), so it is there.
      if (!announcer) throw new Error('a feed item was announced before the announcer started');
      const filter = await watches.feedFilter(a.guildId, a.feedId);
      const only = filter ? { feedId: filter.feedId, kind: filter.kind, value: filter.value } : undefined;
      await announcer.enqueue({
        guildId: a.guildId,
        channelId: a.channelId,
        articleId: a.articleId,
        link: a.link,
        ...(only ? { only } : {}),
      });
    },
  });
  const schedules = openDigestSchedules({
    dataDir: options.dataDir,
    store: storage?.schedules,
    poster: discordRoundupPoster(options.client),
    source: options.source,
    scope: scopeCorpus,
    clock,
    log: log.child({ component: 'digest-schedules' }),
    ownsGuild,
  });
  const watches = openWatchBook({
    store: storage?.watches ?? fileWatchStore(options.dataDir),
    clock,
    onInvalid: (guildId, problem) => log.warn({ guildId, problem }, "a server's stored watches are invalid; read as none"),
  });
  const desk = { library, feeds, schedules, announcer: () => announcer, fetchPage, watches, alerts: () => alerts };
  let alerts: WatchAlerts | null = null;
  let started = false;
  return {
    desk,
    async start() {
      if (started) return;
      started = true;
      const announcing = {
        poster: discordAnnouncementPoster(options.client, options.run),
        source: options.source,
        scope: scopeCorpus,
        clock,
        retry: options.retry,
        log: log.child({ component: 'announcer' }),
        onEvent: options.observe?.announcement,
        onHeldBack: (item: { guildId: string | null; only?: { feedId: string } }) => {
          if (!item.guildId || !item.only) return;
          void watches
            .heldBack(item.guildId, item.only.feedId)
            .catch((err: unknown) => log.error({ err, guildId: item.guildId }, 'could not count a held-back feed item'));
        },
        onClosedDirectMessages: (item: { guildId: string | null; alert?: { watchIds: string[] } }) => {
          const guildId = item.guildId;
          if (!guildId) return;
          for (const id of item.alert?.watchIds ?? [])
            void watches
              .pause(guildId, id, 'direct messages are closed: open them and add the watch again')
              .catch((err: unknown) => log.error({ err, guildId, watchId: id }, 'could not pause a watch'));
        },
      };
      announcer = storage
        ? startAnnouncer({ ...announcing, initial: storage.outbox.initial, store: storage.outbox.store })
        : await openAnnouncer({
            ...announcing,
            cacheDir: options.cacheDir,
            file: path.join(options.cacheDir, announcementsFile(shards)),
            initial: options.outbox,
          });
      alerts = startWatchAlerts({
        source: options.source,
        book: watches,
        enqueue: () => (announcer ? (request) => announcer!.enqueue(request) : null),
        scope: scopeCorpus,
        ownsGuild,
        clock,
        log: log.child({ component: 'watch-alerts' }),
        ...options.watchAlerts,
      });
      feeds.start();
      await schedules.start();
    },
    async stop() {
      await feeds.stop();
      await schedules.stop();
      await alerts?.stop();
      await announcer?.stop();
    },
  };
}
