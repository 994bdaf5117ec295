import type { Logger } from 'pino';
import { watchArticles, type ArticleChanges, type ArticleWatcher } from '../ingest/watch-articles.ts';
import type { Article } from '../model/article.ts';
import type { Corpus } from '../model/corpus.ts';
import { indexArticles, loadCorpus } from './load-corpus.ts';

export interface CorpusStoreOptions {
  dataDir: string;
  cacheDir?: string;
  /** Pick up added, changed and removed article files while running. Default false. */
  watch?: boolean;
  log?: Logger;
  /** Poll interval of the watcher's fallback, in ms (tests shorten it). */
  pollMs?: number;
}

/** Called with the new corpus and the ids of articles that were not in the previous one. */
export type CorpusListener = (corpus: Corpus, added: string[]) => void;

/** Holds the live corpus; with `watch`, rebuilds it when the data directory changes. */
export interface CorpusStore {
  current(): Corpus;
  onChange(listener: CorpusListener): void;
  close(): void;
}

/**
 * Loads the corpus and keeps it current. A file that becomes unparseable keeps its previous
 * good version (and is reported once per change); rebuilds never overlap.
 */
export async function openCorpusStore(options: CorpusStoreOptions): Promise<CorpusStore | { error: string }> {
  const log = options.log;
  const onWarning = (message: string, err?: unknown): void => log?.warn({ err }, message);
  const listeners: CorpusListener[] = [];
  let corpus: Corpus | null = null;
  let watcher: ArticleWatcher | null = null;

  const apply = async (changes: ArticleChanges): Promise<void> => {
    if (!corpus) return;
    const byId = new Map<string, Article>(corpus.articles.map((a) => [a.article.id, a.article]));
    const before = new Set(byId.keys());
    for (const id of changes.removed) byId.delete(id);
    for (const a of changes.changed) byId.set(a.id, a);
    for (const s of changes.skipped) log?.warn({ file: s.file, reason: s.reason }, 'could not load an article file; keeping its previous version, if any');
    if (changes.changed.length === 0 && changes.removed.length === 0) return;
    const articles = [...byId.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const skipped = [...corpus.skipped.filter((s) => !changes.changed.some((a) => a.file === s.file)), ...changes.skipped];
    corpus = await indexArticles(articles, skipped, { cacheDir: options.cacheDir, onWarning });
    const added = articles.map((a) => a.id).filter((id) => !before.has(id));
    log?.info({ changed: changes.changed.map((a) => a.id), removed: changes.removed, added, articles: articles.length }, 'corpus updated');
    for (const listener of listeners) listener(corpus, added);
  };

  // The watcher starts first, so that nothing changed while the corpus loads is missed:
  // its reports queue up behind the initial load.
  let release: () => void = () => {};
  let pending = new Promise<void>((resolve) => {
    release = resolve;
  });
  if (options.watch) {
    watcher = watchArticles(
      options.dataDir,
      (changes) => {
        pending = pending.then(() => apply(changes)).catch((err: unknown) => log?.error({ err }, 'could not update the corpus; keeping the previous one'));
      },
      { pollMs: options.pollMs, onError: (err) => log?.warn({ err }, 'watching the data directory failed') },
    );
    await watcher.ready.catch(() => undefined);
  }
  const loaded = await loadCorpus({ dataDir: options.dataDir, cacheDir: options.cacheDir, onWarning });
  if ('error' in loaded) {
    watcher?.close();
    return loaded;
  }
  corpus = loaded.corpus;
  release();
  for (const s of corpus.skipped) log?.warn({ file: s.file, reason: s.reason }, 'skipped an article file');
  if (loaded.warning) log?.warn(`${loaded.warning}; add .txt or .md articles to ${options.dataDir}${options.watch ? ' (they are picked up while running)' : ''}`);
  log?.info({ articles: corpus.articles.length, paragraphs: corpus.articles.reduce((n, a) => n + a.article.paragraphs.length, 0) }, 'corpus loaded');

  const live = corpus;
  return {
    current: () => corpus ?? live,
    onChange: (listener) => {
      listeners.push(listener);
    },
    close: () => watcher?.close(),
  };
}
