import path from 'node:path';
import type { Logger } from 'pino';
import { scopeCorpus } from '../engine/scope-corpus.ts';
import { openFeedService } from '../feeds/feed-service.ts';
import { openArticleLibrary } from '../library/article-library.ts';
import type { ServerStorage } from '../store/server-storage.ts';
import { createPageFetcher, type FetchPage } from '../web/fetch-page.ts';
import type { OutboxRead } from '../store/announcement-outbox.ts';
import { processFiles, type ProcessFiles } from './process-files.ts';
import { openAnnouncer, startAnnouncer, type Announcer } from './announcer.ts';
import type { CorpusSource, RetrySettings } from './posting-options.ts';
import type { AnnouncementPoster } from './announcement-poster.ts';
import type { RoundupPoster } from './roundup-poster.ts';
import type { NewsDesk } from './news-desk-interface.ts';
import { openDigestSchedules, type DigestSchedules } from './digest-schedule.ts';
import { fileWatchStore } from '../store/file-watch-store.ts';
import { openWatchBook } from '../watch/watch-book.ts';
import { startWatchAlerts, type WatchAlerts } from './watch-alerts.ts';
import { watchSeenFile } from './watch-seen-file.ts';

export type { NewsDesk } from './news-desk-interface.ts';

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
  /** How announcements and watch alerts reach the chat (the bot's: src/bot/discord-announcement-poster.ts). */
  announcementPoster: AnnouncementPoster;
  /** How daily round-ups reach the chat (the bot's: src/bot/discord-roundup-poster.ts). */
  roundupPoster: RoundupPoster;
  source: CorpusSource;
  log: Logger;
  clock?: () => number;
  /** The announcement outbox as read at start-up (so that an unreadable one stops the start before logging in). */
  outbox?: OutboxRead;
  /** Announcement retry delays (tests shorten them). */
  retry?: Partial<RetrySettings>;
  /** Replaces the safe fetcher (tests). */
  fetchPage?: FetchPage;
  /** Whether this process runs a server (under sharding, the shard Discord routes it to: src/bot/shard-of-guild.ts); default every server. */
  ownsGuild?: (guildId: string) => boolean;
  /** The names of this process's files in cacheDir (outbox, watch-seen); default processFiles(null) (each shard has its own: src/bot/discord-news-desk.ts). */
  files?: ProcessFiles;
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
 * Opens the library, the feeds and the digest schedules on DATA_DIR (nothing runs yet: the
 * handlers can add, list and remove at once); `start` adds the announcer (its outbox in
 * CACHE_DIR: files.outbox), feed polling and the schedules of the servers this
 * process owns (every server when not sharded).
 */
export function openNewsDesk(options: NewsDeskOptions): RunningNewsDesk {
  const { log } = options;
  const clock = options.clock ?? Date.now;
  const fetchPage = options.fetchPage ?? createPageFetcher({ allowPrivateUrls: options.allowPrivateUrls });
  const { storage } = options;
  const library = openArticleLibrary({ dataDir: options.dataDir, fetchPage, clock, records: storage?.articles });
  const ownsGuild = options.ownsGuild ?? (() => true);
  const files = options.files ?? processFiles(null);
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
    poster: options.roundupPoster,
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
        poster: options.announcementPoster,
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
            file: path.join(options.cacheDir, files.outbox),
            initial: options.outbox,
          });
      alerts = startWatchAlerts({
        source: options.source,
        book: watches,
        outbox: () => announcer,
        seen: watchSeenFile(path.join(options.cacheDir, files.watchSeen)),
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
