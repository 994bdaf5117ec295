/** The embedded default: each server's watches in `data/guilds/<guild id>/watches.json`. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { readStateFile } from '../files/read-state-file.ts';
import { writeFileAtomically } from '../files/write-file-atomically.ts';
import { watchesSchema } from './watch-record.ts';
import type { WatchStore } from './watch-store.ts';

/** File name of a server's watches, in its folder `data/guilds/<guild id>/`. */
export const WATCHES_FILE = 'watches.json';

const GUILD_ID = /^\d{5,25}$/;

/** The watches file of a server; a guild id that is not digits is a bug (it would be a path). */
export function watchesFile(dataDir: string, guildId: string): string {
  if (!GUILD_ID.test(guildId)) throw new Error(`not a guild id: ${guildId.slice(0, 40)}`);
  return path.join(dataDir, 'guilds', guildId, WATCHES_FILE);
}

export function fileWatchStore(dataDir: string): WatchStore {
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
