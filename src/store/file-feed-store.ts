/** The embedded default: each server's feeds in `data/guilds/<guild id>/feeds.json` (one process owns a server, so a lease is always granted). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { feedsFile, isGuildId, readGuildFeeds, setAsideInvalidFile, writeGuildFeeds } from './guild-feeds-file.ts';
import { GUILDS_FOLDER } from '../model/guilds-folder.ts';
import type { FeedStateStore } from './feed-state-store.ts';

export function fileFeedStore(dataDir: string): FeedStateStore {
  return {
    guilds() {
      try {
        return readdirSync(join(dataDir, GUILDS_FOLDER), { withFileTypes: true })
          .filter((entry) => entry.isDirectory() && isGuildId(entry.name))
          .map((entry) => entry.name);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
    },
    read: (guildId) => readGuildFeeds(feedsFile(dataDir, guildId)),
    write: (guildId, feeds) => writeGuildFeeds(feedsFile(dataDir, guildId), feeds),
    describe: (guildId) => feedsFile(dataDir, guildId),
    setAside: (guildId, now) => setAsideInvalidFile(feedsFile(dataDir, guildId), now),
    lease: () => Promise.resolve({ kind: 'held', fresh: null }),
    release: () => Promise.resolve(),
  };
}
