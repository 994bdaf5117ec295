/** The embedded default: each server's schedule in `data/guilds/<guild id>/digest.json`. */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { GUILD_ID, readSchedule, scheduleFile, writeSchedule } from '../bot/digest-schedule-file.ts';
import type { ScheduleStore } from './schedule-store.ts';

export function fileScheduleStore(dataDir: string): ScheduleStore {
  return {
    async guilds() {
      try {
        const entries = await readdir(path.join(dataDir, 'guilds'), { withFileTypes: true });
        return entries.filter((e) => e.isDirectory() && GUILD_ID.test(e.name)).map((e) => e.name);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
    },
    read: (guildId) => readSchedule(scheduleFile(dataDir, guildId)),
    write: (guildId, schedule) => writeSchedule(scheduleFile(dataDir, guildId), schedule),
    remove: (guildId) => rm(scheduleFile(dataDir, guildId), { force: true }),
    claimSlot: () => Promise.resolve(true),
  };
}
