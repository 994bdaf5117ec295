/**
 * Feed subscriptions per server: adding (fetch and validate now, store the current items without
 * announcing them), listing, removing, and the poller that checks each feed on its own interval.
 * State lives in a FeedStateStore (`data/guilds/<guild id>/feeds.json` by default, or PostgreSQL);
 * see check-feed.ts for one check.
 */
import { isDiscordId } from '../model/discord-id.ts';
import { isUserError, userError, type UserError } from '../model/user-error.ts';
import type { FetchResult } from '../web/fetch-page.ts';
import { checkFeed } from './check-feed.ts';
import { describeFeedFailure, formatTime } from './describe-check.ts';
import { feedIdFor, findFeed, normaliseFeedUrl } from './feed-id.ts';
import { delayBeforeNextCheck, FEED_TIMING, validateInterval, type FeedTiming } from './feed-schedule.ts';
import { fileFeedStore } from '../store/file-feed-store.ts';
import { isGuildId, rememberSeen, seenKeys, type FeedRecord } from './feed-store.ts';
import type { FeedAdded, FeedErrorCode, FeedService, FeedServiceOptions, FeedStatus, FeedTimers } from './feed-types.ts';
import { createLimit, type Limit } from './limit-concurrency.ts';
import { orderOldestFirst } from './order-items.ts';
import { parseFeedDocument } from './parse-feed.ts';
import { storeItems } from './store-items.ts';

export type {
  FeedAdded,
  FeedAnnouncement,
  FeedErrorCode,
  FeedOutcome,
  FeedService,
  FeedServiceOptions,
  FeedStatus,
  FeedTimers,
} from './feed-types.ts';

/** Feeds one server may follow. */
export const MAX_FEEDS_PER_GUILD = 50;

/** Current items stored when a feed is added (the newest); older ones are only marked seen. */
export const MAX_ITEMS_ON_ADD = 100;

/** A server's subscriptions in memory, and how they reach the disk. */
interface GuildFeeds {
  guildId: string;
  /** Where its feeds are stored (for log lines). */
  file: string;
  feeds: FeedRecord[];
  /** Why the file cannot be written (it exists but could not be read, nor set aside): adding is refused. */
  unavailable: string | null;
  /** Writes the file; concurrent calls share one write after the one under way. */
  save: () => Promise<void>;
  /** Resolves when no write is under way. */
  flushed: () => Promise<void>;
}

interface RunningCheck {
  promise: Promise<void>;
  controller: AbortController;
}

const REAL_TIMERS: FeedTimers = {
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/** The longest a timer waits in one go (Node's limit is about 24.8 days); longer waits are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function openFeedService(options: FeedServiceOptions): FeedService {
  const clock = options.clock ?? Date.now;
  const timers = options.timers ?? REAL_TIMERS;
  const timing: FeedTiming = { ...FEED_TIMING, ...options.timing };
  const { log } = options;
  const pageLimit: Limit = createLimit(options.pageConcurrency ?? 4);
  const checkLimit: Limit = createLimit(options.checkConcurrency ?? 2);
  const guilds = new Map<string, GuildFeeds>();
  const timerHandles = new Map<string, unknown>();
  const running = new Map<string, RunningCheck>();
  const adding = new Map<string, Promise<unknown>>();
  const stopping = new AbortController();
  const ownsGuild = options.ownsGuild ?? (() => true);
  const store = options.store ?? fileFeedStore(options.dataDir);
  let started = false;

  const keyOf = (guildId: string, feedId: string): string => `${guildId}/${feedId}`;

  function createWriter(guild: Omit<GuildFeeds, 'save' | 'flushed'>): Pick<GuildFeeds, 'save' | 'flushed'> {
    let current: Promise<void> | null = null;
    let next: Promise<void> | null = null;
    const write = (): Promise<void> => {
      const promise = store.write(guild.guildId, guild.feeds).finally(() => {
        if (current === promise) current = null;
      });
      current = promise;
      return promise;
    };
    return {
      save() {
        if (next) return next;
        if (!current) return write();
        next = current
          .catch(() => undefined)
          .then(() => {
            next = null;
            return write();
          });
        return next;
      },
      async flushed() {
        while (current || next) await (next ?? current)?.catch(() => undefined);
      },
    };
  }

  /** The server's feeds, read from disk the first time (synchronously: the file is small). */
  function loadGuild(guildId: string): GuildFeeds {
    const known = guilds.get(guildId);
    if (known) return known;
    const file = store.describe(guildId);
    const read = store.read(guildId);
    const base: Omit<GuildFeeds, 'save' | 'flushed'> = { guildId, file, feeds: [], unavailable: null };
    if (read.kind === 'valid') base.feeds = read.feeds;
    if (read.kind === 'invalid') {
      const copy = store.setAside(guildId, clock());
      if (copy === null) base.unavailable = `${file} is invalid (${read.problem}) and could not be copied aside`;
      log.warn(
        { guildId, file, problem: read.problem, copy },
        'feeds.json is invalid: its feeds are not polled; a copy was kept and the file is rewritten at the next change',
      );
    }
    if (read.kind === 'unreadable') {
      base.unavailable = `${file} cannot be read (${read.problem})`;
      log.warn({ guildId, file, problem: read.problem }, 'feeds.json cannot be read: its feeds are not polled');
    }
    const guild: GuildFeeds = Object.assign(base, createWriter(base));
    guilds.set(guildId, guild);
    return guild;
  }

  function statusOf(feed: FeedRecord): FeedStatus {
    return {
      id: feed.id,
      url: feed.url,
      title: feed.title,
      channelId: feed.channelId,
      intervalMinutes: feed.intervalMinutes,
      lastCheckedAt: feed.lastCheckedAt,
      nextCheckAt: feed.nextCheckAt,
      lastOutcome: feed.lastOutcome,
      lastMessage: feed.lastMessage,
      itemsSeen: feed.itemsSeen,
      articlesAdded: feed.articlesAdded,
      consecutiveFailures: feed.failures,
    };
  }

  function statuses(guildId: string): FeedStatus[] {
    if (!isGuildId(guildId)) return [];
    return loadGuild(guildId).feeds.map(statusOf);
  }

  function schedule(guild: GuildFeeds, feed: FeedRecord): void {
    if (!started || stopping.signal.aborted || !ownsGuild(guild.guildId)) return;
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

  /** Checks the feed unless a check of it is under way (then that one is awaited); reschedules after. */
  function runCheck(guild: GuildFeeds, feed: FeedRecord): Promise<void> {
    const key = keyOf(guild.guildId, feed.id);
    const under = running.get(key);
    if (under) return under.promise;
    const controller = new AbortController();
    const onStop = (): void => controller.abort(stopping.signal.reason);
    stopping.signal.addEventListener('abort', onStop, { once: true });
    const promise = checkLimit(async () => {
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
        await checkFeedHeld(guild, feed, controller);
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
        stopping.signal.removeEventListener('abort', onStop);
        running.delete(key);
        if (guild.feeds.includes(feed)) schedule(guild, feed);
      });
    running.set(key, { promise, controller });
    return promise;
  }

  /** One check of a feed this process holds the lease of. */
  async function checkFeedHeld(guild: GuildFeeds, feed: FeedRecord, controller: AbortController): Promise<void> {
    await checkFeed(feed, {
      guildId: guild.guildId,
      fetchPage: options.fetchPage,
      library: options.library,
      announce: options.announce,
      log: log.child({ guildId: guild.guildId, feedId: feed.id }),
      limit: pageLimit,
      signal: controller.signal,
      clock,
      timing,
      save: guild.save,
    });
  }

  async function add(
    guildId: string,
    url: string,
    channelId: string,
    intervalMinutes?: number,
  ): Promise<FeedAdded | UserError<FeedErrorCode>> {
    if (!isGuildId(guildId)) return userError('bad-server', 'feeds are followed in a server, not in direct messages');
    if (!isDiscordId(channelId)) return userError('bad-channel', `not a channel id: ${channelId}`);
    const interval = validateInterval(intervalMinutes, timing);
    if (isUserError(interval)) return interval;
    const normalised = normaliseFeedUrl(url);
    if (normalised === null) return userError('bad-url', `that is not a web address (http or https): ${url.slice(0, 200)}`);
    if (stopping.signal.aborted) return userError('unavailable', 'the bot is shutting down: try again in a minute');
    const guild = loadGuild(guildId);
    if (guild.unavailable !== null)
      return userError('unavailable', `this server's feed list cannot be used right now: ${guild.unavailable}`);
    const id = feedIdFor(normalised);
    const key = keyOf(guildId, id);
    const existing = guild.feeds.find((feed) => feed.id === id);
    if (existing) return alreadySubscribed(existing);
    if (adding.has(key)) return userError('already-subscribed', `that feed is being added already (feed ${id})`);
    if (guild.feeds.length >= MAX_FEEDS_PER_GUILD)
      return userError('too-many-feeds', `a server follows at most ${MAX_FEEDS_PER_GUILD} feeds: remove one first (/feed remove)`);
    const work = subscribe(guild, id, normalised, channelId, interval);
    adding.set(key, work);
    try {
      return await work;
    } finally {
      adding.delete(key);
    }
  }

  function alreadySubscribed(feed: FeedRecord): UserError<FeedErrorCode> {
    return userError('already-subscribed', `this server follows that feed already (feed ${feed.id}, posting in channel ${feed.channelId})`);
  }

  async function subscribe(
    guild: GuildFeeds,
    id: string,
    url: string,
    channelId: string,
    intervalMinutes: number,
  ): Promise<FeedAdded | UserError<FeedErrorCode>> {
    let result: FetchResult;
    try {
      result = await options.fetchPage(url, { accept: 'feed', signal: stopping.signal });
    } catch (err) {
      if (stopping.signal.aborted) return userError('unavailable', 'the bot is shutting down: try again in a minute');
      throw err;
    }
    if (result.kind === 'refused')
      return userError(
        result.refusal.code === 'wrong-type' ? 'not-a-feed' : 'fetch-failed',
        `could not add the feed: ${result.refusal.message}`,
      );
    if (result.kind === 'not-modified')
      return userError('fetch-failed', `could not add the feed: ${new URL(url).host} answered 304 Not Modified to a plain request`);
    const parsed = parseFeedDocument(result.page);
    if (parsed.kind === 'not-a-feed') return userError('not-a-feed', parsed.message);
    // A redirect may lead to a feed this server follows already.
    const finalUrl = normaliseFeedUrl(result.page.url);
    const sameFeed = finalUrl === null ? undefined : guild.feeds.find((feed) => feed.url === finalUrl || feed.id === feedIdFor(finalUrl));
    if (sameFeed) return alreadySubscribed(sameFeed);

    const now = clock();
    const ordered = orderOldestFirst(parsed.items);
    const toStore = ordered.slice(-MAX_ITEMS_ON_ADD);
    const stored = { stored: 0, alreadyStored: 0, failed: 0 };
    const results = storeItems(toStore, {
      fetchPage: options.fetchPage,
      library: options.library,
      limit: pageLimit,
      signal: stopping.signal,
      log,
      guildId: guild.guildId,
      feedUrl: url,
    });
    for (const outcome of await Promise.all(results)) {
      if (outcome.kind === 'stored') stored.stored += 1;
      else if (outcome.kind === 'existed') stored.alreadyStored += 1;
      else if (outcome.kind === 'failed') stored.failed += 1;
    }
    if (stopping.signal.aborted) return userError('unavailable', 'the bot is shutting down: try again in a minute');

    const feed: FeedRecord = {
      id,
      url,
      title: parsed.title,
      channelId,
      intervalMinutes,
      addedAt: new Date(now).toISOString(),
      etag: result.page.etag,
      lastModified: result.page.lastModified,
      lastCheckedAt: new Date(now).toISOString(),
      nextCheckAt: new Date(clock() + delayBeforeNextCheck({ intervalMinutes, failures: 0 }, timing)).toISOString(),
      lastDeliveredAt: null,
      failures: 0,
      lastOutcome: null,
      lastMessage: describeAdded(stored, parsed.items.length, now),
      seen: [],
      pending: {},
      itemsSeen: 0,
      articlesAdded: stored.stored,
    };
    rememberSeen(feed, ordered, new Set(ordered.flatMap(seenKeys)), now);
    guild.feeds.push(feed);
    try {
      await guild.save();
    } catch (err) {
      log.error({ err, guildId: guild.guildId, file: guild.file }, 'writing feeds.json failed');
      guild.feeds.splice(guild.feeds.indexOf(feed), 1);
      return userError('write-failed', 'the feed could not be saved (the bot could not write its data folder): try again later');
    }
    schedule(guild, feed);
    log.info({ guildId: guild.guildId, feedId: id, url, ...stored }, 'feed added');
    return { feed: statusOf(feed), ...stored };
  }

  function describeAdded(counts: { stored: number; alreadyStored: number; failed: number }, items: number, now: number): string {
    const parts = [
      `added ${formatTime(now)} with ${items} item${items === 1 ? '' : 's'} in the feed: ${counts.stored} stored without announcing`,
    ];
    if (counts.alreadyStored > 0) parts.push(`${counts.alreadyStored} already in the library`);
    if (counts.failed > 0) parts.push(`${counts.failed} could not be stored`);
    if (items > MAX_ITEMS_ON_ADD) parts.push(`the ${items - MAX_ITEMS_ON_ADD} oldest only marked as seen`);
    return `${parts.join('; ')}; new items from now on are announced`;
  }

  async function remove(guildId: string, feedId: string): Promise<FeedStatus | UserError<FeedErrorCode>> {
    if (!isGuildId(guildId)) return userError('bad-server', 'feeds are followed in a server, not in direct messages');
    const guild = loadGuild(guildId);
    const feed = findFeed(guild.feeds, feedId);
    if (!feed) return userError('unknown-feed', `this server follows no feed "${feedId.slice(0, 100)}": /feed list shows the ids`);
    const key = keyOf(guildId, feed.id);
    const index = guild.feeds.indexOf(feed);
    // Out of the list first: a check under way then neither reschedules it nor writes it back.
    guild.feeds.splice(index, 1);
    const handle = timerHandles.get(key);
    if (handle !== undefined) timers.clearTimeout(handle);
    timerHandles.delete(key);
    const under = running.get(key);
    if (under) {
      under.controller.abort(new Error('feed removed'));
      await under.promise;
    }
    try {
      await guild.save();
    } catch (err) {
      log.error({ err, guildId, file: guild.file }, 'writing feeds.json failed');
      guild.feeds.splice(Math.min(index, guild.feeds.length), 0, feed);
      schedule(guild, feed);
      return userError('write-failed', 'the feed could not be removed (the bot could not write its data folder): try again later');
    }
    log.info({ guildId, feedId: feed.id }, 'feed removed');
    return statusOf(feed);
  }

  function start(): void {
    if (started || stopping.signal.aborted) return;
    started = true;
    let entries: string[] = [];
    try {
      entries = store.guilds().filter((guildId) => isGuildId(guildId) && ownsGuild(guildId));
    } catch (err) {
      log.warn({ err }, 'the servers folder cannot be read: no feed is polled');
    }
    for (const guildId of entries) loadGuild(guildId);
    let count = 0;
    for (const guild of guilds.values())
      for (const feed of guild.feeds) {
        schedule(guild, feed);
        count += 1;
      }
    log.info({ guilds: guilds.size, feeds: count }, 'feed polling started');
  }

  async function idle(): Promise<void> {
    while (running.size > 0 || adding.size > 0)
      await Promise.allSettled<unknown>([...[...running.values()].map((r) => r.promise), ...adding.values()]);
  }

  async function stop(): Promise<void> {
    if (!stopping.signal.aborted) stopping.abort(new Error('feed service stopping'));
    for (const handle of timerHandles.values()) timers.clearTimeout(handle);
    timerHandles.clear();
    await idle();
    for (const guild of guilds.values()) await guild.flushed();
    log.info('feed polling stopped');
  }

  async function checkNow(guildId: string, feedId: string): Promise<FeedStatus | UserError<FeedErrorCode>> {
    if (!isGuildId(guildId)) return userError('bad-server', 'feeds are followed in a server, not in direct messages');
    const guild = loadGuild(guildId);
    const feed = findFeed(guild.feeds, feedId);
    if (!feed) return userError('unknown-feed', `this server follows no feed "${feedId.slice(0, 100)}": /feed list shows the ids`);
    if (stopping.signal.aborted) return userError('unavailable', 'the bot is shutting down: try again in a minute');
    await runCheck(guild, feed);
    return statusOf(feed);
  }

  return { add, list: statuses, remove, status: statuses, start, stop, checkNow, idle };
}
