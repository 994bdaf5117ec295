/** What a check found, in words for an admin (`/feed status`): above all, why nothing was delivered. */

/** "2026-12-01 10:15 UTC": one time format for every status line. */
export function formatTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function plural(count: number, one: string, many: string = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The feed itself failed (fetch refused, not a feed): what happened and when it is tried again. */
export function describeFeedFailure(reason: string, nextCheckAt: number, retryAfterHonoured: boolean): string {
  const when = retryAfterHonoured
    ? `the server asked to wait: retry after ${formatTime(nextCheckAt)}`
    : `next try at ${formatTime(nextCheckAt)}`;
  return `nothing delivered: ${reason}; ${when}`;
}

/** Nothing new since the last delivery (or since the feed was added). */
export function describeNothingNew(since: number, notModified: boolean): string {
  const why = notModified ? 'the server says the feed has not changed' : 'every item in the feed was seen before';
  return `nothing new since ${formatTime(since)}: ${why}`;
}

/** A check that found new items: how many were delivered, and why the others were not. */
export interface ItemTally {
  delivered: number;
  /** The library had them already. */
  duplicates: number;
  /** Failed, to be tried again at the next check; the first reason. */
  retrying: number;
  retryReason: string | null;
  /** Given up on (permanent failure, or too many attempts); the first reason. */
  skipped: number;
  skipReason: string | null;
  /** Left for the next check (the service stopped, or more new items than one check takes). */
  deferred: number;
}

export function describeItems(tally: ItemTally, since: number): string {
  const parts: string[] = [];
  parts.push(tally.delivered > 0 ? `delivered ${plural(tally.delivered, 'new article')}` : `nothing delivered since ${formatTime(since)}`);
  if (tally.duplicates > 0)
    parts.push(
      `${plural(tally.duplicates, 'new item was', 'new items were')} already in the library (the same story from another feed or added by hand): not announced again`,
    );
  if (tally.retrying > 0) parts.push(`${plural(tally.retrying, 'item')} could not be stored and will be tried again: ${tally.retryReason}`);
  if (tally.skipped > 0) parts.push(`${plural(tally.skipped, 'item')} skipped: ${tally.skipReason}`);
  if (tally.deferred > 0) parts.push(`${plural(tally.deferred, 'item')} left for the next check`);
  return parts.join('; ');
}
