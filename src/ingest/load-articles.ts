/** Loading every article file of the data directory. */
import { join } from 'node:path';
import type { Article, SkippedFile } from '../model/article.ts';
import { assignIds } from './article-id.ts';
import { nodeArticleFs, type ArticleFs } from './article-fs.ts';
import { DEFAULT_MAX_BYTES, describeError, isArticleFileName, readArticleFile } from './read-article-file.ts';

/** Options for {@link loadArticles}. */
export interface LoadOptions {
  /** Files larger than this many bytes are skipped. Default 5 MB ({@link DEFAULT_MAX_BYTES}). */
  maxBytes?: number;
}

/** Loaded articles, skipped files with reasons, and a message when nothing could be loaded at all. */
export interface LoadResult {
  articles: Article[];
  skipped: SkippedFile[];
  /** Set when the directory is missing, not a directory, has no article files, or none loaded. */
  error?: string;
}

/**
 * Reads every `.txt`, `.md` and `.html` file directly in `dir` (not recursive), sorted by name, into
 * Articles with unique ids (a repeated id gets "-2", "-3"…, in name order). Bad files go to
 * `skipped` with a reason while the others load; a missing, non-directory or empty `dir` is
 * reported in `error` (never thrown).
 */
export async function loadArticles(dir: string, fs: ArticleFs = nodeArticleFs, options: LoadOptions = {}): Promise<LoadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const listed = await listArticleFiles(fs, dir);
  if ('error' in listed) return { articles: [], skipped: [], error: listed.error };
  if (listed.names.length === 0) return { articles: [], skipped: [], error: `no .txt, .md or .html article files in ${dir}` };
  const ids = assignIds(listed.names);
  const articles: Article[] = [];
  const skipped: SkippedFile[] = [];
  for (const name of listed.names) {
    const result = await readArticleFile(fs, join(dir, name), ids.get(name)!, maxBytes);
    if ('article' in result) articles.push(result.article);
    else skipped.push(result.skipped);
  }
  if (articles.length === 0) {
    return { articles, skipped, error: `none of the ${skipped.length} article files in ${dir} could be loaded` };
  }
  return { articles, skipped };
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
