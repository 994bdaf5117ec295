/** Identities: a feed's short id from its address, and an item's id as the library records it. */
import { createHash } from 'node:crypto';

/**
 * The address a feed is known by: parsed, scheme and host lower case (URL does that), default
 * port and fragment dropped. Null when it is not an http(s) URL.
 */
export function normaliseFeedUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  return url.href;
}

/** A short stable id for a feed (8 hex digits of the SHA-256 of its normalised address): the same address, the same id. */
export function feedIdFor(normalisedUrl: string): string {
  return createHash('sha256').update(normalisedUrl).digest('hex').slice(0, 8);
}
