/** Watches in PostgreSQL (table `watches`): one row per server, the same object as watches.json. */
import type { Pool } from 'pg';
import { checkWatches } from '../watch-record.ts';
import type { WatchStore } from '../watch-store.ts';

export function pgWatchStore(pool: Pool): WatchStore {
  return {
    async guilds() {
      return (await pool.query<{ guild_id: string }>('SELECT guild_id FROM watches ORDER BY guild_id')).rows.map((r) => r.guild_id);
    },
    async read(guildId) {
      const { rows } = await pool.query<{ watches: unknown }>('SELECT watches FROM watches WHERE guild_id = $1', [guildId]);
      return rows[0] ? checkWatches(rows[0].watches) : { kind: 'missing' };
    },
    async write(guildId, watches, feedFilters = []) {
      await pool.query(
        `INSERT INTO watches (guild_id, watches) VALUES ($1, $2)
         ON CONFLICT (guild_id) DO UPDATE SET watches = EXCLUDED.watches, updated_at = now()`,
        [guildId, JSON.stringify({ version: 1, watches, feedFilters })],
      );
    },
  };
}
