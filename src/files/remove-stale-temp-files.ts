/** Removing the temp files that a process killed in the middle of a write left behind. */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_FILE_PATTERN } from './write-file-atomically.ts';

/** Also the temp files of the digest's own writer before it used writeFileAtomically: `<file>.<pid>.<Date.now()>.tmp`. */
const LEGACY_TEMP_FILE_PATTERN = /\.(\d+)\.\d{13}\.tmp$/;

/** A temp file older than this is stale whoever wrote it (no write takes an hour). */
const STALE_AFTER_MS = 60 * 60 * 1000;

/** Whether a process with this id runs (signal 0 only checks). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes stale `*.<pid>.<hex>.tmp` files (see writeFileAtomically) in `dir` and its
 * subdirectories (one level: analysis/): those whose writer no longer runs, those of this very
 * process id (a previous life of it, as in a container where the pid is always the same — call
 * this before writing anything), and any older than an hour. Temp files of other live processes
 * (other shards sharing the cache) are kept. Returns the paths removed; never throws.
 */
export async function removeStaleTempFiles(dir: string, now: () => number = Date.now): Promise<string[]> {
  const removed: string[] = [];
  const visit = async (folder: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && depth > 0) await visit(path, depth - 1);
      const match = entry.isFile() ? (TEMP_FILE_PATTERN.exec(entry.name) ?? LEGACY_TEMP_FILE_PATTERN.exec(entry.name)) : null;
      if (!match) continue;
      const pid = Number(match[1]);
      let stale = pid === process.pid || !isRunning(pid);
      if (!stale)
        stale = await stat(path).then(
          (info) => now() - info.mtimeMs > STALE_AFTER_MS,
          () => false,
        );
      if (
        stale &&
        (await rm(path, { force: true }).then(
          () => true,
          () => false,
        ))
      )
        removed.push(path);
    }
  };
  await visit(dir, 1);
  return removed;
}
