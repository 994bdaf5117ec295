/**
 * Feed items → articles: each item's page fetched and handed to the library, a few at a time
 * (the limit is shared by every feed, so a 100-item feed is fast and the event loop stays free).
 */
import type { Logger } from 'pino';
import type { AddedArticle, ArticleLibrary } from '../library/article-library.ts';
import { isUserError } from '../model/user-error.ts';
import type { FetchPage, FetchRefusal } from '../web/fetch-page.ts';
import type { Limit } from './limit-concurrency.ts';
import type { FeedItem } from './parse-feed.ts';

/** What became of one item. */
export type StoredItem =
  | { kind: 'stored'; item: FeedItem; article: AddedArticle }
  /** The library had it already (same canonical URL, feed item id or text): nothing written. */
  | { kind: 'existed'; item: FeedItem; article: AddedArticle }
  /** Its page could not be fetched or stored; `permanent` when trying again cannot help. */
  | { kind: 'failed'; item: FeedItem; reason: string; permanent: boolean }
  /** Not attempted: the service is stopping (or the feed was removed). */
  | { kind: 'stopped'; item: FeedItem };

export interface StoreItemsContext {
  fetchPage: FetchPage;
  library: ArticleLibrary;
  limit: Limit;
  signal: AbortSignal;
  log: Logger;
  /** The server whose articles these become. */
  guildId: string;
  feedUrl: string;
}

/**
 * Starts storing each item (through the shared limit) and returns one promise per item, in the
 * items' order, so the caller can announce them in that order as they complete. The promises
 * never reject.
 */
export function storeItems(items: readonly FeedItem[], context: StoreItemsContext): Promise<StoredItem>[] {
  return items.map((item) => context.limit(() => storeItem(item, context)));
}

async function storeItem(item: FeedItem, context: StoreItemsContext): Promise<StoredItem> {
  if (context.signal.aborted) return { kind: 'stopped', item };
  if (item.link === null) return { kind: 'failed', item, reason: 'the item has no web address to fetch', permanent: true };
  try {
    const result = await context.fetchPage(item.link, { accept: 'article', signal: context.signal });
    if (result.kind === 'refused')
      return { kind: 'failed', item, reason: result.refusal.message, permanent: isPermanentRefusal(result.refusal) };
    if (result.kind === 'not-modified')
      return { kind: 'failed', item, reason: `${hostOf(item.link)} answered 304 Not Modified to a plain request`, permanent: false };
    const added = await context.library.addFromPage(result.page, {
      scope: context.guildId,
      // The library keys items by feed and id (ids such as "7" mean something only in their feed).
      feedItemId: item.id,
      feedUrl: context.feedUrl,
      ...(item.published !== null ? { published: item.published } : {}),
    });
    if (isUserError(added)) {
      const code: string = added.error.code;
      return { kind: 'failed', item, reason: added.error.message, permanent: code !== 'fetch-failed' && code !== 'write-failed' };
    }
    return { kind: added.existed ? 'existed' : 'stored', item, article: added };
  } catch (err) {
    if (context.signal.aborted) return { kind: 'stopped', item };
    context.log.error({ err, link: item.link }, 'storing a feed item failed');
    return { kind: 'failed', item, reason: `an internal error (${err instanceof Error ? err.message : String(err)})`, permanent: false };
  }
}

/** Refusals that the same request will meet again: a missing page, a blocked address, a page too large… */
function isPermanentRefusal(refusal: FetchRefusal): boolean {
  switch (refusal.code) {
    case 'timeout':
    case 'network':
      return false;
    case 'http-error':
      return refusal.status !== undefined && refusal.status < 500 && refusal.status !== 408 && refusal.status !== 429;
    default:
      return true;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
