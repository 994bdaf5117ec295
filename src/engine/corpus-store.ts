import type { Logger } from 'pino';
import { watchArticles, type ArticleChanges, type ArticleWatcher } from '../ingest/watch-articles.ts';
import type { Article } from '../model/article.ts';
import type { Corpus } from '../model/corpus.ts';
import { createCorpusRebuilder, type CorpusRebuilder } from './corpus-rebuilder.ts';
import { indexArticles, loadCorpus, toCorpus } from './load-corpus.ts';
import { mergeArticleChanges } from './merge-article-changes.ts';
import { sortArticles } from './rebuild-messages.ts';

export interface CorpusStoreOptions {
  dataDir: string;
  cacheDir?: string;
  /** Pick up added, changed and removed article files while running. Default false. */
  watch?: boolean;
  log?: Logger;
  /** Poll interval of the watcher's fallback, in ms (tests shorten it). */
  pollMs?: number;
  /**
   * Where rebuilds after a change run: 'worker' (default) analyses and indexes in a worker
   * thread so the event loop never blocks for long; 'main-thread' does it inline (the old way,
   * kept for comparison in bench/event-loop-during-rebuild.ts).
   */
  rebuildIn?: 'worker' | 'main-thread';
  /** Worker entry for rebuilds; default the real one (tests substitute a failing one). */
  workerUrl?: URL;
}

/** Called with the new corpus and the ids of articles that were not in the previous one. */
export type CorpusListener = (corpus: Corpus, added: string[]) => void;

/** Holds the live corpus; with `watch`, rebuilds it when the data directory changes. */
export interface CorpusStore {
  current(): Corpus;
  onChange(listener: CorpusListener): void;
  /** Stops watching and ends the rebuild worker; a rebuild in flight is dropped. */
  close(): void;
}

/**
 * Loads the corpus (on this thread, before anything is served) and keeps it current. A change
 * is rebuilt in a worker thread and swapped in atomically; changes arriving during a rebuild are
 * merged into the next one, so rebuilds never overlap. A file that becomes unparseable keeps its
 * previous good version (reported once per change); a failed rebuild keeps the previous corpus.
 */
export async function openCorpusStore(options: CorpusStoreOptions): Promise<CorpusStore | { error: string }> {
  const log = options.log;
  const onWarning = (message: string, err?: unknown): void => log?.warn({ err }, message);
  const listeners: CorpusListener[] = [];
  let corpus: Corpus | null = null;
  let watcher: ArticleWatcher | null = null;
  let rebuilder: CorpusRebuilder | null = null;
  let closed = false;
  let queued: ArticleChanges | null = null;
  let rebuilding = false;

  const apply = async (changes: ArticleChanges): Promise<void> => {
    const previous = corpus;
    if (!previous) return;
    const byId = new Map<string, Article>(previous.articles.map((a) => [a.article.id, a.article]));
    const before = new Set(byId.keys());
    for (const id of changes.removed) byId.delete(id);
    for (const a of changes.changed) byId.set(a.id, a);
    for (const s of changes.skipped) log?.warn({ file: s.file, reason: s.reason }, 'could not load an article file; keeping its previous version, if any');
    if (changes.changed.length === 0 && changes.removed.length === 0) return;
    const articles = sortArticles(byId.values());
    const skipped = [...previous.skipped.filter((s) => !changes.changed.some((a) => a.file === s.file)), ...changes.skipped];
    let next: Corpus;
    if (rebuilder) {
      next = toCorpus(await rebuilder.rebuild(previous, articles, changes), skipped);
    } else {
      next = await indexArticles(articles, skipped, { cacheDir: options.cacheDir, onWarning });
    }
    if (closed) return;
    corpus = next;
    const added = articles.map((a) => a.id).filter((id) => !before.has(id));
    log?.info({ changed: changes.changed.map((a) => a.id), removed: changes.removed, added, articles: articles.length }, 'corpus updated');
    for (const listener of listeners) listener(next, added);
  };

  /** Applies queued changes one batch at a time until none are left. */
  const drain = async (): Promise<void> => {
    if (rebuilding || !corpus) return;
    rebuilding = true;
    try {
      while (queued && !closed) {
        const changes = queued;
        queued = null;
        await apply(changes).catch((err: unknown) => {
          if (!closed) log?.error({ err }, 'could not update the corpus; keeping the previous one');
        });
      }
    } finally {
      rebuilding = false;
    }
  };

  // The watcher starts first, so that nothing changed while the corpus loads is missed:
  // its reports queue up until the initial load is done.
  if (options.watch) {
    watcher = watchArticles(
      options.dataDir,
      (changes) => {
        if (rebuilding) log?.debug({ changed: changes.changed.map((a) => a.id), removed: changes.removed }, 'article changes wait for the rebuild in progress');
        queued = queued ? mergeArticleChanges(queued, changes) : changes;
        void drain();
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
  if (options.watch && options.rebuildIn !== 'main-thread') {
    rebuilder = createCorpusRebuilder({ cacheDir: options.cacheDir, workerUrl: options.workerUrl, onWarning });
    rebuilder.prepare(corpus);
  }
  for (const s of corpus.skipped) log?.warn({ file: s.file, reason: s.reason }, 'skipped an article file');
  if (loaded.warning) log?.warn(`${loaded.warning}; add .txt or .md articles to ${options.dataDir}${options.watch ? ' (they are picked up while running)' : ''}`);
  log?.info({ articles: corpus.articles.length, paragraphs: corpus.articles.reduce((n, a) => n + a.article.paragraphs.length, 0) }, 'corpus loaded');
  void drain();

  const live = corpus;
  return {
    current: () => corpus ?? live,
    onChange: (listener) => {
      listeners.push(listener);
    },
    close: () => {
      closed = true;
      watcher?.close();
      void rebuilder?.close();
    },
  };
}
