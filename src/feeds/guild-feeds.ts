/** The feeds of each server in memory, read from their store the first time they are asked for, and written back through one writer each. */
import type { Logger } from 'pino';
import { createSerialWriter } from '../files/serial-writer.ts';
import type { FeedStateStore } from '../store/feed-state-store.ts';
import type { FeedRecord } from '../store/guild-feeds-file.ts';

/** A server's subscriptions in memory, and how they reach the store. */
export interface GuildFeeds {
  /** The server. */
  guildId: string;
  /** Where its feeds are stored, for log lines (the file, or the database: FeedStateStore.describe). */
  file: string;
  /** Its subscriptions, oldest first; checks update the records in place and then `save`. */
  feeds: FeedRecord[];
  /** Why its feeds cannot be written (the file exists but could not be read, nor set aside): adding is refused. Null when they can. */
  unavailable: string | null;
  /** Writes `feeds` once the write under way has finished; calls meanwhile share one write (src/files/serial-writer.ts). Rejects when that write fails. */
  save: () => Promise<void>;
  /** Resolves when no write is under way or waiting. */
  flushed: () => Promise<void>;
}

/** What the servers' feeds are read with. */
export interface GuildFeedsOptions {
  /** Where each server's feeds are read from and written to. */
  store: FeedStateStore;
  /** Told of a list that is invalid or cannot be read. */
  log: Logger;
  /** Names the copy of an invalid list (FeedStateStore.setAside). */
  clock: () => number;
}

/** Every server's feeds this process has read. */
export interface GuildFeedsBook {
  /** The server's feeds, read from the store the first time (synchronously: a server's list is small). */
  get(guildId: string): GuildFeeds;
  /** The servers read so far. */
  loaded(): IterableIterator<GuildFeeds>;
  /** How many servers were read. */
  count(): number;
}

export function openGuildFeeds({ store, log, clock }: GuildFeedsOptions): GuildFeedsBook {
  const guilds = new Map<string, GuildFeeds>();

  function read(guildId: string): GuildFeeds {
    const file = store.describe(guildId);
    const found = store.read(guildId);
    const writer = createSerialWriter((feeds: readonly FeedRecord[]) => store.write(guildId, feeds));
    const guild: GuildFeeds = {
      guildId,
      file,
      feeds: [],
      unavailable: null,
      // The live list: a write waiting its turn writes the records as they are when it starts.
      save: () => writer.write(guild.feeds),
      flushed: () => writer.flushed(),
    };
    if (found.kind === 'valid') guild.feeds = found.feeds;
    if (found.kind === 'invalid') {
      const copy = store.setAside(guildId, clock());
      if (copy === null) guild.unavailable = `${file} is invalid (${found.problem}) and could not be copied aside`;
      log.warn(
        { guildId, file, problem: found.problem, copy },
        'feeds.json is invalid: its feeds are not polled; a copy was kept and the file is rewritten at the next change',
      );
    }
    if (found.kind === 'unreadable') {
      guild.unavailable = `${file} cannot be read (${found.problem})`;
      log.warn({ guildId, file, problem: found.problem }, 'feeds.json cannot be read: its feeds are not polled');
    }
    return guild;
  }

  return {
    get(guildId) {
      const known = guilds.get(guildId);
      if (known) return known;
      const guild = read(guildId);
      guilds.set(guildId, guild);
      return guild;
    },
    loaded: () => guilds.values(),
    count: () => guilds.size,
  };
}
