import type { FeedService } from '../feeds/feed-service.ts';
import type { ArticleLibrary } from '../library/article-library.ts';
import type { UserError } from '../model/user-error.ts';
import type { FetchPage } from '../web/fetch-page.ts';
import type { WatchBook } from '../watch/watch-book.ts';

/** What /digest needs of the daily digest schedules (src/news/digest-schedule.ts). */
export interface ScheduleDesk {
  /** Sets (or replaces) a server's daily round-up; a bad time or zone is a user error. */
  set(
    guildId: string,
    request: { channelId: string; time: string; timezone: string },
  ): Promise<{ time: string; timezone: string } | UserError<string>>;
  /** Turns a server's round-up off; the schedule there was, or null. */
  off(guildId: string): Promise<unknown>;
}

/** What is read of the announcer (src/news/announcer.ts). */
export interface AnnouncerView {
  /** Resolves when nothing is being posted and nothing is ready to post. */
  idle(): Promise<void>;
  /** How many announcements are queued. */
  pending(): number;
}

/**
 * News in, as the /article, /feed and /digest handlers get it (`ctx.news`): the article
 * library, the feeds, the daily digest schedules, the announcer that posts new articles (once
 * the bot is ready, for the servers this process's shards own) and the safe fetcher (attachments
 * are downloaded through it). Made by openNewsDesk (src/news/news-desk.ts); declared apart from it so
 * that the command context does not depend on the announcer, which depends on the context's types.
 */
export interface NewsDesk {
  library: ArticleLibrary;
  feeds: FeedService;
  schedules: ScheduleDesk;
  /** The announcer once started; null before. */
  announcer(): AnnouncerView | null;
  fetchPage: FetchPage;
  /** The servers' watches (/watch); absent when the bot runs without them. */
  watches?: WatchBook;
}
