/** The small slice of the file system that loading and watching articles needs, injectable for tests. */
import { readdir, readFile, stat } from 'node:fs/promises';

/** What `stat` must tell about a path. */
export interface ArticleStat {
  isFile(): boolean;
  isDirectory(): boolean;
  /** Size in bytes. */
  size: number;
  /** Last modification time in milliseconds. */
  mtimeMs: number;
}

/** File-system access used by {@link loadArticles} and {@link watchArticles}. Errors are thrown/rejected as node:fs does. */
export interface ArticleFs {
  /** Names (not paths) of the entries of a directory. */
  readdir(dir: string): Promise<string[]>;
  stat(path: string): Promise<ArticleStat>;
  /** The raw bytes of a file. */
  readFile(path: string): Promise<Uint8Array>;
}

/** The real file system (node:fs/promises). */
export const nodeArticleFs: ArticleFs = {
  readdir: (dir) => readdir(dir),
  stat: (path) => stat(path),
  readFile: (path) => readFile(path),
};
