/** The server data of the servers a process owns, in PostgreSQL (see src/store/server-storage.ts). */
import type { Logger } from 'pino';
import type { ServerStorage } from '../server-storage.ts';
import type { Database } from './open-database.ts';
import { pgArticleRecords } from './pg-article-records.ts';
import { openPgFeedStore } from './pg-feed-store.ts';
import { openPgOutbox } from './pg-outbox-store.ts';
import { pgScheduleStore } from './pg-schedule-store.ts';
import { pgWatchStore } from './pg-watch-store.ts';

export interface PgStorageOptions {
  /** Which servers this process owns (its shards'): their feeds and queued announcements are read. */
  ownsGuild: (guildId: string) => boolean;
  log: Logger;
  /** Lease and claim durations (tests shorten them). */
  feedLeaseMs?: number;
  announcementClaimMs?: number;
}

export async function openPgStorage(db: Database, options: PgStorageOptions): Promise<ServerStorage> {
  const { pool, owner } = db;
  const { log, ownsGuild } = options;
  return {
    feeds: await openPgFeedStore({
      pool,
      owner,
      ownsGuild,
      leaseMs: options.feedLeaseMs,
      onInvalid: (guildId, feedId, problem) => log.warn({ guildId, feedId, problem }, 'a stored feed is invalid; it is not polled'),
    }),
    schedules: pgScheduleStore({ pool, owner }),
    watches: pgWatchStore(pool),
    articles: pgArticleRecords(pool),
    outbox: await openPgOutbox({
      pool,
      owner,
      ownsGuild,
      claimMs: options.announcementClaimMs,
      onInvalid: (key, problem) => log.warn({ key, problem }, 'a queued announcement in the database is invalid; not posting it'),
    }),
  };
}
