import type { Logger } from 'pino';
import { DEFAULT_CACHE_DIR } from '../files/default-cache-dir.ts';
import { removeStaleTempFiles } from '../files/remove-stale-temp-files.ts';
import { watchArticles, type ArticleChanges, type ArticleWatcher } from '../ingest/watch-articles.ts';
import type { Article } from '../model/article.ts';
import type { Corpus } from '../model/corpus.ts';
import { createCorpusRebuilder, type CorpusRebuilder } from './corpus-rebuilder.ts';
import { loadCorpus, toCorpus } from './load-corpus.ts';
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
  /** Worker entry for rebuilds; default the real one (tests substitute a failing one). */
  workerUrl?: URL;
}

/** Called with the new corpus and the ids of articles that were not in the previous one. */
export type CorpusListener = (corpus: Corpus, added: string[]) => void;

/** Holds the live corpus; with `watch`, rebuilds it when the data directory changes. */
export interface CorpusStore {
  current(): Corpus;
  onChange(listener: CorpusListener): void;
  /** Resolves once the data directory was scanned after this call and every change found is applied (or dropped, once closed): what tests wait on instead of a fixed time. */
  settled(): Promise<void>;
  /** Stops watching and ends the rebuild worker; a rebuild in flight is dropped. */
  close(): void;
}

/**
 * Removes temp files a killed write left in the cache, loads the corpus (on this thread, before
 * anything is served) and keeps it current. A change
 * is rebuilt in a worker thread and swapped in atomically; changes arriving during a rebuild are
 * merged into the next one, so rebuilds never overlap. A file that becomes unparseable keeps its
 * previous good version (reported once per change); a file whose analysis fails is skipped (its
 * previous version kept) while the rest of its batch goes in; a failed rebuild keeps the previous corpus.
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
  /** The drain under way (settled waits for it). */
  let draining: Promise<void> = Promise.resolve();

  const apply = async (changes: ArticleChanges): Promise<void> => {
    const previous = corpus;
    // Both are set once the corpus has loaded; changes seen before wait in the queue until then.
    if (!previous || !rebuilder) return;
    const byId = new Map<string, Article>(previous.articles.map((a) => [a.article.id, a.article]));
    const before = new Set(byId.keys());
    for (const id of changes.removed) byId.delete(id);
    for (const a of changes.changed) byId.set(a.id, a);
    for (const s of changes.skipped)
      log?.warn({ file: s.file, reason: s.reason }, 'could not load an article file; keeping its previous version, if any');
    if (changes.changed.length === 0 && changes.removed.length === 0) return;
    const requested = sortArticles(byId.values());
    let skipped = [...previous.skipped.filter((s) => !changes.changed.some((a) => a.file === s.file)), ...changes.skipped];
    // Analysed and indexed in a worker thread, so the event loop never blocks for long.
    const rebuilt = await rebuilder.rebuild(previous, requested, changes);
    for (const f of rebuilt.failed) {
      log?.warn(
        { file: f.file, reason: f.reason },
        f.kept ? 'could not analyse an article file; keeping its previous version' : 'could not analyse an article file; skipping it',
      );
    }
    skipped = [...skipped, ...rebuilt.failed.map(({ file, reason }) => ({ file, reason }))];
    const next: Corpus = toCorpus(rebuilt, skipped);
    if (closed) return;
    corpus = next;
    const added = next.articles.map((a) => a.article.id).filter((id) => !before.has(id));
    const changed = changes.changed
      .map((a) => a.id)
      .filter((id) => next.byId.get(id)?.article === changes.changed.find((a) => a.id === id));
    log?.info({ changed, removed: changes.removed, added, articles: next.articles.length }, 'corpus updated');
    for (const listener of listeners) listener(next, added);
  };

  /**
   * Applies one batch; when the whole batch fails (the worker died, say from an analysis that ran
   * out of memory), tries its files one at a time, so that one bad file never costs the others
   * their update: the file that still fails alone is skipped and reported.
   */
  const applyOrSplit = async (changes: ArticleChanges): Promise<void> => {
    try {
      await apply(changes);
      return;
    } catch (err) {
      if (closed) return;
      if (changes.changed.length <= 1) {
        const file = changes.changed[0]?.file;
        log?.error(
          { err, file },
          file
            ? 'could not add an article file; skipping it and keeping the previous corpus'
            : 'could not update the corpus; keeping the previous one',
        );
        if (file && corpus)
          corpus = {
            ...corpus,
            skipped: [
              ...corpus.skipped.filter((s) => s.file !== file),
              { file, reason: `could not be analysed: ${err instanceof Error ? err.message : String(err)}` },
            ],
          };
        return;
      }
      log?.warn(
        { err, files: changes.changed.map((a) => a.file) },
        'could not update the corpus with these files at once; trying them one at a time',
      );
    }
    const parts: ArticleChanges[] = changes.changed.map((article, i) => ({
      changed: [article],
      removed: i === 0 ? changes.removed : [],
      skipped: i === 0 ? changes.skipped : [],
    }));
    for (const part of parts) {
      if (closed) return;
      await applyOrSplit(part);
    }
  };

  /** Applies queued changes one batch at a time until none are left. */
  const drain = async (): Promise<void> => {
    if (rebuilding || !corpus) return;
    rebuilding = true;
    let done = (): void => {};
    draining = new Promise((resolve) => (done = resolve));
    try {
      while (queued && !closed) {
        const changes = queued;
        queued = null;
        await applyOrSplit(changes).catch((err: unknown) => {
          if (!closed) log?.error({ err }, 'could not update the corpus; keeping the previous one');
        });
      }
    } finally {
      rebuilding = false;
      done();
    }
  };

  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  const removed = await removeStaleTempFiles(cacheDir);
  if (removed.length > 0) log?.info({ files: removed }, 'removed temporary files left by an interrupted write');

  // The watcher starts first, so that nothing changed while the corpus loads is missed:
  // its reports queue up until the initial load is done.
  if (options.watch) {
    watcher = watchArticles(
      options.dataDir,
      (changes) => {
        if (rebuilding)
          log?.debug(
            { changed: changes.changed.map((a) => a.id), removed: changes.removed },
            'article changes wait for the rebuild in progress',
          );
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
  // The worker starts at the first change, not now: booting it (loading the analysis code) would
  // take a CPU from the start-up and the first answers for a rebuild that may never come.
  if (options.watch) rebuilder = createCorpusRebuilder({ cacheDir: options.cacheDir, workerUrl: options.workerUrl, onWarning });
  for (const s of corpus.skipped) log?.warn({ file: s.file, reason: s.reason }, 'skipped an article file');
  if (loaded.warning)
    log?.warn(
      `${loaded.warning}; add .txt, .md or .html articles to ${options.dataDir}${options.watch ? ' (they are picked up while running)' : ''}`,
    );
  log?.info(
    { articles: corpus.articles.length, paragraphs: corpus.articles.reduce((n, a) => n + a.article.paragraphs.length, 0) },
    'corpus loaded',
  );
  void drain();

  const live = corpus;
  return {
    current: () => corpus ?? live,
    onChange: (listener) => {
      listeners.push(listener);
    },
    settled: async () => {
      if (watcher && !closed) await watcher.settled();
      await draining;
    },
    close: () => {
      closed = true;
      watcher?.close();
      void rebuilder?.close();
    },
  };
}
