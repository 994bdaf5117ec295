/**
 * Where each server's watches (/watch) are kept: one interface, two implementations (files:
 * `file-watch-store.ts`; PostgreSQL: `pg/pg-watch-store.ts`), one conformance suite
 * (test/store/conformance.test.ts).
 */
import type { FeedFilter, WatchesRead, WatchRecord } from './watch-record.ts';

export interface WatchStore {
  /** Servers that may have watches. */
  guilds(): Promise<string[]>;
  read(guildId: string): Promise<WatchesRead>;
  /** Stores a server's watches and feed filters (the whole lists, replacing those there; filters absent: none). Throws on failure. */
  write(guildId: string, watches: readonly WatchRecord[], feedFilters?: readonly FeedFilter[]): Promise<void>;
}
