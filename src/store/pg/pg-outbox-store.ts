/**
 * The announcement outbox in PostgreSQL, shared by every host: `announcement_queue` (what waits to
 * be posted, keyed by server + article) and `announced` (every key posted, pruned by age). The
 * announcer writes its whole state after each change; this store writes only the difference from
 * the state it last wrote, in one transaction. Before a post the item is claimed (owner + expiry,
 * and never when its key is announced), so of two hosts holding it, one posts it.
 */
import type { Pool } from 'pg';
import { checkQueued, outboxKey, type OutboxState, type OutboxStore, type QueuedAnnouncement } from '../announcement-outbox.ts';
import { KEEP_ANNOUNCED_MS } from '../retention.ts';
import { inTransaction } from './transaction.ts';

export interface PgOutboxOptions {
  pool: Pool;
  owner: string;
  /** Which servers' announcements this process posts (those its shards own). */
  ownsGuild: (guildId: string) => boolean;
  /** How long a claim lasts if the post never finishes (the process died): default 2 minutes. */
  claimMs?: number;
  /** Keys announced longer ago than this are forgotten (the growth bound): default KEEP_ANNOUNCED_MS (180 days). */
  keepAnnouncedMs?: number;
  onInvalid?: (key: string, problem: string) => void;
}

/** Reads the outbox of the servers this process owns (pruning old announced keys first) and returns it with the store to write it to. */
export async function openPgOutbox(options: PgOutboxOptions): Promise<{ initial: OutboxState; store: OutboxStore }> {
  const { pool, owner } = options;
  const claimMs = options.claimMs ?? 2 * 60_000;
  await pool.query("DELETE FROM announced WHERE announced_at < now() - $1 * interval '1 millisecond'", [
    options.keepAnnouncedMs ?? KEEP_ANNOUNCED_MS,
  ]);
  const owned = (guildId: string | null) => guildId !== null && options.ownsGuild(guildId);
  const announced = new Set<string>();
  for (const row of (await pool.query<{ key: string; guild_id: string | null }>('SELECT key, guild_id FROM announced')).rows)
    if (owned(row.guild_id)) announced.add(row.key);
  const queue: QueuedAnnouncement[] = [];
  const queued = await pool.query<{ key: string; guild_id: string | null; item: QueuedAnnouncement }>(
    "SELECT key, guild_id, item FROM announcement_queue ORDER BY item->>'queuedAt', key",
  );
  for (const row of queued.rows) {
    if (!owned(row.guild_id) || announced.has(row.key)) continue;
    try {
      queue.push(checkQueued(row.item));
    } catch (err) {
      options.onInvalid?.(row.key, err instanceof Error ? err.message : String(err));
    }
  }

  /** What this process last wrote (or read): the difference is what the next write stores. */
  let written = { announced: new Set(announced), queue: new Map(queue.map((item) => [keyOf(item), JSON.stringify(item)])) };

  const store: OutboxStore = {
    async write(state) {
      const nextQueue = new Map(state.queue.map((item) => [keyOf(item), JSON.stringify(item)]));
      const newlyAnnounced = [...state.announced].filter((key) => !written.announced.has(key));
      const changed = [...nextQueue].filter(([key, json]) => written.queue.get(key) !== json);
      const dropped = [...written.queue.keys()].filter((key) => !nextQueue.has(key));
      if (newlyAnnounced.length === 0 && changed.length === 0 && dropped.length === 0) return;
      await inTransaction(pool, async (client) => {
        for (const key of newlyAnnounced)
          await client.query('INSERT INTO announced (key, guild_id) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, guildOfKey(key)]);
        for (const [key, json] of changed)
          await client.query(
            `INSERT INTO announcement_queue (key, guild_id, item) SELECT $1, $2, $3
             WHERE NOT EXISTS (SELECT 1 FROM announced WHERE key = $1)
             ON CONFLICT (key) DO UPDATE SET item = EXCLUDED.item`,
            [key, (JSON.parse(json) as QueuedAnnouncement).guildId, json],
          );
        const gone = [...dropped, ...newlyAnnounced];
        if (gone.length > 0) await client.query('DELETE FROM announcement_queue WHERE key = ANY($1)', [gone]);
      });
      written = { announced: new Set(state.announced), queue: nextQueue };
    },
    async claim(item) {
      const key = keyOf(item);
      const done = await pool.query('SELECT 1 FROM announced WHERE key = $1', [key]);
      if (done.rowCount !== 0) return 'done';
      const taken = await pool.query(
        `UPDATE announcement_queue SET claimed_by = $2, claim_until = now() + $3 * interval '1 millisecond'
         WHERE key = $1 AND (claimed_by IS NULL OR claimed_by = $2 OR claim_until < now())`,
        [key, owner, claimMs],
      );
      if (taken.rowCount === 1) return 'mine';
      const exists = await pool.query('SELECT 1 FROM announcement_queue WHERE key = $1', [key]);
      return exists.rowCount === 0 ? 'done' : 'taken';
    },
    async release(item) {
      await pool.query('UPDATE announcement_queue SET claimed_by = NULL, claim_until = NULL WHERE key = $1 AND claimed_by = $2', [
        keyOf(item),
        owner,
      ]);
    },
  };
  return { initial: { announced, queue }, store };
}

function keyOf(item: QueuedAnnouncement): string {
  return outboxKey(item);
}

/** The server of a key made by announcementKey ("<guild id>:<article>", "shared:<article>"). */
function guildOfKey(key: string): string | null {
  const guild = key.slice(0, key.indexOf(':'));
  return /^\d+$/.test(guild) ? guild : null;
}
