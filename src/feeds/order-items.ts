import type { FeedItem } from './parse-feed.ts';

/**
 * Items oldest first, so announcements come in the order the stories were published: by date
 * when every item has one (ties keep the document's order, reversed), else the document's
 * order reversed (feeds put the newest first).
 */
export function orderOldestFirst(items: readonly FeedItem[]): FeedItem[] {
  const reversed = [...items].reverse();
  if (!reversed.every((item) => item.published !== null)) return reversed;
  return reversed
    .map((item, index) => ({ item, index, time: Date.parse(item.published as string) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ item }) => item);
}
