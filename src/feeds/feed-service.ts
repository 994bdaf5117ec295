/**
 * Feed subscriptions per server: adding (add-feed.ts: fetch and validate now, store the current
 * items without announcing them), listing, removing, and polling (feed-polling.ts: each feed
 * checked on its own interval). State lives in a FeedStateStore (`data/guilds/<guild id>/feeds.json`
 * by default, or PostgreSQL), read and written per server by guild-feeds.ts; see check-feed.ts for one check.
 */
import { UNREF_TIMERS } from '../model/timers.ts';
import { isUserError, userError, type UserError } from '../model/user-error.ts';
import { fileFeedStore } from '../store/file-feed-store.ts';
import { createFeedAdder, notInAServer, shuttingDown } from './add-feed.ts';
import { findFeed } from './feed-id.ts';
import { startFeedPolling } from './feed-polling.ts';
import { FEED_TIMING, type FeedTiming } from './feed-schedule.ts';
import { statusOf } from './feed-status.ts';
import { isGuildId, type FeedRecord } from '../store/guild-feeds-file.ts';
import type { FeedErrorCode, FeedService, FeedServiceOptions, FeedStatus } from './feed-types.ts';
import { openGuildFeeds, type GuildFeeds } from './guild-feeds.ts';
import { createLimit } from './limit-concurrency.ts';

export { MAX_FEEDS_PER_GUILD, MAX_ITEMS_ON_ADD } from './add-feed.ts';
export type { FeedAdded, FeedAnnouncement, FeedErrorCode, FeedOutcome, FeedService, FeedServiceOptions, FeedStatus } from './feed-types.ts';

export function openFeedService(options: FeedServiceOptions): FeedService {
  const clock = options.clock ?? Date.now;
  const timing: FeedTiming = { ...FEED_TIMING, ...options.timing };
  const { log } = options;
  const pageLimit = createLimit(options.pageConcurrency ?? 4);
  const store = options.store ?? fileFeedStore(options.dataDir);
  const ownsGuild = options.ownsGuild ?? (() => true);
  const stopping = new AbortController();
  const guilds = openGuildFeeds({ store, log, clock });
  const polling = startFeedPolling({
    store,
    fetchPage: options.fetchPage,
    library: options.library,
    announce: options.announce,
    log,
    clock,
    timers: options.timers ?? UNREF_TIMERS,
    timing,
    pageLimit,
    checkLimit: createLimit(options.checkConcurrency ?? 2),
    stopping: stopping.signal,
    ownsGuild,
    onCheck: options.onCheck,
  });
  const adder = createFeedAdder({
    guilds,
    fetchPage: options.fetchPage,
    library: options.library,
    log,
    clock,
    timing,
    pageLimit,
    stopping: stopping.signal,
    schedule: polling.schedule,
  });
  let started = false;

  /** The server's feed named by id or address, or the user error saying there is none. */
  function feedOf(guildId: string, feedId: string): { guild: GuildFeeds; feed: FeedRecord } | UserError<FeedErrorCode> {
    if (!isGuildId(guildId)) return notInAServer();
    const guild = guilds.get(guildId);
    const feed = findFeed(guild.feeds, feedId);
    if (!feed) return userError('unknown-feed', `this server follows no feed "${feedId.slice(0, 100)}": /feed list shows the ids`);
    return { guild, feed };
  }

  async function remove(guildId: string, feedId: string): Promise<FeedStatus | UserError<FeedErrorCode>> {
    const found = feedOf(guildId, feedId);
    if (isUserError(found)) return found;
    const { guild, feed } = found;
    const index = guild.feeds.indexOf(feed);
    // Out of the list first: a check under way then neither reschedules it nor writes it back.
    guild.feeds.splice(index, 1);
    await polling.cancel(guildId, feed.id);
    try {
      await guild.save();
    } catch (err) {
      log.error({ err, guildId, file: guild.file }, 'writing feeds.json failed');
      guild.feeds.splice(Math.min(index, guild.feeds.length), 0, feed);
      polling.schedule(guild, feed);
      return userError('write-failed', 'the feed could not be removed (the bot could not write its data folder): try again later');
    }
    log.info({ guildId, feedId: feed.id }, 'feed removed');
    return statusOf(feed);
  }

  async function checkNow(guildId: string, feedId: string): Promise<FeedStatus | UserError<FeedErrorCode>> {
    const found = feedOf(guildId, feedId);
    if (isUserError(found)) return found;
    if (stopping.signal.aborted) return shuttingDown();
    await polling.runCheck(found.guild, found.feed);
    return statusOf(found.feed);
  }

  function start(): void {
    if (started || stopping.signal.aborted) return;
    started = true;
    polling.begin();
    let entries: string[] = [];
    try {
      entries = store.guilds().filter((guildId) => isGuildId(guildId) && ownsGuild(guildId));
    } catch (err) {
      log.warn({ err }, 'the servers folder cannot be read: no feed is polled');
    }
    for (const guildId of entries) guilds.get(guildId);
    let count = 0;
    for (const guild of guilds.loaded())
      for (const feed of guild.feeds) {
        polling.schedule(guild, feed);
        count += 1;
      }
    log.info({ guilds: guilds.count(), feeds: count }, 'feed polling started');
  }

  async function idle(): Promise<void> {
    for (;;) {
      const underWay = [...polling.running(), ...adder.adding()];
      if (underWay.length === 0) return;
      await Promise.allSettled<unknown>(underWay);
    }
  }

  async function stop(): Promise<void> {
    if (!stopping.signal.aborted) stopping.abort(new Error('feed service stopping'));
    polling.clearTimers();
    await idle();
    for (const guild of guilds.loaded()) await guild.flushed();
    log.info('feed polling stopped');
  }

  return {
    add: adder.add,
    list: (guildId) => (isGuildId(guildId) ? guilds.get(guildId).feeds.map(statusOf) : []),
    remove,
    start,
    stop,
    checkNow,
    idle,
  };
}
