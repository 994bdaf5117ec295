/**
 * Where a server's feed subscriptions and their polling state are kept: one interface, two
 * implementations (files: `file-feed-store.ts`; PostgreSQL: `pg/pg-feed-store.ts`), one conformance
 * suite (test/store/conformance.test.ts).
 */
import type { FeedRecord, GuildFeedsRead } from './guild-feeds-file.ts';

/** What asking to check a feed got: the right to check it (with the stored record when it is fresher than the one in memory), or not now, or never (removed elsewhere). */
export type FeedLease =
  | { kind: 'held'; fresh: FeedRecord | null }
  /** Another process checks it now (its lease has not expired). */
  | { kind: 'busy' }
  /** The feed is no longer stored (removed by another process). */
  | { kind: 'gone' };

export interface FeedStateStore {
  /** Servers with a stored feed list. Synchronous (listing never waits); throws when the list cannot be read. */
  guilds(): string[];
  /** A server's feeds. Synchronous: read once per process and kept by the feed service. */
  read(guildId: string): GuildFeedsRead;
  /** Stores a server's feeds (the whole list; an implementation may write only what changed since it last read or wrote them). Throws on failure. */
  write(guildId: string, feeds: readonly FeedRecord[]): Promise<void>;
  /** Where a server's feeds are, for log lines and messages ("…/feeds.json", "the database"). */
  describe(guildId: string): string;
  /** Keeps a copy of an invalid stored list before it is replaced; the copy's name, or null. */
  setAside(guildId: string, now: number): string | null;
  /** Takes the right to check one feed (one process at a time, until released or expired). */
  lease(guildId: string, feedId: string): Promise<FeedLease>;
  /** Gives the right up after a check. */
  release(guildId: string, feedId: string): Promise<void>;
}
