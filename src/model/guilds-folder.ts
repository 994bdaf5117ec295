/**
 * The folder of the data directory holding one folder per server (`guilds/<server id>/`): the
 * server's own articles, its feeds.json and its digest schedule. Each folder is named by a
 * Discord id (isDiscordId); other names under it are ignored. Where a scope's articles live (the
 * data directory itself, shared by every server, or a server's folder) and which servers have a
 * folder are answered here, below the library and the store that both keep files in it.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isDiscordId } from './discord-id.ts';

export const GUILDS_FOLDER = 'guilds';

/** The folder of `scope`: `<dataDir>` for null (shared), `<dataDir>/guilds/<guild id>` for a server. Throws on a scope that is not a guild id (a bug in the caller). */
export function scopeFolder(dataDir: string, scope: string | null): string {
  if (scope === null) return dataDir;
  if (!isDiscordId(scope)) throw new TypeError(`not a guild id: ${JSON.stringify(scope).slice(0, 40)}`);
  return join(dataDir, GUILDS_FOLDER, scope);
}

/** The servers with a folder in the data directory (none when `guilds/` does not exist). Throws when it cannot be read. */
export async function listGuildFolders(dataDir: string): Promise<string[]> {
  try {
    const entries = await readdir(join(dataDir, GUILDS_FOLDER), { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory() && isDiscordId(entry.name)).map((entry) => entry.name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
