import path from 'node:path';
import { z } from 'zod';
import { readStateFile } from '../files/read-state-file.ts';
import { writeFileAtomically } from '../files/write-file-atomically.ts';
import { DISCORD_ID, isDiscordId } from '../model/discord-id.ts';
import { GUILDS_FOLDER } from '../model/guilds-folder.ts';
import { isUserError } from '../model/user-error.ts';
import { readClockTime, readTimeZone } from '../model/read-schedule-options.ts';

/** File name of a server's digest schedule, in its folder `data/guilds/<guild id>/`. */
export const DIGEST_SCHEDULE_FILE = 'digest.json';

/** A server's daily round-up. */
export interface DigestSchedule {
  /** Where the round-up is posted. */
  channelId: string;
  /** Time of day, 24-hour "HH:MM", in `timezone`. */
  time: string;
  /** IANA time zone ("Europe/Paris", "UTC"). */
  timezone: string;
  /**
   * The end of the period the last round-up covered (ISO 8601): the next one covers the articles
   * added after it. Null before the first round-up.
   */
  lastPostedAt: string | null;
  /** The time slot (ISO 8601) of the last round-up made, so that a slot is never posted twice; null before the first. */
  lastSlot: string | null;
  /** When the schedule was set (ISO 8601): a slot before it is never caught up. */
  setAt: string;
}

const ISO_TIME = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');

const scheduleSchema = z.object({
  channelId: z.string().regex(DISCORD_ID),
  time: z.string().refine((s) => readClockTime(s) === s, 'not a 24-hour HH:MM time'),
  timezone: z
    .string()
    .max(64)
    .refine((s) => !isUserError(readTimeZone(s)), 'not a time zone'),
  lastPostedAt: ISO_TIME.nullable(),
  lastSlot: ISO_TIME.nullable().default(null),
  setAt: ISO_TIME,
});

/** The schedule file of a server. */
export function scheduleFile(dataDir: string, guildId: string): string {
  if (!isDiscordId(guildId)) throw new Error(`not a guild id: ${guildId.slice(0, 40)}`);
  return path.join(dataDir, GUILDS_FOLDER, guildId, DIGEST_SCHEDULE_FILE);
}

/** What reading a schedule file found. */
export type ScheduleRead = { kind: 'missing' } | { kind: 'valid'; schedule: DigestSchedule } | { kind: 'invalid'; problem: string };

/** Reads and validates a server's schedule; a file that cannot be read is reported as invalid (the server's digest is then off, with a warning). */
export async function readSchedule(file: string): Promise<ScheduleRead> {
  const read = await readStateFile(file, scheduleSchema, { limit: { bytes: 10_000, problem: 'too large' } });
  if (read.kind === 'unreadable') return { kind: 'invalid', problem: `cannot be read (${read.code ?? read.problem})` };
  return read.kind === 'valid' ? { kind: 'valid', schedule: read.data } : read;
}

/** A schedule read from elsewhere than digest.json (the database), checked with the same schema. */
export function checkSchedule(value: unknown): ScheduleRead {
  const parsed = scheduleSchema.safeParse(value);
  if (parsed.success) return { kind: 'valid', schedule: parsed.data };
  const issue = parsed.error.issues[0];
  return { kind: 'invalid', problem: `${issue?.path.join('.') || 'schedule'}: ${issue?.message ?? 'invalid'}` };
}

/** Writes a server's schedule atomically and durably (lastPostedAt and lastSlot cannot be recomputed). */
export async function writeSchedule(file: string, schedule: DigestSchedule): Promise<void> {
  await writeFileAtomically(file, `${JSON.stringify(schedule, null, 2)}\n`, { durable: true });
}
