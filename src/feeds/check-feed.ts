/**
 * One check of one feed: a conditional fetch, then each new item stored and announced exactly
 * once, oldest first; the feed's record updated with what was found and when to look again.
 */
import type { Logger } from 'pino';
import type { ArticleLibrary } from '../library/article-library.ts';
import type { FetchPage, FetchRefusal, FetchResult } from '../web/fetch-page.ts';
import { describeFeedFailure, describeItems, describeNothingNew, type ItemTally } from './describe-check.ts';
import { delayBeforeNextCheck, type FeedTiming } from './feed-schedule.ts';
import { rememberSeen, seenKeys, wasSeen, type FeedOutcome, type FeedRecord } from '../store/guild-feeds-file.ts';
import type { FeedAnnouncement } from './feed-types.ts';
import type { Limit } from './limit-concurrency.ts';
import { orderOldestFirst } from './order-items.ts';
import { parseFeedDocument, type FeedItem } from './parse-feed.ts';
import { storeItems, type StoredItem } from './store-items.ts';

/** Attempts at an item whose page keeps failing before it is skipped (its reason kept in the status). */
export const MAX_ITEM_ATTEMPTS = 3;

/** New items taken by one check, oldest first; the rest wait for the next. */
export const MAX_ITEMS_PER_CHECK = 100;

export interface CheckContext {
  guildId: string;
  fetchPage: FetchPage;
  library: ArticleLibrary;
  announce: (announcement: FeedAnnouncement) => Promise<void>;
  log: Logger;
  /** Page fetches, shared by every feed. */
  limit: Limit;
  /** Aborted when the service stops or the feed is removed: no new item is started. */
  signal: AbortSignal;
  clock: () => number;
  timing: FeedTiming;
  /** Writes the server's feeds.json (coalesced, durable); rejects when the write fails. */
  save: () => Promise<void>;
}

/**
 * Checks the feed and updates `feed` in place (and on disk). A check interrupted before the
 * feed was fetched changes nothing. Throws only on a bug or a failed state write.
 */
export async function checkFeed(feed: FeedRecord, context: CheckContext): Promise<void> {
  const started = context.clock();
  let result: FetchResult;
  try {
    result = await context.fetchPage(feed.url, {
      accept: 'feed',
      etag: feed.etag,
      lastModified: feed.lastModified,
      signal: context.signal,
    });
  } catch (err) {
    if (context.signal.aborted) return;
    throw err;
  }
  feed.lastCheckedAt = new Date(started).toISOString();
  if (result.kind === 'refused') {
    const { refusal } = result;
    await recordFailure(
      feed,
      outcomeOfRefusal(refusal),
      `could not fetch the feed: ${refusal.message}`,
      refusal.retryAfterMs ?? null,
      context,
    );
    return;
  }
  if (result.kind === 'not-modified') {
    await recordSuccess(feed, 'not-modified', describeNothingNew(deliveredSince(feed), true), context);
    return;
  }
  const parsed = parseFeedDocument(result.page);
  if (parsed.kind === 'not-a-feed') {
    await recordFailure(feed, 'not-a-feed', parsed.message, null, context);
    return;
  }
  feed.title = parsed.title ?? feed.title;
  feed.etag = result.page.etag;
  feed.lastModified = result.page.lastModified;
  await deliverNewItems(feed, parsed.items, context);
}

function outcomeOfRefusal(refusal: FetchRefusal): FeedOutcome {
  switch (refusal.code) {
    case 'http-error':
      return 'http-error';
    case 'timeout':
      return 'timeout';
    case 'network':
      return 'network';
    case 'wrong-type':
      return 'not-a-feed';
    default:
      return 'refused';
  }
}

function deliveredSince(feed: FeedRecord): number {
  return Date.parse(feed.lastDeliveredAt ?? feed.addedAt);
}

async function recordFailure(
  feed: FeedRecord,
  outcome: FeedOutcome,
  reason: string,
  retryAfterMs: number | null,
  context: CheckContext,
): Promise<void> {
  feed.failures += 1;
  const backoff = delayBeforeNextCheck({ intervalMinutes: feed.intervalMinutes, failures: feed.failures }, context.timing);
  const delay = delayBeforeNextCheck({ intervalMinutes: feed.intervalMinutes, failures: feed.failures, retryAfterMs }, context.timing);
  const next = context.clock() + delay;
  feed.nextCheckAt = new Date(next).toISOString();
  feed.lastOutcome = outcome;
  feed.lastMessage = describeFeedFailure(reason, next, delay > backoff);
  await context.save();
}

async function recordSuccess(feed: FeedRecord, outcome: FeedOutcome, message: string, context: CheckContext): Promise<void> {
  feed.failures = 0;
  const next = context.clock() + delayBeforeNextCheck({ intervalMinutes: feed.intervalMinutes, failures: 0 }, context.timing);
  feed.nextCheckAt = new Date(next).toISOString();
  feed.lastOutcome = outcome;
  feed.lastMessage = message;
  await context.save();
}

/**
 * Exactly once: before an item is attempted its attempt is counted on disk; a stored item is
 * announced (the durable enqueue resolves), then marked seen. An item the library already has is
 * marked seen without an announcement, unless an earlier attempt of this feed was interrupted
 * (it may have stored the article and stopped before announcing: announcing again is harmless,
 * the announcer never posts an article twice in a server).
 */
async function deliverNewItems(feed: FeedRecord, items: readonly FeedItem[], context: CheckContext): Promise<void> {
  const since = deliveredSince(feed);
  const inDocument = new Set(items.flatMap(seenKeys));
  const fetchedAt = context.clock();
  // Dates the seen keys this document lists and forgets those it has not listed for SEEN_MAX_AGE_MS.
  rememberSeen(feed, [], inDocument, fetchedAt);
  for (const id of Object.keys(feed.pending)) if (!inDocument.has(id)) delete feed.pending[id];
  const seen = new Set(feed.seen);
  const fresh = orderOldestFirst(items.filter((item) => !wasSeen(seen, item)));
  const batch = fresh.slice(0, MAX_ITEMS_PER_CHECK);
  const tally: ItemTally = {
    delivered: 0,
    duplicates: 0,
    retrying: 0,
    retryReason: null,
    skipped: 0,
    skipReason: null,
    deferred: fresh.length - batch.length,
  };
  if (batch.length === 0) {
    await recordSuccess(feed, 'nothing-new', describeNothingNew(since, false), context);
    return;
  }
  const earlierAttempts = new Map<string, number>();
  for (const item of batch) {
    const attempts = feed.pending[item.id]?.attempts ?? 0;
    earlierAttempts.set(item.id, attempts);
    feed.pending[item.id] = { attempts: attempts + 1, lastError: feed.pending[item.id]?.lastError ?? null };
  }
  await context.save();

  // Each item marked seen is written at once (writes coalesce); a failed write fails the check once all items are settled.
  const writes: Promise<void>[] = [];
  const failedWrite: { error: Error | null } = { error: null };
  const markSeen = (item: FeedItem): void => {
    delete feed.pending[item.id];
    rememberSeen(feed, [item], inDocument, fetchedAt);
    writes.push(context.save().catch((err: unknown) => void (failedWrite.error ??= err instanceof Error ? err : new Error(String(err)))));
  };
  const results = storeItems(batch, { ...context, feedUrl: feed.url });
  for (const promise of results) {
    const result = await promise;
    await settleItem(feed, result, earlierAttempts.get(result.item.id) ?? 0, tally, markSeen, context);
  }
  await Promise.all(writes);
  if (failedWrite.error !== null) throw failedWrite.error;

  // Items left to retry must be offered again: the next fetch is unconditional.
  if (Object.keys(feed.pending).length > 0 || tally.deferred > 0) {
    feed.etag = null;
    feed.lastModified = null;
  }
  await recordSuccess(feed, tally.delivered > 0 ? 'new-items' : 'nothing-new', describeItems(tally, since), context);
}

async function settleItem(
  feed: FeedRecord,
  result: StoredItem,
  earlierAttempts: number,
  tally: ItemTally,
  markSeen: (item: FeedItem) => void,
  context: CheckContext,
): Promise<void> {
  const pending = feed.pending[result.item.id];
  switch (result.kind) {
    case 'stored':
    case 'existed': {
      const announce = result.kind === 'stored' || earlierAttempts > 0;
      if (announce) {
        try {
          await context.announce({
            guildId: context.guildId,
            channelId: feed.channelId,
            articleId: result.article.id,
            feedId: feed.id,
            link: result.item.link,
          });
        } catch (err) {
          context.log.error({ err, feedId: feed.id, articleId: result.article.id }, 'queueing a feed announcement failed');
          if (pending) pending.lastError = `could not queue the announcement (${err instanceof Error ? err.message : String(err)})`;
          tally.retrying += 1;
          tally.retryReason ??= pending?.lastError ?? null;
          return;
        }
      }
      if (result.kind === 'stored') {
        feed.articlesAdded += 1;
        feed.lastDeliveredAt = new Date(context.clock()).toISOString();
        tally.delivered += 1;
      } else {
        tally.duplicates += 1;
      }
      markSeen(result.item);
      return;
    }
    case 'failed':
      if (result.permanent || earlierAttempts + 1 >= MAX_ITEM_ATTEMPTS) {
        tally.skipped += 1;
        tally.skipReason ??= result.permanent ? result.reason : `${result.reason} (${MAX_ITEM_ATTEMPTS} attempts)`;
        context.log.warn({ feedId: feed.id, link: result.item.link, reason: result.reason }, 'feed item skipped');
        markSeen(result.item);
        return;
      }
      if (pending) pending.lastError = result.reason;
      tally.retrying += 1;
      tally.retryReason ??= result.reason;
      return;
    case 'stopped':
      // Not attempted after all: the attempt does not count.
      if (pending) pending.attempts = earlierAttempts;
      if (pending && pending.attempts === 0 && pending.lastError === null) delete feed.pending[result.item.id];
      tally.deferred += 1;
      return;
  }
}
