/**
 * Where each server's daily round-up schedule and the slots it posted are kept: one interface, two
 * implementations (files: `file-schedule-store.ts`; PostgreSQL: `pg/pg-schedule-store.ts`).
 */
import type { DigestSchedule, ScheduleRead } from './digest-schedule-file.ts';

export interface ScheduleStore {
  /** Servers that may have a schedule. */
  guilds(): Promise<string[]>;
  read(guildId: string): Promise<ScheduleRead>;
  /** Stores a server's schedule (replacing the one there). Throws on failure. */
  write(guildId: string, schedule: DigestSchedule): Promise<void>;
  /** Removes a server's schedule (none there is fine). */
  remove(guildId: string): Promise<void>;
  /**
   * Takes the right to post a server's round-up of one slot (ISO 8601): false when that slot (or a
   * later one) was posted already, or another process is posting it now. Under one process always true.
   */
  claimSlot(guildId: string, slot: string): Promise<boolean>;
}
