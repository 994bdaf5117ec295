/**
 * The article library: articles added by link, by file or from feeds, stored in the data folder
 * as readable Markdown (the files stay the source of truth), each story once.
 */
import { rm } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { writeFileAtomically } from '../files/write-file-atomically.ts';
import { toArticleId } from '../ingest/article-id.ts';
import { parseArticle } from '../ingest/parse-article.ts';
import type { Article } from '../model/article.ts';
import { isUserError, type UserError } from '../model/user-error.ts';
import { articleRecordKeys, type ArticleRecord, type ArticleRecords, type RecordOutcome } from '../store/article-records.ts';
import type { FetchedPage, FetchPage, FetchRefusal } from '../web/fetch-page.ts';
import { chooseCanonicalUrl, cleanUrl, toUrlKey } from './canonical-url.ts';
import { chooseFileName, slugFor, urlSlugSource } from './choose-file-name.ts';
import { hashParagraphs, isDistinctiveText } from './content-hash.ts';
import { libraryError, type LibraryError, type LibraryErrorCode } from './library-error.ts';
import { createLibraryIndex, feedItemKey, type IndexedFile } from './library-index.ts';
import { scopeFolder } from '../model/guilds-folder.ts';
import { readFetchedPage, readUploadedFile } from './read-added-article.ts';
import { createSerialiser } from './serialise.ts';
import { renderArticleMarkdown, type LibraryFacts } from './write-article-markdown.ts';

export type { LibraryErrorCode } from './library-error.ts';

/** The outcome of an add: the stored article, or the one already there (`existed`: nothing was written). */
export interface AddedArticle {
  id: string;
  title: string | null;
  paragraphs: number;
  /** Absolute path of the article's file. */
  file: string;
  existed: boolean;
}

/** An article file of one scope, as `/article list` shows it. */
export interface LibraryEntry {
  id: string;
  title: string | null;
  file: string;
  url: string | null;
  /** When it was added (front matter `added`); null for files placed by hand. */
  added: string | null;
  paragraphs: number;
  /** The guild it belongs to; null for the shared files. */
  scope: string | null;
}

export interface AddOptions {
  /** The guild (Discord server id) it is added for; null = shared by every server (the data folder itself). */
  scope: string | null;
  /** The feed item's id (RSS guid, Atom id, JSON Feed id) it came from: the same item is never stored twice. */
  feedItemId?: string;
  /** The feed's URL (feed item ids are unique only within their feed). */
  feedUrl?: string;
  /** The feed item's date (ISO 8601): the article's date when its page gives none. */
  published?: string;
}

export interface ArticleLibrary {
  /** Fetches the page at `url` (http/https only, through the safe fetcher) and stores its article. */
  addFromUrl(url: string, options: AddOptions): Promise<AddedArticle | UserError<LibraryErrorCode>>;
  /** Stores the article of a page already fetched (a feed item's page). */
  addFromPage(page: FetchedPage, options: AddOptions): Promise<AddedArticle | UserError<LibraryErrorCode>>;
  /** Stores the article of an uploaded .txt, .md or .html file. */
  addFromFile(
    file: { name: string; bytes: Uint8Array; contentType?: string | null },
    options: AddOptions,
  ): Promise<AddedArticle | UserError<LibraryErrorCode>>;
  /** That scope's own article files (a guild's folder, or the shared data folder), newest first (added, else modified). */
  list(scope: string | null): Promise<LibraryEntry[]>;
  /** Deletes that scope's article file with that id; another scope's (the shared files, from a guild) is `unknown-article`. */
  remove(scope: string | null, id: string): Promise<LibraryEntry | UserError<LibraryErrorCode>>;
}

export interface LibraryOptions {
  /** The data folder (DATA_DIR): shared files in it, each guild's under `guilds/<guild id>/`. */
  dataDir: string;
  /** The safe fetcher (src/web/fetch-page.ts). */
  fetchPage: FetchPage;
  /** Milliseconds since the epoch, for `added`; default Date.now. */
  clock?: () => number;
  /**
   * Where servers' articles are recorded besides their files (the database, under several hosts):
   * a server's article is stored there first (its keys unique per server), then written to its
   * folder as the local copy. Default none: the files are the record.
   */
  records?: ArticleRecords;
}

/** Attempts at a free file name when the database says the one chosen is taken (by an article another host added). */
const NAME_ATTEMPTS = 5;

/** Where an article came from, besides its text. */
interface Origin {
  scope: string | null;
  url: string | null;
  sourceUrl: string | null;
  feedItem: string | null;
  feed: string | null;
  fileName: string | null;
  /** What the file name is made from when the article has no headline. */
  slugSource: string | null;
}

/**
 * Opens the library on `dataDir`. Adds are serialised (one at a time per library; fetching and
 * extraction run outside the queue), so two adds of one story store one file. A story is a
 * duplicate — answered with the existing article, nothing written — when its canonical URL (or
 * the address it was fetched from), its feed item or its content hash matches an article of the
 * same scope or of the shared files. Files are written atomically, named by the headline's slug,
 * unique across the data folder and every guild's folder.
 */
export function openArticleLibrary(options: LibraryOptions): ArticleLibrary {
  const { dataDir, fetchPage, records } = options;
  const clock = options.clock ?? Date.now;
  const index = createLibraryIndex(dataDir);
  const serialise = createSerialiser();

  /** The articles a scope's adds are checked against (its own and the shared ones), and every id taken. */
  const scanVisible = (scope: string | null) => index.scan(scope === null ? [null] : [scope, null]);

  const findDuplicate = (files: IndexedFile[], keys: { urls: string[]; feedItem: string | null; hash: string | null }) =>
    files.find(
      (file) =>
        keys.urls.some((key) => file.urlKeys.has(key)) ||
        (keys.feedItem !== null && file.feedItems.has(keys.feedItem)) ||
        (keys.hash !== null && file.hashes.has(keys.hash)),
    );

  const existing = (file: IndexedFile): AddedArticle => ({
    id: file.id,
    title: file.title,
    paragraphs: file.paragraphs,
    file: file.file,
    existed: true,
  });

  const feedKey = (origin: Pick<Origin, 'feedItem' | 'feed'>) =>
    origin.feedItem === null ? null : feedItemKey(origin.feedItem, origin.feed);
  const urlKeys = (...urls: Array<string | null>) =>
    urls.flatMap((url) => (url === null ? [] : [toUrlKey(url)])).filter((key): key is string => key !== null);

  const store = (article: Article, origin: Origin): Promise<AddedArticle | LibraryError> => {
    const added = new Date(clock()).toISOString();
    const facts: LibraryFacts = {
      added,
      url: origin.url,
      sourceUrl: origin.sourceUrl,
      hash: null,
      feedItem: origin.feedItem,
      feed: origin.feed,
      fileName: origin.fileName,
    };
    const draft = { ...article, url: origin.url };
    // What the loader will read from the file is what is stored, counted and hashed.
    const stored = parseArticle(renderArticleMarkdown(draft, facts), 'article.md');
    if ('reason' in stored) return Promise.resolve(libraryError('not-an-article', `Nothing to store: ${stored.reason}.`));
    const hash = hashParagraphs(stored.paragraphs);
    return serialise(async () => {
      const visible = await scanVisible(origin.scope);
      const duplicate = findDuplicate(visible.files, {
        urls: urlKeys(origin.url, origin.sourceUrl),
        feedItem: feedKey(origin),
        hash: isDistinctiveText(stored.paragraphs) ? hash : null,
      });
      if (duplicate) return existing(duplicate);
      const slug = slugFor(stored.title, origin.slugSource);
      let name = chooseFileName(slug, visible.ids);
      const body = renderArticleMarkdown(draft, { ...facts, hash });
      if (records && origin.scope !== null) {
        const item = feedKey(origin);
        const keys = articleRecordKeys({
          urlKeys: urlKeys(origin.url, origin.sourceUrl),
          feedItems: item === null ? [] : [item],
          hashes: isDistinctiveText(stored.paragraphs) ? [hash] : [],
        });
        const taken = new Set(visible.ids);
        for (let attempt = 1; ; attempt++) {
          let outcome: RecordOutcome;
          try {
            outcome = await records.add({ guildId: origin.scope, name, body, addedAt: added, keys });
          } catch (err) {
            return libraryError(
              'write-failed',
              `The article could not be saved in the database (${describeIoError(err)}); try again later.`,
            );
          }
          if (outcome.kind === 'stored') break;
          if (outcome.kind === 'existing') return copyRecorded(outcome.article);
          if (attempt >= NAME_ATTEMPTS)
            return libraryError('write-failed', 'The article could not be saved (its file name kept being taken); try again.');
          taken.add(toArticleId(name));
          name = chooseFileName(slug, taken);
        }
      }
      const file = join(scopeFolder(dataDir, origin.scope), name);
      try {
        await writeFileAtomically(file, body);
      } catch (err) {
        return libraryError('write-failed', `The article could not be saved in the data folder (${describeIoError(err)}).`);
      }
      return { id: toArticleId(name), title: stored.title, paragraphs: stored.paragraphs.length, file, existed: false };
    });
  };

  /** An article another host recorded (the same story): its local copy written when missing, answered as existing. */
  const copyRecorded = async (record: ArticleRecord): Promise<AddedArticle | LibraryError> => {
    const file = join(scopeFolder(dataDir, record.guildId), record.name);
    const parsed = parseArticle(record.body, record.name);
    try {
      await writeFileAtomically(file, record.body);
    } catch (err) {
      return libraryError('write-failed', `The article could not be saved in the data folder (${describeIoError(err)}).`);
    }
    return {
      id: toArticleId(record.name),
      title: 'reason' in parsed ? null : parsed.title,
      paragraphs: 'reason' in parsed ? 0 : parsed.paragraphs.length,
      file,
      existed: true,
    };
  };

  const addFromPage = async (page: FetchedPage, add: AddOptions): Promise<AddedArticle | LibraryError> => {
    scopeFolder(dataDir, add.scope); // a bad scope is a bug: thrown before anything is read
    const article = readFetchedPage(page);
    if (isUserError(article)) return article;
    const url = chooseCanonicalUrl(article.url, page.url);
    const fetchedFrom = cleanUrl(page.url);
    return store(
      { ...article, source: article.source ?? hostOf(page.url), published: article.published ?? add.published ?? null },
      {
        scope: add.scope,
        url,
        sourceUrl: fetchedFrom !== null && fetchedFrom !== url ? fetchedFrom : null,
        feedItem: add.feedItemId ?? null,
        feed: add.feedUrl ?? null,
        fileName: null,
        slugSource: urlSlugSource(url),
      },
    );
  };

  return {
    async addFromUrl(url, add) {
      scopeFolder(dataDir, add.scope);
      const clean = cleanUrl(url);
      if (clean === null)
        return libraryError(
          'bad-url',
          `"${url.trim().slice(0, 100)}" is not a web address Pilcrow can fetch: give a full http:// or https:// link.`,
        );
      // Known already (the same link, or the same feed item): answered without fetching.
      const known = findDuplicate((await scanVisible(add.scope)).files, {
        urls: urlKeys(clean),
        feedItem: feedKey({ feedItem: add.feedItemId ?? null, feed: add.feedUrl ?? null }),
        hash: null,
      });
      if (known) return existing(known);
      const result = await fetchPage(url.trim(), { accept: 'article' });
      if (result.kind === 'refused') return refusalError(result.refusal);
      if (result.kind === 'not-modified') return libraryError('fetch-failed', `${hostOf(clean)} answered "not modified" without the page.`);
      return addFromPage(result.page, add);
    },

    addFromPage,

    async addFromFile(file, add) {
      scopeFolder(dataDir, add.scope);
      const article = readUploadedFile(file);
      if (isUserError(article)) return article;
      const url = article.url === null ? null : cleanUrl(article.url);
      const name = basename(file.name.trim());
      return store(article, {
        scope: add.scope,
        url,
        sourceUrl: null,
        feedItem: add.feedItemId ?? null,
        feed: add.feedUrl ?? null,
        fileName: name,
        slugSource: basename(name, extname(name)),
      });
    },

    async list(scope) {
      scopeFolder(dataDir, scope);
      const { files } = await index.scan([scope]);
      const when = (file: IndexedFile) =>
        file.added !== null && !Number.isNaN(Date.parse(file.added)) ? Date.parse(file.added) : file.mtimeMs;
      return files.sort((a, b) => when(b) - when(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((file) => toEntry(file));
    },

    remove(scope, id) {
      scopeFolder(dataDir, scope);
      return serialise(async () => {
        const { files } = await scanVisible(scope);
        const file = files.find((entry) => entry.id === id && entry.scope === scope);
        if (!file) {
          const shared = scope !== null && files.some((entry) => entry.id === id && entry.scope === null);
          return libraryError(
            'unknown-article',
            shared
              ? `"${id}" is shared by every server (a file in the data folder): it cannot be removed from one server.`
              : `No article "${id.slice(0, 100)}" in ${scope === null ? 'the shared articles' : "this server's articles"}.`,
          );
        }
        if (records && scope !== null) {
          try {
            await records.remove(scope, basename(file.file));
          } catch (err) {
            return libraryError(
              'write-failed',
              `"${id}" could not be removed from the database (${describeIoError(err)}); try again later.`,
            );
          }
        }
        try {
          await rm(file.file);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') return libraryError('unknown-article', `"${id}" was already removed.`);
          return libraryError('write-failed', `"${id}" could not be removed (${describeIoError(err)}).`);
        } finally {
          index.forget(file.file);
        }
        return toEntry(file);
      });
    },
  };
}

function toEntry(file: IndexedFile): LibraryEntry {
  return {
    id: file.id,
    title: file.title,
    file: file.file,
    url: file.url,
    added: file.added,
    paragraphs: file.paragraphs,
    scope: file.scope,
  };
}

/** A refusal of the fetcher as the library's error: addresses Pilcrow may not fetch are `bad-url`, the rest `fetch-failed`; its message kept. */
function refusalError(refusal: FetchRefusal): LibraryError {
  return libraryError(refusal.code === 'bad-url' || refusal.code === 'blocked-address' ? 'bad-url' : 'fetch-failed', refusal.message);
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/** An I/O error for a person, without the host's paths: its code ("EACCES", "ENOSPC") when it has one. */
function describeIoError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string') return code;
  return err instanceof Error ? err.message.split('\n')[0]!.slice(0, 200) : String(err);
}
