/**
 * Where the articles added to a server are kept when files on one disk are not enough: the
 * database (src/store/pg/pg-article-records.ts) is their record, and each host keeps a copy of
 * the servers it owns in `DATA_DIR/guilds/<id>/` (src/store/mirror-articles.ts) for the loader,
 * the watcher and the caches. With no database the files are the record and this is not used.
 */

/** One article of a server, as the library wrote it. */
export interface ArticleRecord {
  guildId: string;
  /** File name (`<slug>.md`); its stem is the article id, unique across servers and the shared files. */
  name: string;
  /** The Markdown file's text. */
  body: string;
  /** ISO 8601. */
  addedAt: string;
  /** What makes another article of the server a duplicate of it (URL keys, feed item key, content hash). */
  keys: string[];
}

/** What recording an article did. */
export type RecordOutcome =
  | { kind: 'stored' }
  /** The server has that story already (a key matched): nothing was stored. */
  | { kind: 'existing'; article: ArticleRecord }
  /** Another article (perhaps of another server) has that name: choose another. */
  | { kind: 'name-taken' };

export interface ArticleRecords {
  /** Stores an article unless one of its keys or its name is taken (atomically: two hosts never store one story twice). */
  add(article: ArticleRecord): Promise<RecordOutcome>;
  /** Removes a server's article by file name; false when it was not there. */
  remove(guildId: string, name: string): Promise<boolean>;
  /** A server's articles, oldest first. */
  list(guildId: string): Promise<ArticleRecord[]>;
  /** Every server with an article. */
  guilds(): Promise<string[]>;
}

/** The keys an article is recorded under: `url:` its URL keys, `item:` its feed item key, `hash:` its content hashes (only for distinctive text). */
export function articleRecordKeys(parts: { urlKeys: Iterable<string>; feedItems: Iterable<string>; hashes: Iterable<string> }): string[] {
  return [
    ...[...parts.urlKeys].map((key) => `url:${key}`),
    ...[...parts.feedItems].map((key) => `item:${key}`),
    ...[...parts.hashes].map((hash) => `hash:${hash}`),
  ];
}
