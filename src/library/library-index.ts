/** What the library knows of the files in one folder: ids, titles and the keys duplicates are found by. */
import { join } from 'node:path';
import { assignIds } from '../ingest/article-id.ts';
import { nodeArticleFs, type ArticleFs } from '../ingest/article-fs.ts';
import { DEFAULT_MAX_BYTES, isArticleFileName, readArticleFile } from '../ingest/read-article-file.ts';
import { toUrlKey } from './canonical-url.ts';
import { hashParagraphs } from './content-hash.ts';
import { readPilcrowFields } from './read-pilcrow-fields.ts';

/** One article file as the library sees it. */
export interface IndexedFile {
  /** The article id the loader gives it (kebab-case file stem; "-2"… for a repeated stem in the folder). */
  id: string;
  /** Absolute path. */
  file: string;
  title: string | null;
  /** The URL its front matter or page gives (the canonical URL). */
  url: string | null;
  added: string | null;
  paragraphs: number;
  mtimeMs: number;
  /** {@link toUrlKey} of its URL and of the address it was fetched from. */
  urlKeys: Set<string>;
  /** Content hashes: of its paragraphs as they read now, and the one recorded when it was added. */
  hashes: Set<string>;
  /** {@link feedItemKey}s of the feed item it came from. */
  feedItems: Set<string>;
}

/** The key of a feed item: its id within its feed (ids such as "1" are only unique per feed). */
export function feedItemKey(feedItem: string, feed: string | null): string {
  return `${feed === null ? '' : (toUrlKey(feed) ?? feed)}#${feedItem}`;
}

/** Reads folders of article files, remembering each file until its size or modification time changes. */
export interface LibraryIndex {
  /** The readable article files directly in `folder` (none when it does not exist), in name order. */
  scan(folder: string): Promise<IndexedFile[]>;
  /** Forgets a file (after it was removed or replaced). */
  forget(file: string): void;
}

export function createLibraryIndex(fs: ArticleFs = nodeArticleFs, maxBytes: number = DEFAULT_MAX_BYTES): LibraryIndex {
  const cache = new Map<string, { size: number; mtimeMs: number; id: string; entry: IndexedFile | null }>();
  return {
    async scan(folder) {
      let names: string[];
      try {
        names = (await fs.readdir(folder)).filter(isArticleFileName).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return [];
        throw err;
      }
      const ids = assignIds(names);
      const entries: IndexedFile[] = [];
      for (const name of names) {
        const file = join(folder, name);
        const id = ids.get(name)!;
        let info;
        try {
          info = await fs.lstat(file);
        } catch {
          continue; // removed since the folder was listed
        }
        const cached = cache.get(file);
        if (cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs && cached.id === id) {
          if (cached.entry) entries.push(cached.entry);
          continue;
        }
        const entry = await readEntry(fs, file, id, maxBytes, info.mtimeMs);
        cache.set(file, { size: info.size, mtimeMs: info.mtimeMs, id, entry });
        if (entry) entries.push(entry);
      }
      return entries;
    },
    forget(file) {
      cache.delete(file);
    },
  };
}

/** The file read through the article loader (same cleaning, same checks), or null when the loader would skip it. */
async function readEntry(fs: ArticleFs, file: string, id: string, maxBytes: number, mtimeMs: number): Promise<IndexedFile | null> {
  const read = await readArticleFile(fs, file, id, maxBytes);
  if (!('article' in read)) return null;
  const article = read.article;
  let fields = readPilcrowFields('');
  if (!/\.html?$|\.xhtml$/i.test(file)) {
    try {
      fields = readPilcrowFields(new TextDecoder().decode(await fs.readFile(file)));
    } catch {
      // Read a moment ago; gone or changed now: the next scan sees it again.
    }
  }
  const urlKeys = new Set<string>();
  for (const url of [article.url, fields.sourceUrl]) {
    const key = url === null ? null : toUrlKey(url);
    if (key !== null) urlKeys.add(key);
  }
  return {
    id,
    file,
    title: article.title,
    url: article.url,
    added: article.added ?? null,
    paragraphs: article.paragraphs.length,
    mtimeMs,
    urlKeys,
    hashes: new Set([hashParagraphs(article.paragraphs), ...(fields.hash === null ? [] : [fields.hash])]),
    feedItems: new Set(fields.feedItem === null ? [] : [feedItemKey(fields.feedItem, fields.feed)]),
  };
}
