/** What ordering needs of a feed item (parse-feed's FeedItem): its date, ISO 8601, or null. */
interface Dated {
  published: string | null;
}

/**
 * Items oldest first, so announcements come in the order the stories were published: by date
 * when every item has one (ties keep the document's order, reversed), else the document's
 * order reversed (feeds put the newest first).
 */
export function orderOldestFirst<T extends Dated>(items: readonly T[]): T[] {
  const reversed = [...items].reverse();
  if (!reversed.every((item) => item.published !== null)) return reversed;
  return reversed
    .map((item, index) => ({ item, index, time: Date.parse(item.published as string) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ item }) => item);
}

/**
 * The `max` newest items of a feed, in document order, whatever order the feed lists them in:
 * when every item has a date, the `max` latest dates; when only some have one, the end of the
 * document their dates say is newer (the last dated item later than the first: the feed lists
 * oldest first, so its newest are at the end); with no dates at all, nothing says which end is
 * newer, and the first `max` are kept (RSS and Atom feeds list newest first). Linear in the
 * number of items plus a sort of the dates.
 */
export function newestItems<T extends Dated>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const times = items.map((item) => (item.published === null ? NaN : Date.parse(item.published)));
  if (times.every((t) => !Number.isNaN(t))) {
    const newest = items
      .map((_, index) => index)
      .sort((a, b) => times[b]! - times[a]! || a - b)
      .slice(0, max)
      .sort((a, b) => a - b);
    return newest.map((index) => items[index]!);
  }
  const dated = times.filter((t) => !Number.isNaN(t));
  const oldestFirst = dated.length >= 2 && dated[dated.length - 1]! > dated[0]!;
  return oldestFirst ? items.slice(items.length - max) : items.slice(0, max);
}
