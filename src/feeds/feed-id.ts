/** Identities: a feed's short id from its address, and an item's id as the library records it. */
import { createHash } from 'node:crypto';
import { parseHttpUrl } from '../library/canonical-url.ts';

/**
 * The address a feed is known by: parseHttpUrl's form (scheme and host lower case, default port
 * and fragment dropped; unlike an article's, its parameters all kept). Null when it is not an http(s) URL.
 */
export function normaliseFeedUrl(raw: string): string | null {
  return parseHttpUrl(raw)?.href ?? null;
}

/** A short stable id for a feed (8 hex digits of the SHA-256 of its normalised address): the same address, the same id. */
export function feedIdFor(normalisedUrl: string): string {
  return createHash('sha256').update(normalisedUrl).digest('hex').slice(0, 8);
}

/**
 * The feed a member means by `wanted`: its id, its address (any form of it that normaliseFeedUrl
 * makes the same) or else its title, case aside. The one lookup of a feed by what a member typed.
 */
export function findFeed<T extends { id: string; url: string; title?: string | null }>(feeds: readonly T[], wanted: string): T | undefined {
  const lower = wanted.trim().toLowerCase();
  if (lower === '') return undefined;
  const url = normaliseFeedUrl(wanted.trim());
  return (
    feeds.find((feed) => feed.id === lower || (url !== null && feed.url === url)) ??
    feeds.find((feed) => (feed.title ?? '').trim().toLowerCase() === lower)
  );
}
