/**
 * The main-thread side of corpus rebuilds: a `node:worker_threads` Worker analyses changed
 * articles, builds the search index and writes the cache, so the event loop stays free for the
 * Discord gateway and interactions. The main thread only sends what changed and restores the
 * index from the worker's serialised data.
 */
import { Worker } from 'node:worker_threads';
import type { Article } from '../model/article.ts';
import type { AnalysedArticle, Corpus, SearchIndex } from '../model/corpus.ts';
import { loadSearchIndex } from '../search/build-search-index.ts';
import type { NameDoc } from '../search/name-search.ts';
import { fromSentError, type FailedRebuild, type RebuildReply, type RebuildRequest } from './rebuild-messages.ts';
import type { RebuildWorkerData } from './rebuild-worker.ts';

/** The default worker entry (registers TypeScript loading, then serves rebuilds). */
export const REBUILD_WORKER_URL = new URL('./rebuild-worker-boot.mjs', import.meta.url);

export interface CorpusRebuilderOptions {
  /** Cache directory the worker reads and writes; default the repository's .cache/. */
  cacheDir?: string;
  /** Worker entry module. Default REBUILD_WORKER_URL; tests substitute one that fails. */
  workerUrl?: URL;
  /** Told about cache problems the worker worked around. */
  onWarning?: (message: string, err?: unknown) => void;
  /** Heap limit of the worker in MB. Default DEFAULT_WORKER_HEAP_MB. */
  maxHeapMb?: number;
}

/** The rebuild worker's default heap limit (MB): ample for 100k paragraphs, well below a machine's memory. */
export const DEFAULT_WORKER_HEAP_MB = 2048;

/** What a rebuild produced: the analysed articles in corpus order and their search index. */
export interface RebuiltCorpus {
  articles: AnalysedArticle[];
  search: SearchIndex;
  /** Changed articles that could not be analysed: left out, or kept in their previous version. */
  failed: FailedRebuild[];
}

/** Rebuilds corpora in a worker thread; one rebuild at a time. */
export interface CorpusRebuilder {
  /** Starts the worker (if not running) holding `corpus`'s articles, so the first rebuild sends only changes. */
  prepare(corpus: Corpus): void;
  /**
   * The corpus `articles` (the full new list, sorted by file) after `changed`/`removed` were
   * applied to `previous` — less the changed articles whose analysis failed (their previous
   * version, if any, stays; see `failed`). Rejects when the worker fails; the worker is then
   * restarted (seeded with the corpus passed next) on the next call.
   */
  rebuild(previous: Corpus, articles: readonly Article[], changes: { changed: Article[]; removed: string[] }): Promise<RebuiltCorpus>;
  /** Ends the worker (resolves once its thread has exited); a rebuild in flight rejects. */
  close(): Promise<void>;
}

type Rebuilt = Extract<RebuildReply, { type: 'rebuilt' }>;

/** A rebuilder whose worker starts on `prepare` or the first rebuild. */
export function createCorpusRebuilder(options: CorpusRebuilderOptions = {}): CorpusRebuilder {
  let worker: Worker | null = null;
  let nextId = 1;
  let closed = false;
  const waiting = new Map<number, { worker: Worker; resolve: (reply: Rebuilt) => void; reject: (err: Error) => void }>();

  /** Rejects the requests sent to `from` (every request when null). */
  const failAll = (err: Error, from: Worker | null = null): void => {
    for (const [id, entry] of waiting) {
      if (from !== null && entry.worker !== from) continue;
      waiting.delete(id);
      entry.reject(err);
    }
  };

  const stop = async (): Promise<void> => {
    const w = worker;
    worker = null;
    if (w) await w.terminate();
  };

  const start = (corpus: Corpus): Worker => {
    const data: RebuildWorkerData = { cacheDir: options.cacheDir };
    // execArgv [] : the boot module registers TypeScript loading itself (same under tsx and vitest).
    // A heap limit of its own: an analysis that runs away ends the worker (the rebuild rejects and
    // the store retries the batch file by file), never the bot's process.
    const w = new Worker(options.workerUrl ?? REBUILD_WORKER_URL, {
      workerData: data,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? DEFAULT_WORKER_HEAP_MB },
    });
    w.unref();
    w.on('message', (reply: RebuildReply) => {
      if (reply.type === 'warning') {
        options.onWarning?.(reply.message, reply.error ? fromSentError(reply.error) : undefined);
        return;
      }
      const entry = waiting.get(reply.id);
      if (!entry) return;
      waiting.delete(reply.id);
      if (reply.type === 'rebuilt') entry.resolve(reply);
      else entry.reject(fromSentError(reply.error));
    });
    w.on('error', (err) => {
      if (worker === w) worker = null;
      failAll(err, w);
    });
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      failAll(new Error(`the rebuild worker exited (code ${code})`), w);
    });
    const seed: RebuildRequest = { type: 'seed', articles: corpus.articles.map((a) => a.article) };
    w.postMessage(seed);
    return w;
  };

  return {
    prepare(corpus) {
      if (!closed && !worker) worker = start(corpus);
    },
    async rebuild(previous, articles, changes) {
      if (closed) throw new Error('the corpus rebuilder is closed');
      const w = (worker ??= start(previous));
      const id = nextId++;
      const reply = await new Promise<Rebuilt>((resolve, reject) => {
        waiting.set(id, { worker: w, resolve, reject });
        const request: RebuildRequest = { type: 'rebuild', id, changed: changes.changed, removed: changes.removed };
        w.postMessage(request);
      });
      try {
        // Slices of main-thread work with a full turn of the event loop (timers, I/O) between them.
        const names: NameDoc[] = [];
        for (const chunk of reply.names) {
          await yieldToEventLoop();
          for (const doc of JSON.parse(chunk) as NameDoc[]) names.push(doc);
        }
        await yieldToEventLoop();
        return assemble(previous, articles, reply, names);
      } catch (err) {
        if (worker === w) void stop(); // it now holds a corpus this thread did not accept: start afresh next time
        throw err;
      }
    },
    async close() {
      closed = true;
      failAll(new Error('the corpus rebuilder was closed'));
      await stop();
    },
  };
}

/**
 * Lets timers and pending I/O (gateway heartbeats, interactions) run before the next slice of
 * work: a timer, then an immediate, so that a poll phase of the event loop lies in between.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(() => setImmediate(resolve), 0));
}

/** The rebuilt corpus from the worker's reply: new analyses for changed articles, the others kept. */
function assemble(previous: Corpus, requested: readonly Article[], reply: Rebuilt, names: NameDoc[]): RebuiltCorpus {
  const failed = new Map(reply.failed.map((f) => [f.id, f]));
  const articles = requested.flatMap((article) => {
    const failure = failed.get(article.id);
    if (!failure) return [article];
    const before = failure.kept ? previous.byId.get(article.id)?.article : undefined;
    return before ? [before] : [];
  });
  if (reply.order.length !== articles.length || reply.order.some((id, i) => articles[i]!.id !== id)) {
    throw new Error('the rebuild worker indexed a different article list than the corpus store holds');
  }
  const fresh = new Map(reply.analyses);
  const analysed = articles.map((article): AnalysedArticle => {
    const analysis =
      fresh.get(article.id) ?? (previous.byId.get(article.id)?.article === article ? previous.byId.get(article.id)?.analysis : undefined);
    if (!analysis) throw new Error(`the rebuild worker sent no analysis for the changed article ${article.id}`);
    return { article, analysis };
  });
  const search = loadSearchIndex(analysed, reply.index, names);
  if (!search) throw new Error('the rebuild worker sent a search index that does not fit the corpus');
  return { articles: analysed, search, failed: reply.failed };
}
