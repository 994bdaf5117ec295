import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Options for {@link writeFileAtomically}. */
export interface AtomicWriteOptions {
  /**
   * Flush the new content to the disk before it replaces the old (fsync of the file, then of
   * its directory after the rename), so a power cut never leaves an empty file. For state that
   * cannot be recomputed (the digest); caches skip it. Default false.
   */
  durable?: boolean;
}

/** Temp files are `<file>.<pid>.<8 hex>.tmp`: the pid tells whether their writer may still run. */
export const TEMP_FILE_PATTERN = /\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Writes `content` (text as UTF-8, or bytes) to `file` so readers see either the old or the new content, never half:
 * a temp file beside it, then rename. Creates the directory. Throws on I/O failure (callers decide).
 * Every file Pilcrow writes goes through here; a temp file left by a killed process is removed
 * at the next start (see removeStaleTempFiles).
 */
export async function writeFileAtomically(file: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(content);
      if (options.durable) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
  if (options.durable) await syncDirectory(dirname(file));
}

async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms cannot open or fsync a directory; the rename itself is still atomic.
  }
}
