/** The feed service's contract (plan11.md, H3): what the bot's commands and the announcer see. */
import type { Logger } from 'pino';
import type { ArticleLibrary } from '../library/article-library.ts';
import type { Timers } from '../model/timers.ts';
import type { UserError } from '../model/user-error.ts';
import type { FeedStateStore } from '../store/feed-state-store.ts';
import type { FetchPage } from '../web/fetch-page.ts';
import type { FeedTiming } from './feed-schedule.ts';
import type { FeedOutcome } from '../store/guild-feeds-file.ts';

export type { FeedOutcome };

/** A new item, stored as an article, to post in the feed's channel. */
export interface FeedAnnouncement {
  guildId: string;
  channelId: string;
  articleId: string;
  feedId: string;
  /** The item's page. */
  link: string | null;
}

/** One subscription as an admin sees it (`/feed list`, `/feed status`). */
export interface FeedStatus {
  id: string;
  url: string;
  /** The feed's own title, from its last document. */
  title: string | null;
  channelId: string;
  intervalMinutes: number;
  /** ISO 8601 times. */
  lastCheckedAt: string | null;
  nextCheckAt: string | null;
  lastOutcome: FeedOutcome | null;
  /** What the last check found and, when nothing was delivered, why, for a person. */
  lastMessage: string | null;
  itemsSeen: number;
  articlesAdded: number;
  consecutiveFailures: number;
}

/** The result of `add`: the new subscription and what happened to the items already in the feed. */
export interface FeedAdded {
  feed: FeedStatus;
  /** Current items stored as articles now, without announcing them. */
  stored: number;
  /** Current items the library had already (the same story from elsewhere). */
  alreadyStored: number;
  /** Current items that could not be stored (their page failed): not retried, they are old news. */
  failed: number;
}

export type FeedErrorCode =
  | 'bad-server'
  | 'bad-channel'
  | 'bad-url'
  | 'bad-interval'
  | 'fetch-failed'
  | 'not-a-feed'
  | 'already-subscribed'
  | 'too-many-feeds'
  | 'unknown-feed'
  | 'unavailable'
  | 'write-failed';

export interface FeedService {
  /** Fetches and validates the feed now, stores its current items (no announcement), schedules it. */
  add(guildId: string, url: string, channelId: string, intervalMinutes?: number): Promise<FeedAdded | UserError<FeedErrorCode>>;
  /** The server's subscriptions, oldest first, with their last check (`/feed list` and `/feed status` show them); none outside a server. */
  list(guildId: string): FeedStatus[];
  /** Unsubscribes (by feed id, or by its address); a check under way is stopped first. */
  remove(guildId: string, feedId: string): Promise<FeedStatus | UserError<FeedErrorCode>>;
  /** Begins polling the feeds of every server it owns (reads their data/guilds/<id>/feeds.json). */
  start(): void;
  /** No new checks; the check under way stops taking new items and finishes those in hand; state written. */
  stop(): Promise<void>;
  /** Checks one feed now (whatever its schedule) and resolves with its status after the check. */
  checkNow(guildId: string, feedId: string): Promise<FeedStatus | UserError<FeedErrorCode>>;
  /** Resolves when no check is under way (tests, benchmarks). */
  idle(): Promise<void>;
}

export interface FeedServiceOptions {
  /** The data folder: feeds live in `<dataDir>/guilds/<guild id>/feeds.json` unless `store` is given. */
  dataDir: string;
  /** Where the feeds are kept; default the files of `dataDir` (src/store/file-feed-store.ts). */
  store?: FeedStateStore;
  /** Fetches the feeds and their items' pages (the safe fetcher: src/web/fetch-page.ts). */
  fetchPage: FetchPage;
  /** Where items become articles (src/library/article-library.ts). */
  library: ArticleLibrary;
  /** Durable enqueue (the bot's announcer outbox); resolves once recorded. Keyed by server + article, so a repeat is harmless. */
  announce: (announcement: FeedAnnouncement) => Promise<void>;
  /** Milliseconds since the epoch; default Date.now. */
  clock?: () => number;
  /** The service's logger (lines carry the server and feed). */
  log: Logger;
  /** Default: the global setTimeout/clearTimeout, unref'd (UNREF_TIMERS); tests drive time with their own. */
  timers?: Timers;
  /** Intervals, backoff and Retry-After caps; default FEED_TIMING. */
  timing?: Partial<FeedTiming>;
  /** Item pages fetched and stored at once, across all feeds; default 4. */
  pageConcurrency?: number;
  /** Feeds checked at once; default 2. */
  checkConcurrency?: number;
  /**
   * Whether this process polls a server's feeds (under sharding, the shard Discord routes the
   * server to); default every server. `start` reads and polls only those; a feed added for another server is stored, not polled.
   */
  ownsGuild?: (guildId: string) => boolean;
  /** Told how each check of a feed this process held ended: its outcome, or `error` when it could not run (metrics). */
  onCheck?: (outcome: string) => void;
}
