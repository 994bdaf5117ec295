/**
 * Where each server's watches (/watch) are kept: one interface, two implementations (files:
 * `file-watch-store.ts`; PostgreSQL: `pg/pg-watch-store.ts`), one conformance suite
 * (test/store/conformance.test.ts).
 */
import type { WatchesRead, WatchRecord } from '../watch/watch-record.ts';

export interface WatchStore {
  /** Servers that may have watches. */
  guilds(): Promise<string[]>;
  read(guildId: string): Promise<WatchesRead>;
  /** Stores a server's watches (the whole list, replacing the one there). Throws on failure. */
  write(guildId: string, watches: readonly WatchRecord[]): Promise<void>;
}
