/**
 * /feed add: validate the request, fetch and parse the feed now, store its current items without
 * announcing them (the newest MAX_ITEMS_ON_ADD; the rest only marked seen), then save and schedule
 * the new subscription. One add of a feed at a time per server.
 */
import type { Logger } from 'pino';
import type { ArticleLibrary } from '../library/article-library.ts';
import { isDiscordId } from '../model/discord-id.ts';
import { isUserError, userError, type UserError } from '../model/user-error.ts';
import type { FetchPage, FetchResult } from '../web/fetch-page.ts';
import { formatTime } from './describe-check.ts';
import { feedIdFor, normaliseFeedUrl } from './feed-id.ts';
import { delayBeforeNextCheck, validateInterval, type FeedTiming } from './feed-schedule.ts';
import { statusOf } from './feed-status.ts';
import { isGuildId, rememberSeen, seenKeys, type FeedRecord } from '../store/guild-feeds-file.ts';
import type { FeedAdded, FeedErrorCode } from './feed-types.ts';
import type { GuildFeeds, GuildFeedsBook } from './guild-feeds.ts';
import type { Limit } from './limit-concurrency.ts';
import { orderOldestFirst } from './order-items.ts';
import { parseFeedDocument } from './parse-feed.ts';
import { storeItems } from './store-items.ts';

/** Feeds one server may follow. */
export const MAX_FEEDS_PER_GUILD = 50;

/** Current items stored when a feed is added (the newest); older ones are only marked seen. */
export const MAX_ITEMS_ON_ADD = 100;

/** What adding a feed needs; the feed service passes its own. */
export interface AddFeedOptions {
  /** The servers' feeds, where the new one is added and saved. */
  guilds: GuildFeedsBook;
  /** Fetches the feed and its current items' pages. */
  fetchPage: FetchPage;
  /** Where the current items become articles (not announced). */
  library: ArticleLibrary;
  log: Logger;
  /** Milliseconds since the epoch. */
  clock: () => number;
  /** Checks the interval asked for and sets the first check. */
  timing: FeedTiming;
  /** Page fetches, shared with polling. */
  pageLimit: Limit;
  /** Aborted when the service stops: an add under way gives up with 'unavailable'. */
  stopping: AbortSignal;
  /** Sets the new feed's timer (src/feeds/feed-polling.ts). */
  schedule: (guild: GuildFeeds, feed: FeedRecord) => void;
}

/** Adding feeds, and the adds under way. */
export interface FeedAdder {
  add: (guildId: string, url: string, channelId: string, intervalMinutes?: number) => Promise<FeedAdded | UserError<FeedErrorCode>>;
  /** The adds under way. */
  adding(): Array<Promise<unknown>>;
}

/** The refusal of a request made while the service stops. */
export const shuttingDown = (): UserError<FeedErrorCode> => userError('unavailable', 'the bot is shutting down: try again in a minute');

/** The refusal of a server id that is not one (a direct message). */
export const notInAServer = (): UserError<FeedErrorCode> =>
  userError('bad-server', 'feeds are followed in a server, not in direct messages');

export function createFeedAdder(options: AddFeedOptions): FeedAdder {
  const { log, clock, timing, stopping } = options;
  /** Per feed (server/feed id), its add under way. */
  const adding = new Map<string, Promise<unknown>>();

  async function add(
    guildId: string,
    url: string,
    channelId: string,
    intervalMinutes?: number,
  ): Promise<FeedAdded | UserError<FeedErrorCode>> {
    if (!isGuildId(guildId)) return notInAServer();
    if (!isDiscordId(channelId)) return userError('bad-channel', `not a channel id: ${channelId}`);
    const interval = validateInterval(intervalMinutes, timing);
    if (isUserError(interval)) return interval;
    const normalised = normaliseFeedUrl(url);
    if (normalised === null) return userError('bad-url', `that is not a web address (http or https): ${url.slice(0, 200)}`);
    if (stopping.aborted) return shuttingDown();
    const guild = options.guilds.get(guildId);
    if (guild.unavailable !== null)
      return userError('unavailable', `this server's feed list cannot be used right now: ${guild.unavailable}`);
    const id = feedIdFor(normalised);
    const key = `${guildId}/${id}`;
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

  async function subscribe(
    guild: GuildFeeds,
    id: string,
    url: string,
    channelId: string,
    intervalMinutes: number,
  ): Promise<FeedAdded | UserError<FeedErrorCode>> {
    let result: FetchResult;
    try {
      result = await options.fetchPage(url, { accept: 'feed', signal: stopping });
    } catch (err) {
      if (stopping.aborted) return shuttingDown();
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
      limit: options.pageLimit,
      signal: stopping,
      log,
      guildId: guild.guildId,
      feedUrl: url,
    });
    for (const outcome of await Promise.all(results)) {
      if (outcome.kind === 'stored') stored.stored += 1;
      else if (outcome.kind === 'existed') stored.alreadyStored += 1;
      else if (outcome.kind === 'failed') stored.failed += 1;
    }
    if (stopping.aborted) return shuttingDown();

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
    options.schedule(guild, feed);
    log.info({ guildId: guild.guildId, feedId: id, url, ...stored }, 'feed added');
    return { feed: statusOf(feed), ...stored };
  }

  return { add, adding: () => [...adding.values()] };
}

function alreadySubscribed(feed: FeedRecord): UserError<FeedErrorCode> {
  return userError('already-subscribed', `this server follows that feed already (feed ${feed.id}, posting in channel ${feed.channelId})`);
}

/** The status line of a feed just added: what became of the items already in it. */
function describeAdded(counts: { stored: number; alreadyStored: number; failed: number }, items: number, now: number): string {
  const parts = [
    `added ${formatTime(now)} with ${items} item${items === 1 ? '' : 's'} in the feed: ${counts.stored} stored without announcing`,
  ];
  if (counts.alreadyStored > 0) parts.push(`${counts.alreadyStored} already in the library`);
  if (counts.failed > 0) parts.push(`${counts.failed} could not be stored`);
  if (items > MAX_ITEMS_ON_ADD) parts.push(`the ${items - MAX_ITEMS_ON_ADD} oldest only marked as seen`);
  return `${parts.join('; ')}; new items from now on are announced`;
}
