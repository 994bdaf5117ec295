/** Where a scope's articles live: the data directory itself (shared by every server) or a server's folder. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** A Discord guild id (snowflake): the only names a server's folder may have. */
export const GUILD_ID = /^\d{15,21}$/;

/** The folder of `scope`: `<dataDir>` for null (shared), `<dataDir>/guilds/<guild id>` for a server. Throws on a scope that is not a guild id (a bug in the caller). */
export function scopeFolder(dataDir: string, scope: string | null): string {
  if (scope === null) return dataDir;
  if (!GUILD_ID.test(scope)) throw new TypeError(`not a guild id: ${JSON.stringify(scope).slice(0, 40)}`);
  return join(dataDir, 'guilds', scope);
}

/** The folder holding every server's folder. */
export function guildsFolder(dataDir: string): string {
  return join(dataDir, 'guilds');
}

/** The servers with a folder in the data directory (none when `guilds/` does not exist). Throws when it cannot be read. */
export async function listGuildFolders(dataDir: string): Promise<string[]> {
  try {
    const entries = await readdir(guildsFolder(dataDir), { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory() && GUILD_ID.test(entry.name)).map((entry) => entry.name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
