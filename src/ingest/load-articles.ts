/** Loading every article file of the data directory: the shared files and each server's own. */
import { join } from 'node:path';
import type { Article, SkippedFile } from '../model/article.ts';
import { isDiscordId } from '../model/discord-id.ts';
import { GUILDS_FOLDER } from '../model/guilds-folder.ts';
import { assignScopedIds } from './article-id.ts';
import { nodeArticleFs, type ArticleFs } from './article-fs.ts';
import { DEFAULT_MAX_BYTES, describeError, isArticleFileName, parseArticleBytes, readArticleBytes } from './read-article-file.ts';

/** Options for {@link loadArticles}. */
export interface LoadOptions {
  /** Files larger than this many bytes are skipped. Default 5 MB ({@link DEFAULT_MAX_BYTES}). */
  maxBytes?: number;
  /** Parses a file's bytes; default {@link parseArticleBytes}. The corpus cache passes one that reuses what an earlier start parsed from the same bytes. */
  parse?: ParseArticleBytes;
}

/** Parses the bytes of an article file under an id, as {@link parseArticleBytes} does. */
export type ParseArticleBytes = (bytes: Uint8Array, path: string, id: string) => { article: Article } | { skipped: SkippedFile };

/** Loaded articles, skipped files with reasons, and a message when nothing could be loaded at all. */
export interface LoadResult {
  articles: Article[];
  skipped: SkippedFile[];
  /** Set when the directory is missing, not a directory, has no article files, or none loaded. */
  error?: string;
}

/** One article file of the data directory. */
export interface ArticleFileEntry {
  /** Its path relative to the data directory ("story.txt", "guilds/<guild id>/story.md"): unique, the key of the file. */
  name: string;
  /** Its full path. */
  path: string;
  /** The guild whose folder holds it; null for a file directly in the data directory (shared by every server). */
  scope: string | null;
}

/** Every article file of the data directory, and the folders they were found in. */
export interface ArticleListing {
  /** Shared files by name, then each server's files (servers by id, numerically; files by name). */
  files: ArticleFileEntry[];
  /** The `guilds/` folder (when it exists) and each server's folder, full paths: what a watcher watches besides the data directory. */
  folders: string[];
  /** Server folders that could not be read, and why (their files are left out of `files`). */
  unreadable: Array<{ scope: string; folder: string; reason: string }>;
}

/**
 * Reads every `.txt`, `.md` and `.html` file directly in `dir` (shared by every server) and in
 * each `dir/guilds/<guild id>/` (that server's own: `article.scope` is the guild id; shared ones
 * have `scope: null`), in path order, into Articles with ids unique across the whole directory
 * (see assignScopedIds: a shared file's id never depends on what servers add). Bad files go to
 * `skipped` with a reason while the others load; a missing, non-directory or empty `dir` is
 * reported in `error` (never thrown).
 */
export async function loadArticles(dir: string, fs: ArticleFs = nodeArticleFs, options: LoadOptions = {}): Promise<LoadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const parse = options.parse ?? parseArticleBytes;
  const listed = await listAllArticleFiles(fs, dir);
  if ('error' in listed) return { articles: [], skipped: [], error: listed.error };
  const skipped: SkippedFile[] = listed.unreadable.map((u) => ({ file: u.folder, reason: u.reason }));
  if (listed.files.length === 0) return { articles: [], skipped, error: `no .txt, .md or .html article files in ${dir}` };
  const ids = assignScopedIds(listed.files);
  const articles: Article[] = [];
  for (const file of listed.files) {
    const read = await readArticleBytes(fs, file.path, maxBytes);
    const result = 'skipped' in read ? read : parse(read.bytes, file.path, ids.get(file.name)!);
    if ('article' in result) articles.push({ ...result.article, scope: file.scope });
    else skipped.push(result.skipped);
  }
  if (articles.length === 0) {
    return { articles, skipped, error: `none of the ${skipped.length} article files in ${dir} could be loaded` };
  }
  // Corpus order is by path, as the store's rebuilds order articles (src/engine/rebuild-messages.ts sortArticles).
  articles.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { articles, skipped };
}

/**
 * The article files of the data directory: those directly in it, then those of each
 * `guilds/<guild id>/` folder. Entries of `guilds/` that are not folders named by a guild id, or
 * are symbolic links, are ignored. An error when `dir` itself cannot be listed.
 */
export async function listAllArticleFiles(fs: ArticleFs, dir: string): Promise<ArticleListing | { error: string }> {
  const shared = await listArticleFiles(fs, dir);
  if ('error' in shared) return shared;
  const listing: ArticleListing = {
    files: shared.names.map((name) => ({ name, path: join(dir, name), scope: null })),
    folders: [],
    unreadable: [],
  };
  const guilds = join(dir, GUILDS_FOLDER);
  if (!(await isRealDirectory(fs, guilds))) return listing;
  listing.folders.push(guilds);
  let entries: string[];
  try {
    entries = await fs.readdir(guilds);
  } catch {
    return listing; // gone or unreadable since it was looked at: no server articles this time
  }
  const scopes = entries.filter((name) => isDiscordId(name)).sort(compareGuildIds);
  for (const scope of scopes) {
    const folder = join(guilds, scope);
    if (!(await isRealDirectory(fs, folder))) continue;
    listing.folders.push(folder);
    const own = await listArticleFiles(fs, folder);
    if ('error' in own) {
      listing.unreadable.push({ scope, folder, reason: own.error });
      continue;
    }
    for (const name of own.names) listing.files.push({ name: `${GUILDS_FOLDER}/${scope}/${name}`, path: join(folder, name), scope });
  }
  return listing;
}

/** Guild ids in numeric order (older servers first). */
function compareGuildIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** A directory that is not a symbolic link (links are never followed). */
async function isRealDirectory(fs: ArticleFs, path: string): Promise<boolean> {
  try {
    const info = await fs.lstat(path);
    return info.isDirectory() && !info.isSymbolicLink?.();
  } catch {
    return false;
  }
}

/** The article file names in `dir`, sorted; or why the directory cannot be listed. */
export async function listArticleFiles(fs: ArticleFs, dir: string): Promise<{ names: string[] } | { error: string }> {
  try {
    const info = await fs.stat(dir);
    if (!info.isDirectory()) return { error: `data path is not a directory: ${dir}` };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT') return { error: `data directory not found: ${dir}` };
    return { error: `data directory unreadable: ${dir} (${describeError(err)})` };
  }
  try {
    const names = (await fs.readdir(dir)).filter(isArticleFileName);
    return { names: names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) };
  } catch (err) {
    return { error: `data directory unreadable: ${dir} (${describeError(err)})` };
  }
}
