/** A stored watch of one server (what `/watch add` keeps), its schema, and the limits on it. */
import { z } from 'zod';
import { DISCORD_ID } from '../model/discord-id.ts';
import type { WatchSpec } from '../model/watch-spec.ts';

export interface WatchRecord {
  /** Short id, unique within its server ("w3f9a1c2"). */
  id: string;
  kind: 'person' | 'topic';
  /** The person's fullest name as the corpus knows it, or the topic (normalised member text). */
  value: string;
  /** Person watches: fire only when the person is quoted. */
  quotedOnly: boolean;
  /** Where alerts go: a text channel of the server, or (null) the member's direct messages. */
  channelId: string | null;
  /** Who added it; for a direct-message watch, who gets its alerts. */
  userId: string;
  addedAt: string;
  /** Why alerts are not sent for now (a closed direct-message channel), or null. */
  paused: string | null;
}

/** Limits on a server's watches, in one place. */
export const WATCH_LIMITS = Object.freeze({
  /** Watches per server: one autocomplete list (25) shows them all. */
  perServer: 25,
  /** Direct-message watches per member per server. */
  perMember: 5,
  /** Longest name or topic, in characters. */
  valueLength: 100,
});

export const watchSchema = z.object({
  id: z.string().regex(/^w[0-9a-f]{8}$/),
  kind: z.enum(['person', 'topic']),
  value: z.string().min(1).max(WATCH_LIMITS.valueLength),
  quotedOnly: z.boolean(),
  channelId: z.string().regex(DISCORD_ID).nullable(),
  userId: z.string().regex(DISCORD_ID),
  addedAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date'),
  paused: z.string().max(300).nullable(),
});

/** A feed's filter (/feed add … only:): its items are stored, and announced only when they match. */
export interface FeedFilter {
  feedId: string;
  kind: 'person' | 'topic';
  value: string;
  /** Items stored but not announced since the filter was set. */
  heldBack: number;
}

export const feedFilterSchema = z.object({
  feedId: z.string().min(1).max(100),
  kind: z.enum(['person', 'topic']),
  value: z.string().min(1).max(WATCH_LIMITS.valueLength),
  heldBack: z.number().int().min(0),
});

export const watchesSchema = z.object({
  version: z.literal(1),
  watches: z.array(watchSchema).max(WATCH_LIMITS.perServer * 4),
  /** Absent in files written before feed filters. */
  feedFilters: z.array(feedFilterSchema).max(200).optional(),
});

/** What reading a server's watches found. */
export type WatchesRead =
  { kind: 'missing' } | { kind: 'valid'; watches: WatchRecord[]; feedFilters?: FeedFilter[] } | { kind: 'invalid'; problem: string };

/** Watches read from elsewhere than a file (the database), checked with the same schema. */
export function checkWatches(value: unknown): WatchesRead {
  const parsed = watchesSchema.safeParse(value);
  if (parsed.success)
    return { kind: 'valid', watches: parsed.data.watches, ...(parsed.data.feedFilters ? { feedFilters: parsed.data.feedFilters } : {}) };
  const issue = parsed.error.issues[0];
  return { kind: 'invalid', problem: `${issue?.path.join('.') || 'watches'}: ${issue?.message ?? 'invalid'}` };
}

/** What the matching engine needs of a record. */
export function specOf(record: Pick<WatchRecord, 'kind' | 'value' | 'quotedOnly'>): WatchSpec {
  return record.kind === 'person'
    ? { kind: 'person', person: record.value, quotedOnly: record.quotedOnly }
    : { kind: 'topic', topic: record.value };
}
