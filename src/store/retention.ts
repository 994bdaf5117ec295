/**
 * How long the stores remember what they must not do twice, one policy for both implementations
 * (files and PostgreSQL), so that moving from one to the other changes nothing.
 */

/**
 * An announced key (server + article, see announcementKey) is forgotten this long after it was
 * announced: the growth bound of the outbox. Pruned when a process opens its outbox (at start),
 * in the database (src/store/pg/pg-outbox-store.ts) as in the file (src/store/announcement-outbox.ts).
 * 180 days: twice how long a feed remembers an item it no longer lists (SEEN_MAX_AGE_MS), so an item
 * a feed lists again after its seen key was forgotten is still caught as announced.
 */
export const KEEP_ANNOUNCED_MS = 180 * 24 * 60 * 60_000;
