/**
 * A server's feed subscriptions and their polling state: `data/guilds/<guild id>/feeds.json`,
 * validated when read (zod), written atomically and durably (it cannot be recomputed: which items
 * were seen decides what is announced).
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readStateFileSync } from '../files/read-state-file.ts';
import { writeFileAtomically } from '../files/write-file-atomically.ts';
import { isDiscordId } from '../model/discord-id.ts';
import { GUILDS_FOLDER } from '../model/guilds-folder.ts';

/** What a check found (the contract's FeedOutcome). */
export const FEED_OUTCOMES = [
  'new-items',
  'nothing-new',
  'not-modified',
  'http-error',
  'not-a-feed',
  'refused',
  'network',
  'timeout',
] as const;
export type FeedOutcome = (typeof FEED_OUTCOMES)[number];

/** Item ids and links remembered per feed (the most recent; those in the latest document are always kept). */
export const MAX_SEEN_KEYS = 2000;

/**
 * How long an item id or link is remembered once it is no longer in the feed's document: counted
 * from the last fetched document that listed it, so a key of an item the feed still lists is never
 * forgotten (however old), nor while the server answers "not modified". 90 days, half of how long
 * the outbox remembers an announcement (KEEP_ANNOUNCED_MS, src/store/retention.ts): an item a feed lists again after its key
 * was forgotten is still caught as announced, then as an article the library has.
 */
export const SEEN_MAX_AGE_MS = 90 * 24 * 60 * 60 * 1000;

/** A feeds.json larger than this is not read (a server has at most a few dozen feeds). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

const isoTime = z.iso.datetime({ offset: true });

const pendingItemSchema = z.object({
  /** Attempts started to fetch and store the item (counted before each starts, so an interrupted one counts). */
  attempts: z.number().int().min(0),
  /** Why the last attempt failed, for a person; null while it has not failed. */
  lastError: z.string().nullable(),
});

const feedRecordSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{8}$/),
  url: z.url({ protocol: /^https?$/ }),
  title: z.string().nullable(),
  channelId: z.string().min(1),
  intervalMinutes: z.number().int().positive(),
  addedAt: isoTime,
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  lastCheckedAt: isoTime.nullable(),
  nextCheckAt: isoTime.nullable(),
  /** When an item was last delivered (stored and announced). */
  lastDeliveredAt: isoTime.nullable(),
  failures: z.number().int().min(0),
  lastOutcome: z.enum(FEED_OUTCOMES).nullable(),
  lastMessage: z.string().nullable(),
  /** Ids and links of the items already handled (stored, announced, or skipped with a reason), oldest first. */
  seen: z.array(z.string()).max(MAX_SEEN_KEYS * 2),
  /** Per seen key, the last time a fetched document listed it (what its age is counted from); absent in records written before it was kept. */
  seenAt: z.record(z.string(), isoTime).optional(),
  /** Items being fetched and stored, or to retry: by item id. */
  pending: z.record(z.string(), pendingItemSchema),
  itemsSeen: z.number().int().min(0),
  articlesAdded: z.number().int().min(0),
});

const guildFeedsSchema = z.object({
  version: z.literal(1),
  feeds: z.array(feedRecordSchema),
});

/** One subscription and its state, as stored. */
export type FeedRecord = z.infer<typeof feedRecordSchema>;

/** A stored subscription read from elsewhere than feeds.json (the database), checked with the same schema; why not, when it is not one. */
export function checkFeedRecord(value: unknown): FeedRecord | { problem: string } {
  const parsed = feedRecordSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return { problem: `${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}` };
}

/** What reading a server's feeds.json found. */
export type GuildFeedsRead =
  | { kind: 'missing' }
  | { kind: 'valid'; feeds: FeedRecord[] }
  /** Not JSON or not the shape above: why (the file's path and line are the caller's to add). */
  | { kind: 'invalid'; problem: string }
  /** It exists but cannot be read (permissions, a directory…). */
  | { kind: 'unreadable'; problem: string };

/** Server ids are Discord snowflakes, as the library stores them (also what keeps the path inside data/guilds). */
export function isGuildId(value: string): boolean {
  return isDiscordId(value);
}

/** `<dataDir>/guilds/<guildId>/feeds.json`. */
export function feedsFile(dataDir: string, guildId: string): string {
  if (!isGuildId(guildId)) throw new Error(`not a server id: ${JSON.stringify(guildId)}`);
  return join(dataDir, GUILDS_FOLDER, guildId, 'feeds.json');
}

/**
 * Reads and validates a feeds.json. Synchronous: a server's file is small and read once per
 * process (before its first listing), so listing never waits on a load.
 */
export function readGuildFeeds(file: string): GuildFeedsRead {
  const tooLarge = `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`;
  const read = readStateFileSync(file, guildFeedsSchema, { limit: { bytes: MAX_FILE_BYTES, problem: tooLarge } });
  if (read.kind === 'unreadable') return { kind: 'unreadable', problem: read.problem };
  if (read.kind !== 'valid') return read;
  const ids = new Set<string>();
  for (const feed of read.data.feeds) {
    if (ids.has(feed.id)) return { kind: 'invalid', problem: `feed ${feed.id} is listed twice` };
    ids.add(feed.id);
  }
  return { kind: 'valid', feeds: read.data.feeds };
}

/**
 * Keeps a copy of an invalid file beside it (`feeds.json.invalid-<time>`) before it is replaced,
 * so an admin can repair it by hand. Returns the copy's path, or null when copying failed.
 */
export function setAsideInvalidFile(file: string, now: number): string | null {
  const copy = `${file}.invalid-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  try {
    copyFileSync(file, copy);
    return copy;
  } catch {
    return null;
  }
}

/** Writes a server's subscriptions atomically and durably. Throws on I/O failure. */
export async function writeGuildFeeds(file: string, feeds: readonly FeedRecord[]): Promise<void> {
  const data: z.infer<typeof guildFeedsSchema> = { version: 1, feeds: [...feeds] };
  await writeFileAtomically(file, `${JSON.stringify(data, null, 2)}\n`, { durable: true });
}

/**
 * The keys an item is remembered by: its id and its link. Some feeds give an item a new id on
 * every fetch; its link still says it was seen.
 */
export function seenKeys(item: { id: string; link: string | null }): string[] {
  return item.link !== null && item.link !== item.id ? [item.id, item.link] : [item.id];
}

/** Whether an item was seen before (by its id or its link). */
export function wasSeen(seen: ReadonlySet<string>, item: { id: string; link: string | null }): boolean {
  return seenKeys(item).some((key) => seen.has(key));
}

/**
 * Marks items seen (each by its seenKeys) in a document fetched at `now`, then forgets: keys not in
 * that document that it last listed more than SEEN_MAX_AGE_MS ago, and the oldest keys beyond
 * MAX_SEEN_KEYS. Keys of the document are never forgotten (that would deliver them again); they are
 * dated `now`, as are keys stored without a date (their age starts counting here). Called with no
 * items, it dates and prunes only (a check that found nothing new).
 */
export function rememberSeen(
  feed: FeedRecord,
  items: ReadonlyArray<{ id: string; link: string | null }>,
  inDocument: ReadonlySet<string>,
  now: number,
): void {
  const known = new Set(feed.seen);
  for (const item of items) {
    const keys = seenKeys(item);
    if (!keys.some((key) => known.has(key))) feed.itemsSeen += 1;
    for (const key of keys) {
      if (known.has(key)) continue;
      known.add(key);
      feed.seen.push(key);
    }
  }
  const at = new Date(now).toISOString();
  const dated: Record<string, string> = {};
  const oldest = now - SEEN_MAX_AGE_MS;
  feed.seen = feed.seen.filter((key) => {
    const last = inDocument.has(key) ? at : (feed.seenAt?.[key] ?? at);
    if (Date.parse(last) < oldest) return false;
    dated[key] = last;
    return true;
  });
  let excess = feed.seen.length - MAX_SEEN_KEYS;
  if (excess > 0)
    feed.seen = feed.seen.filter((key) => {
      if (excess > 0 && !inDocument.has(key)) {
        excess -= 1;
        delete dated[key];
        return false;
      }
      return true;
    });
  feed.seenAt = dated;
}
