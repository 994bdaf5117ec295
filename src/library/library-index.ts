/** What the library knows of the article files of the data directory: the loader's ids, titles and the keys duplicates are found by. */
import { assignScopedIds } from '../ingest/article-id.ts';
import { nodeArticleFs, type ArticleFs } from '../ingest/article-fs.ts';
import { listAllArticleFiles } from '../ingest/load-articles.ts';
import { DEFAULT_MAX_BYTES, readArticleFile } from '../ingest/read-article-file.ts';
import { toUrlKey } from './canonical-url.ts';
import { hashParagraphs } from './content-hash.ts';
import { readPilcrowFields } from './read-pilcrow-fields.ts';

/** One article file as the library sees it. */
export interface IndexedFile {
  /** The article id the loader gives it (unique across the data directory). */
  id: string;
  /** Absolute path. */
  file: string;
  /** The guild whose folder it is in; null for a shared file. */
  scope: string | null;
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

/** The files of the scopes asked for, and every id given in the data directory (for naming new files). */
export interface LibraryScan {
  files: IndexedFile[];
  ids: Set<string>;
}

/** The key of a feed item: its id within its feed (ids such as "1" are only unique per feed). */
export function feedItemKey(feedItem: string, feed: string | null): string {
  return `${feed === null ? '' : (toUrlKey(feed) ?? feed)}#${feedItem}`;
}

/** Reads the data directory's article files, remembering each file until its size, modification time or id changes. */
export interface LibraryIndex {
  /**
   * Lists the whole data directory as the loader does (shared files, then each `guilds/<id>/`),
   * with the loader's ids, and reads the files of `scopes` (null = the shared files): those the
   * loader would skip are left out. A data directory that does not exist yet is empty.
   */
  scan(scopes: ReadonlyArray<string | null>): Promise<LibraryScan>;
  /** Forgets a file (after it was removed). */
  forget(file: string): void;
}

export function createLibraryIndex(dataDir: string, fs: ArticleFs = nodeArticleFs, maxBytes: number = DEFAULT_MAX_BYTES): LibraryIndex {
  const cache = new Map<string, { size: number; mtimeMs: number; id: string; entry: IndexedFile | null }>();
  return {
    async scan(scopes) {
      const listing = await listAllArticleFiles(fs, dataDir);
      if ('error' in listing) return { files: [], ids: new Set() };
      const ids = assignScopedIds(listing.files);
      const wanted = new Set(scopes);
      const files: IndexedFile[] = [];
      for (const listed of listing.files) {
        if (!wanted.has(listed.scope)) continue;
        const id = ids.get(listed.name)!;
        let info;
        try {
          info = await fs.lstat(listed.path);
        } catch {
          continue; // removed since the folder was listed
        }
        const cached = cache.get(listed.path);
        if (cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs && cached.id === id) {
          if (cached.entry) files.push(cached.entry);
          continue;
        }
        const entry = await readEntry(fs, listed.path, id, listed.scope, maxBytes, info.mtimeMs);
        cache.set(listed.path, { size: info.size, mtimeMs: info.mtimeMs, id, entry });
        if (entry) files.push(entry);
      }
      return { files, ids: new Set(ids.values()) };
    },
    forget(file) {
      cache.delete(file);
    },
  };
}

/** The file read through the article loader (same cleaning, same checks), or null when the loader would skip it. */
async function readEntry(
  fs: ArticleFs,
  file: string,
  id: string,
  scope: string | null,
  maxBytes: number,
  mtimeMs: number,
): Promise<IndexedFile | null> {
  const read = await readArticleFile(fs, file, id, maxBytes);
  if (!('article' in read)) return null;
  const article = read.article;
  let fields = readPilcrowFields('');
  if (!/\.(?:html?|xhtml)$/i.test(file)) {
    try {
      fields = readPilcrowFields(new TextDecoder().decode(await fs.readFile(file)));
    } catch {
      // Read a moment ago; gone or changed now: the next scan reads it again.
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
    scope,
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
