/** The embedded default: each server's watches in `data/guilds/<guild id>/watches.json`. */
import path from 'node:path';
import { readStateFile } from '../files/read-state-file.ts';
import { writeFileAtomically } from '../files/write-file-atomically.ts';
import { listGuildFolders, scopeFolder } from '../model/guilds-folder.ts';
import { watchesSchema } from './watch-record.ts';
import type { WatchStore } from './watch-store.ts';

/** File name of a server's watches, in its folder `data/guilds/<guild id>/`. */
export const WATCHES_FILE = 'watches.json';

/** The watches file of a server; a guild id that is not a Discord id is a bug (it would be a path). */
export function watchesFile(dataDir: string, guildId: string): string {
  return path.join(scopeFolder(dataDir, guildId), WATCHES_FILE);
}

export function fileWatchStore(dataDir: string): WatchStore {
  return {
    guilds: () => listGuildFolders(dataDir),
    async read(guildId) {
      const read = await readStateFile(watchesFile(dataDir, guildId), watchesSchema, { limit: { bytes: 200_000, problem: 'too large' } });
      if (read.kind === 'unreadable') return { kind: 'invalid', problem: `cannot be read (${read.code ?? read.problem})` };
      if (read.kind !== 'valid') return read;
      return { kind: 'valid', watches: read.data.watches, ...(read.data.feedFilters ? { feedFilters: read.data.feedFilters } : {}) };
    },
    write: (guildId, watches, feedFilters = []) =>
      writeFileAtomically(watchesFile(dataDir, guildId), `${JSON.stringify({ version: 1, watches, feedFilters }, null, 2)}\n`, {
        durable: true,
      }),
  };
}
