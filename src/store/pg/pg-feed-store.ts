/**
 * Feeds in PostgreSQL (table `feeds`): the servers a process owns are read once when it opens (the
 * feed service reads synchronously); a write stores only the feeds that changed since this process
 * read or wrote them, so a process never overwrites another's check with an old copy. A feed is
 * checked under a lease (owner + expiry): one process at a time, and on the latest stored state.
 */
import type { Pool } from 'pg';
import { checkFeedRecord, type FeedRecord } from '../guild-feeds-file.ts';
import type { FeedStateStore } from '../feed-state-store.ts';
import { inTransaction } from './transaction.ts';

export interface PgFeedStoreOptions {
  pool: Pool;
  /** This process, as lease owner (host, pid, a random part). */
  owner: string;
  /** The servers whose feeds are read at open (those the process owns). */
  ownsGuild: (guildId: string) => boolean;
  /** How long a lease lasts unless released (a check that takes longer loses it): default 5 minutes. */
  leaseMs?: number;
  /** Told about a stored record that is not one (it is left out). */
  onInvalid?: (guildId: string, feedId: string, problem: string) => void;
}

export const DEFAULT_LEASE_MS = 5 * 60_000;

export async function openPgFeedStore(options: PgFeedStoreOptions): Promise<FeedStateStore> {
  const { pool, owner } = options;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  /** Per server, per feed: the record as this process last read or wrote it (JSON). */
  const known = new Map<string, Map<string, string>>();
  const rows = await pool.query<{ guild_id: string; feed_id: string; record: unknown }>(
    "SELECT guild_id, feed_id, record FROM feeds ORDER BY guild_id, record->>'addedAt', feed_id",
  );
  for (const row of rows.rows) {
    if (!options.ownsGuild(row.guild_id)) continue;
    const record = checkFeedRecord(row.record);
    if ('problem' in record) {
      options.onInvalid?.(row.guild_id, row.feed_id, record.problem);
      continue;
    }
    const feeds = known.get(row.guild_id) ?? new Map<string, string>();
    feeds.set(record.id, JSON.stringify(record));
    known.set(row.guild_id, feeds);
  }

  return {
    guilds: () => [...known.keys()],
    read(guildId) {
      const feeds = known.get(guildId);
      if (!feeds) return { kind: 'missing' };
      return { kind: 'valid', feeds: [...feeds.values()].map((json) => JSON.parse(json) as FeedRecord) };
    },
    async write(guildId, feeds) {
      const before = known.get(guildId) ?? new Map<string, string>();
      const now = new Map(feeds.map((feed) => [feed.id, JSON.stringify(feed)]));
      const changed = [...now].filter(([id, json]) => before.get(id) !== json);
      const removed = [...before.keys()].filter((id) => !now.has(id));
      if (changed.length === 0 && removed.length === 0) return;
      await inTransaction(pool, async (client) => {
        for (const [id, json] of changed)
          await client.query(
            `INSERT INTO feeds (guild_id, feed_id, record) VALUES ($1, $2, $3)
             ON CONFLICT (guild_id, feed_id) DO UPDATE SET record = EXCLUDED.record, updated_at = now()`,
            [guildId, id, json],
          );
        if (removed.length > 0) await client.query('DELETE FROM feeds WHERE guild_id = $1 AND feed_id = ANY($2)', [guildId, removed]);
      });
      known.set(guildId, now);
    },
    describe: (guildId) => `the database (feeds of server ${guildId})`,
    setAside: () => null,
    async lease(guildId, feedId) {
      const taken = await pool.query<{ record: unknown }>(
        `UPDATE feeds SET lease_owner = $3, lease_until = now() + $4 * interval '1 millisecond'
         WHERE guild_id = $1 AND feed_id = $2 AND (lease_owner IS NULL OR lease_owner = $3 OR lease_until < now())
         RETURNING record`,
        [guildId, feedId, owner, leaseMs],
      );
      const row = taken.rows[0];
      if (!row) {
        const exists = await pool.query('SELECT 1 FROM feeds WHERE guild_id = $1 AND feed_id = $2', [guildId, feedId]);
        return exists.rowCount === 0 ? { kind: 'gone' } : { kind: 'busy' };
      }
      const fresh = checkFeedRecord(row.record);
      if ('problem' in fresh) throw new Error(`the stored feed ${feedId} of server ${guildId} is invalid: ${fresh.problem}`);
      const feeds = known.get(guildId) ?? new Map<string, string>();
      feeds.set(feedId, JSON.stringify(fresh));
      known.set(guildId, feeds);
      return { kind: 'held', fresh };
    },
    async release(guildId, feedId) {
      await pool.query(
        'UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE guild_id = $1 AND feed_id = $2 AND lease_owner = $3',
        [guildId, feedId, owner],
      );
    },
  };
}
