import { z } from 'zod';
import { readStateFile } from '../files/read-state-file.ts';
import { writeFileAtomically } from '../files/write-file-atomically.ts';
import { DISCORD_ID } from '../model/discord-id.ts';
import { KEEP_ANNOUNCED_MS } from './retention.ts';
import type { WatchAlert } from '../model/watch-spec.ts';

/** File name of the announcement outbox under the cache directory. */
export const ANNOUNCEMENTS_FILE = 'announcements.json';

/** One announcement waiting to be posted. */
export interface QueuedAnnouncement {
  /** The server whose articles it belongs to; null for shared articles (the DIGEST_CHANNEL_ID channel). */
  guildId: string | null;
  channelId: string;
  articleId: string;
  /** The page the article came from, shown with the announcement when the article itself has no URL. */
  link: string | null;
  /** When it was queued (ISO 8601). */
  queuedAt: string;
  /**
   * When a post was last sent without a definite answer from Discord (the process stopped, the
   * connection broke, a time-out), ISO 8601; null otherwise. Such a post may have been made: the
   * channel is looked at before posting again.
   */
  attemptedAt: string | null;
  /**
   * A watch alert (/watch, src/news/watch-alerts.ts) instead of the article's announcement: its
   * message as rendered when it was queued, and whether it goes to a member's direct messages
   * (then `channelId` is the member's user id). Absent for an announcement.
   */
  alert?: QueuedAlert;
  /** A feed's filter (/feed add … only:): the article is announced only when it matches; otherwise it is held back (stored, askable). */
  only?: { feedId: string; kind: 'person' | 'topic'; value: string };
}

/**
 * A watch alert waiting in the outbox: the message (content within 2000 characters, the paragraphs its buttons open) and where it goes.
 * A `part` is one match still being gathered (src/news/watch-alerts.ts): kept durably so a stop
 * within the gathering window loses nothing, never posted itself; it is replaced by the merged
 * alert or round-up when the place's matches are queued.
 */
export interface QueuedAlert {
  /** What distinguishes it from other alerts of the same article in the same place ("alert", "roundup"; "part": one watch's match, not posted). */
  kind: 'alert' | 'roundup' | 'part';
  content: string;
  citations: Array<{ article: string; paragraph: number }>;
  /** True: `channelId` is a member's user id, the alert goes by direct message. */
  dm: boolean;
  /** The watches it is for (a closed direct-message channel pauses them). */
  watchIds: string[];
  /** A part's match, from which the alert or round-up is rendered when the place's matches are queued. */
  match?: WatchAlert;
}

/** What the announcer keeps on disk: keys already announced (see announcementKey) and the queue. */
export interface OutboxState {
  announced: Set<string>;
  queue: QueuedAnnouncement[];
}

/** What claiming an announcement before posting it found (see OutboxStore.claim). */
export type OutboxClaim =
  /** This process may post it. */
  | 'mine'
  /** Another process is posting it now: leave it for a while. */
  | 'taken'
  /** It was announced (or dropped) by another process: forget it. */
  | 'done';

/**
 * Where the announcer keeps its state; written after every change, atomically and durably. A file
 * (outboxFileStore) or the database (src/store/pg/pg-outbox-store.ts), which several hosts share.
 */
export interface OutboxStore {
  write(state: { announced: ReadonlySet<string>; queue: readonly QueuedAnnouncement[] }): Promise<void>;
  /**
   * Claims an announcement before it is posted, so that of several processes that have it queued
   * one posts it. Absent: the process is the only one (a file), every claim is its own.
   */
  claim?(item: QueuedAnnouncement): Promise<OutboxClaim>;
  /** Gives a claim up after a post that failed (to be retried), so that another process may take the item if this one stops. */
  release?(item: QueuedAnnouncement): Promise<void>;
}

/** The key of an announcement: a story is announced once per server (null = shared, the digest channel). */
export function announcementKey(guildId: string | null, articleId: string): string {
  return `${guildId ?? 'shared'}:${articleId}`;
}

/**
 * The key of any outbox item: an announcement's (announcementKey), or for a watch alert the same
 * followed by where it goes ("<guild>:<article>#alert:<channel>", "…#roundup:dm-<user>"), so an
 * article is announced once and alerted once per place, each independently.
 */
export function outboxKey(item: Pick<QueuedAnnouncement, 'guildId' | 'articleId' | 'channelId' | 'alert'>): string {
  const base = announcementKey(item.guildId, item.articleId);
  if (!item.alert) return base;
  const place = `${base}#${item.alert.kind}:${item.alert.dm ? 'dm-' : ''}${item.channelId}`;
  return item.alert.kind === 'part' ? `${place}:${item.alert.watchIds.join(',')}` : place;
}

const ISO_TIME = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');

const queuedSchema = z.object({
  guildId: z.string().regex(DISCORD_ID).nullable(),
  channelId: z.string().regex(DISCORD_ID),
  articleId: z.string().min(1).max(1000),
  link: z.string().max(2000).nullable(),
  queuedAt: ISO_TIME,
  attemptedAt: ISO_TIME.nullable(),
  alert: z
    .object({
      kind: z.enum(['alert', 'roundup', 'part']),
      content: z.string().min(1).max(2000),
      citations: z.array(z.object({ article: z.string().min(1).max(1000), paragraph: z.number().int().min(1) })).max(25),
      dm: z.boolean(),
      watchIds: z.array(z.string().max(20)).max(100),
      match: z
        .object({
          kind: z.enum(['person', 'topic']),
          label: z.string().max(1000),
          watched: z.string().max(1000),
          quoted: z.boolean(),
          excerpt: z.string().max(2000),
          paragraph: z.number().int().min(1).nullable(),
          articleId: z.string().min(1).max(1000),
          title: z.string().max(10_000),
          link: z.string().max(10_000).nullable(),
        })
        .optional(),
    })
    .optional(),
  only: z.object({ feedId: z.string().min(1).max(100), kind: z.enum(['person', 'topic']), value: z.string().min(1).max(100) }).optional(),
});

const outboxSchema = z.object({
  version: z.literal(1),
  announced: z.array(z.string().max(1100)),
  /** When each key was announced (ISO 8601), for pruning by age; a key without one (written before dates were kept) is dated at the next write. */
  announcedAt: z.record(z.string(), ISO_TIME).optional(),
  queue: z.array(queuedSchema),
});

/**
 * Checks an item before it is queued, with the schema the outbox is read with (an item the file
 * could not be read back with would lose the whole outbox at the next start). Throws: a bad item
 * is a bug of the caller.
 */
export function checkQueued(item: QueuedAnnouncement): QueuedAnnouncement {
  const parsed = queuedSchema.safeParse(item);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`not an announcement that can be queued: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

/** What reading the outbox found. */
export type OutboxRead = { kind: 'missing' } | { kind: 'valid'; state: OutboxState } | { kind: 'invalid'; problem: string };

/** The outbox exists but cannot be read (permissions, a directory…): a fatal start-up error. */
export class OutboxUnreadableError extends Error {}

/** How the outbox file is read and written: the clock and the age past which an announced key is forgotten. */
export interface OutboxFileOptions {
  /** Default Date.now. */
  now?: () => number;
  /** Default KEEP_ANNOUNCED_MS (180 days), as in the database. */
  keepAnnouncedMs?: number;
}

/**
 * Reads and validates the outbox, leaving out the keys announced longer ago than
 * `keepAnnouncedMs` (the growth bound; the next write forgets them). Throws
 * OutboxUnreadableError when the file exists but cannot be read.
 */
export async function readOutbox(file: string, options: OutboxFileOptions = {}): Promise<OutboxRead> {
  const read = await readStateFile(file, outboxSchema);
  if (read.kind === 'unreadable') throw new OutboxUnreadableError(`cannot read the announcement outbox ${file}: ${read.problem}`);
  if (read.kind !== 'valid') return read;
  const oldest = (options.now ?? Date.now)() - (options.keepAnnouncedMs ?? KEEP_ANNOUNCED_MS);
  const dates = read.data.announcedAt ?? {};
  const kept = read.data.announced.filter((key) => {
    const at = Object.hasOwn(dates, key) ? Date.parse(dates[key]!) : Number.NaN;
    return Number.isNaN(at) || at >= oldest;
  });
  return { kind: 'valid', state: { announced: new Set(kept), queue: read.data.queue } };
}

/**
 * The outbox file as a store: plain JSON, written atomically and durably (it cannot be recomputed),
 * with the date each key was announced (kept from the file for the keys it has, now for new ones).
 */
export function outboxFileStore(file: string, options: Pick<OutboxFileOptions, 'now'> = {}): OutboxStore {
  const now = options.now ?? Date.now;
  /** When each key was announced, as last written; read from the file at the first write. */
  let dates: Map<string, string> | undefined;
  return {
    async write(state) {
      dates ??= await readAnnouncedDates(file);
      const at = new Date(now()).toISOString();
      const announced = [...state.announced].sort();
      const next = new Map(announced.map((key) => [key, dates!.get(key) ?? at]));
      const body = { version: 1, announced, announcedAt: Object.fromEntries(next), queue: state.queue };
      await writeFileAtomically(file, `${JSON.stringify(body, null, 2)}\n`, { durable: true });
      dates = next;
    },
  };
}

/** The dates of the keys the outbox file has (none when it is missing or invalid: they are dated now). */
async function readAnnouncedDates(file: string): Promise<Map<string, string>> {
  const read = await readStateFile(file, outboxSchema);
  return new Map(read.kind === 'valid' ? Object.entries(read.data.announcedAt ?? {}) : []);
}
