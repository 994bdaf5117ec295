/**
 * What a bot process keeps of its servers when it does not keep it in files (DATABASE_URL): the
 * feeds, the digest schedules, the articles' record and the announcement outbox, from one store.
 */
import type { OutboxState, OutboxStore } from './announcement-outbox.ts';
import type { ArticleRecords } from './article-records.ts';
import type { FeedStateStore } from './feed-state-store.ts';
import type { ScheduleStore } from './schedule-store.ts';
import type { WatchStore } from './watch-store.ts';

export interface ServerStorage {
  feeds: FeedStateStore;
  schedules: ScheduleStore;
  /** The servers' watches (/watch); absent: kept in files (data/guilds/<guild id>/watches.json). */
  watches?: WatchStore;
  articles: ArticleRecords;
  /** The outbox of the servers the process owns, as read at start, and where it is written. */
  outbox: { initial: OutboxState; store: OutboxStore };
}
