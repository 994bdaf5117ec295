/** The small slice of the file system that loading and watching articles needs, injectable for tests. */
import { constants } from 'node:fs';
import { lstat, open, readdir, stat } from 'node:fs/promises';

/** What `stat`/`lstat` must tell about a path (node's Stats has all of it). */
export interface ArticleStat {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink?(): boolean;
  isFIFO?(): boolean;
  isSocket?(): boolean;
  isCharacterDevice?(): boolean;
  isBlockDevice?(): boolean;
  /** Size in bytes. */
  size: number;
  /** Last modification time in milliseconds. */
  mtimeMs: number;
}

/** File-system access used by {@link loadArticles} and {@link watchArticles}. Errors are thrown/rejected as node:fs does. */
export interface ArticleFs {
  /** Names (not paths) of the entries of a directory. */
  readdir(dir: string): Promise<string[]>;
  /** Follows symbolic links: used for the data directory itself. */
  stat(path: string): Promise<ArticleStat>;
  /** Does not follow symbolic links: used for the entries of the data directory. */
  lstat(path: string): Promise<ArticleStat>;
  /**
   * The raw bytes of a regular file. Must refuse (reject) a symbolic link or anything that is not
   * a regular file even if it became one after `lstat` looked, and never block on a FIFO.
   */
  readFile(path: string): Promise<Uint8Array>;
}

/** Thrown by {@link nodeArticleFs}.readFile for a path that is not a regular file when opened. */
export class NotRegularFileError extends Error {
  readonly code = 'ENOTREGULAR';
}

/** O_NOFOLLOW and O_NONBLOCK where the platform has them (not on Windows). */
const SAFE_OPEN = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * The real file system (node:fs/promises). `readFile` opens without following a symbolic link
 * (ELOOP) and without blocking (a FIFO opens at once), then checks on the open handle that it is
 * a regular file before reading: nothing can be swapped in between the check and the read.
 */
export const nodeArticleFs: ArticleFs = {
  readdir: (dir) => readdir(dir),
  stat: (path) => stat(path),
  lstat: (path) => lstat(path),
  readFile: async (path) => {
    const handle = await open(path, SAFE_OPEN);
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new NotRegularFileError(`not a regular file when opened: ${path}`);
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  },
};

/** What kind of entry a stat describes, for messages ("a symbolic link", "a FIFO (named pipe)"…). */
export function describeEntryKind(info: ArticleStat): string {
  if (info.isSymbolicLink?.()) return 'a symbolic link';
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO?.()) return 'a FIFO (named pipe)';
  if (info.isSocket?.()) return 'a socket';
  if (info.isCharacterDevice?.() || info.isBlockDevice?.()) return 'a device';
  if (info.isFile()) return 'a regular file';
  return 'a special file';
}
