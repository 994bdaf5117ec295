/**
 * When each feed is checked: one timer per feed at its next check time, one check of a feed at
 * a time (and across processes, the store's lease), a check that could not run counted as a
 * failure and tried again later. See check-feed.ts for what one check does.
 */
import type { Logger } from 'pino';
import type { ArticleLibrary } from '../library/article-library.ts';
import type { Timers } from '../model/timers.ts';
import type { FeedStateStore } from '../store/feed-state-store.ts';
import type { FetchPage } from '../web/fetch-page.ts';
import { checkFeed } from './check-feed.ts';
import { describeFeedFailure } from './describe-check.ts';
import { delayBeforeNextCheck, type FeedTiming } from './feed-schedule.ts';
import type { FeedRecord } from '../store/guild-feeds-file.ts';
import type { FeedAnnouncement } from './feed-types.ts';
import type { GuildFeeds } from './guild-feeds.ts';
import type { Limit } from './limit-concurrency.ts';

/** The longest a timer waits in one go (Node's limit is about 24.8 days); longer waits are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What polling needs; the feed service passes its own (src/feeds/feed-types.ts: FeedServiceOptions). */
export interface FeedPollingOptions {
  /** Where the feeds are kept; its lease decides which process checks a feed. */
  store: FeedStateStore;
  /** Fetches a feed and its items' pages. */
  fetchPage: FetchPage;
  /** Where new items become articles. */
  library: ArticleLibrary;
  /** Durable enqueue of a new item's announcement (FeedServiceOptions.announce). */
  announce: (announcement: FeedAnnouncement) => Promise<void>;
  log: Logger;
  /** Milliseconds since the epoch. */
  clock: () => number;
  /** The timers each feed's next check waits on. */
  timers: Timers;
  /** Intervals, backoff and Retry-After caps. */
  timing: FeedTiming;
  /** Page fetches, shared with adding feeds. */
  pageLimit: Limit;
  /** Feeds checked at once. */
  checkLimit: Limit;
  /** Aborted when the service stops: no timer is set, every check under way is aborted. */
  stopping: AbortSignal;
  /** Whether this process polls the server (sharding). */
  ownsGuild: (guildId: string) => boolean;
  /** Told how each check ended (metrics). */
  onCheck?: (outcome: string) => void;
}

/** The checks of every feed, by their timers. */
export interface FeedPolling {
  /** From now on feeds get timers (before, `schedule` does nothing: the service is open but not polling). */
  begin(): void;
  /** Sets the feed's timer for its next check (replacing the one it had), unless polling has not begun, is stopping, or the server is not ours. */
  schedule: (guild: GuildFeeds, feed: FeedRecord) => void;
  /** Checks the feed now unless a check of it is under way (then that one is awaited); reschedules after. */
  runCheck(guild: GuildFeeds, feed: FeedRecord): Promise<void>;
  /** Clears the feed's timer and aborts its check under way, resolving when that check has ended (the feed is already out of `guild.feeds`). */
  cancel(guildId: string, feedId: string): Promise<void>;
  /** Clears every timer (when stopping). */
  clearTimers(): void;
  /** The checks under way. */
  running(): Array<Promise<void>>;
}

export function startFeedPolling(options: FeedPollingOptions): FeedPolling {
  const { store, log, clock, timers, timing, stopping } = options;
  /** Per feed (server/feed id), its timer. */
  const timerHandles = new Map<string, unknown>();
  /** Per feed, its check under way and how to abort it. */
  const running = new Map<string, { promise: Promise<void>; controller: AbortController }>();
  let begun = false;

  const keyOf = (guildId: string, feedId: string): string => `${guildId}/${feedId}`;

  function schedule(guild: GuildFeeds, feed: FeedRecord): void {
    if (!begun || stopping.aborted || !options.ownsGuild(guild.guildId)) return;
    const key = keyOf(guild.guildId, feed.id);
    const previous = timerHandles.get(key);
    if (previous !== undefined) timers.clearTimeout(previous);
    const due = feed.nextCheckAt === null ? clock() : Date.parse(feed.nextCheckAt);
    const delay = Math.max(0, due - clock());
    const handle = timers.setTimeout(
      () => {
        timerHandles.delete(key);
        if (!guild.feeds.includes(feed)) return;
        if (delay > MAX_TIMER_MS) schedule(guild, feed);
        else void runCheck(guild, feed);
      },
      Math.min(delay, MAX_TIMER_MS),
    );
    timerHandles.set(key, handle);
  }

  function runCheck(guild: GuildFeeds, feed: FeedRecord): Promise<void> {
    const key = keyOf(guild.guildId, feed.id);
    const under = running.get(key);
    if (under) return under.promise;
    const controller = new AbortController();
    const onStop = (): void => controller.abort(stopping.reason);
    stopping.addEventListener('abort', onStop, { once: true });
    const promise = options
      .checkLimit(async () => {
        if (controller.signal.aborted || !guild.feeds.includes(feed)) return;
        // One process checks a feed at a time (under several hosts, the store's lease decides), on its latest stored state.
        const lease = await store.lease(guild.guildId, feed.id);
        if (lease.kind === 'gone') {
          log.info({ guildId: guild.guildId, feedId: feed.id }, 'a feed was removed elsewhere; no longer polled here');
          guild.feeds.splice(guild.feeds.indexOf(feed), 1);
          return;
        }
        if (lease.kind === 'busy') {
          // Checked elsewhere now: looked at again after its interval (in memory only; the stored state is the other's).
          feed.nextCheckAt = new Date(
            clock() + delayBeforeNextCheck({ intervalMinutes: feed.intervalMinutes, failures: 0 }, timing),
          ).toISOString();
          return;
        }
        if (lease.fresh !== null) Object.assign(feed, lease.fresh);
        try {
          await checkHeld(guild, feed, controller.signal);
          options.onCheck?.(feed.lastOutcome ?? 'unknown');
        } finally {
          await store
            .release(guild.guildId, feed.id)
            .catch((err: unknown) => log.warn({ err, feedId: feed.id }, 'releasing a feed lease failed'));
        }
      })
      .catch(async (err: unknown) => {
        // A bug or a failed state write: logged, and the feed tried again later as after a failure.
        log.error({ err, guildId: guild.guildId, feedId: feed.id }, 'feed check failed');
        options.onCheck?.('error');
        feed.failures += 1;
        const next = clock() + delayBeforeNextCheck(feed, timing);
        feed.nextCheckAt = new Date(next).toISOString();
        feed.lastMessage = describeFeedFailure(
          `the check could not run (${err instanceof Error ? err.message : String(err)})`,
          next,
          false,
        );
        await guild.save().catch((saveErr: unknown) => log.error({ err: saveErr, guildId: guild.guildId }, 'writing feeds.json failed'));
      })
      .finally(() => {
        stopping.removeEventListener('abort', onStop);
        running.delete(key);
        if (guild.feeds.includes(feed)) schedule(guild, feed);
      });
    running.set(key, { promise, controller });
    return promise;
  }

  /** One check of a feed this process holds the lease of. */
  async function checkHeld(guild: GuildFeeds, feed: FeedRecord, signal: AbortSignal): Promise<void> {
    await checkFeed(feed, {
      guildId: guild.guildId,
      fetchPage: options.fetchPage,
      library: options.library,
      announce: options.announce,
      log: log.child({ guildId: guild.guildId, feedId: feed.id }),
      limit: options.pageLimit,
      signal,
      clock,
      timing,
      save: guild.save,
    });
  }

  return {
    begin() {
      begun = true;
    },
    schedule,
    runCheck,
    async cancel(guildId, feedId) {
      const key = keyOf(guildId, feedId);
      const handle = timerHandles.get(key);
      if (handle !== undefined) timers.clearTimeout(handle);
      timerHandles.delete(key);
      const under = running.get(key);
      if (under) {
        under.controller.abort(new Error('feed removed'));
        await under.promise;
      }
    },
    clearTimers() {
      for (const handle of timerHandles.values()) timers.clearTimeout(handle);
      timerHandles.clear();
    },
    running: () => [...running.values()].map((check) => check.promise),
  };
}
