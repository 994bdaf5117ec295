/** The embedded default: each server's schedule in `data/guilds/<guild id>/digest.json`. */
import { rm } from 'node:fs/promises';
import { readSchedule, scheduleFile, writeSchedule } from './digest-schedule-file.ts';
import { listGuildFolders } from '../model/guilds-folder.ts';
import type { ScheduleStore } from './schedule-store.ts';

export function fileScheduleStore(dataDir: string): ScheduleStore {
  return {
    guilds: () => listGuildFolders(dataDir),
    read: (guildId) => readSchedule(scheduleFile(dataDir, guildId)),
    write: (guildId, schedule) => writeSchedule(scheduleFile(dataDir, guildId), schedule),
    remove: (guildId) => rm(scheduleFile(dataDir, guildId), { force: true }),
    claimSlot: () => Promise.resolve(true),
  };
}
