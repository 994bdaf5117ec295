/**
 * Digest schedules in PostgreSQL (table `digest_schedules`). The slot last posted is also kept in
 * its own column, only ever moved forward; a slot is claimed (owner + expiry) before it is posted,
 * so of two processes that both believe they own a server, one posts it.
 */
import type { Pool } from 'pg';
import { checkSchedule } from '../digest-schedule-file.ts';
import type { ScheduleStore } from '../schedule-store.ts';

export interface PgScheduleStoreOptions {
  pool: Pool;
  owner: string;
  /** How long a claim on a slot lasts (a post that takes longer may be made by another): default 10 minutes. */
  claimMs?: number;
}

export function pgScheduleStore(options: PgScheduleStoreOptions): ScheduleStore {
  const { pool, owner } = options;
  const claimMs = options.claimMs ?? 10 * 60_000;
  return {
    async guilds() {
      return (await pool.query<{ guild_id: string }>('SELECT guild_id FROM digest_schedules ORDER BY guild_id')).rows.map(
        (r) => r.guild_id,
      );
    },
    async read(guildId) {
      const { rows } = await pool.query<{ schedule: Record<string, unknown>; last_slot: Date | null }>(
        'SELECT schedule, last_slot FROM digest_schedules WHERE guild_id = $1',
        [guildId],
      );
      const row = rows[0];
      if (!row) return { kind: 'missing' };
      const read = checkSchedule(row.schedule);
      if (read.kind !== 'valid' || row.last_slot === null) return read;
      const stored = read.schedule.lastSlot === null ? 0 : Date.parse(read.schedule.lastSlot);
      return row.last_slot.getTime() > stored
        ? { kind: 'valid', schedule: { ...read.schedule, lastSlot: row.last_slot.toISOString() } }
        : read;
    },
    async write(guildId, schedule) {
      await pool.query(
        `INSERT INTO digest_schedules (guild_id, schedule, last_slot) VALUES ($1, $2, $3)
         ON CONFLICT (guild_id) DO UPDATE SET schedule = EXCLUDED.schedule,
           last_slot = GREATEST(digest_schedules.last_slot, EXCLUDED.last_slot)`,
        [guildId, JSON.stringify(schedule), schedule.lastSlot],
      );
    },
    async remove(guildId) {
      await pool.query('DELETE FROM digest_schedules WHERE guild_id = $1', [guildId]);
    },
    async claimSlot(guildId, slot) {
      const { rowCount } = await pool.query(
        `UPDATE digest_schedules SET claimed_slot = $2, claimed_by = $3, claim_until = now() + $4 * interval '1 millisecond'
         WHERE guild_id = $1 AND (last_slot IS NULL OR last_slot < $2)
           AND (claimed_slot IS NULL OR claimed_slot < $2 OR claimed_by = $3 OR claim_until < now())`,
        [guildId, slot, owner, claimMs],
      );
      return rowCount === 1;
    },
  };
}
