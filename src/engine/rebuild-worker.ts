/**
 * The worker side of corpus rebuilds: holds the corpus's articles, and on each request applies
 * the changes, analyses and indexes (through the on-disk cache) and posts the result back. Runs
 * in a `node:worker_threads` Worker started from rebuild-worker-boot.mjs; never on the main thread.
 */
import type { MessagePort } from 'node:worker_threads';
import type { Article } from '../model/article.ts';
import { analyseAndIndex, type IndexedArticles } from './load-corpus.ts';
import { collectNameDocs } from '../search/name-search.ts';
import { activeWordVectors } from '../search/vectors/active-word-vectors.ts';
import { DEFAULT_VECTORS_CACHE_DIR, prepareWordVectors } from '../search/vectors/prepare-word-vectors.ts';
import {
  sortArticles,
  toJsonChunks,
  toSentError,
  toTransferredIndex,
  type FailedRebuild,
  type RebuildReply,
  type RebuildRequest,
} from './rebuild-messages.ts';

/** What the worker is started with (its `workerData`). */
export interface RebuildWorkerData {
  cacheDir?: string;
}

/** Analyses and indexes a full article list (leaving out, in `failed`, articles whose analysis throws); the default is the real pipeline with the cache. */
export type RebuildArticles = (
  articles: readonly Article[],
  options: { cacheDir?: string; onWarning: (message: string, err?: unknown) => void },
) => Promise<IndexedArticles>;

/**
 * Answers RebuildRequests on `port` until the thread ends. Requests are handled one at a time in
 * arrival order; a rebuild that throws is answered with `failed` and leaves the held articles as
 * they were, so the next request starts from the last corpus the main thread accepted.
 */
export function serveRebuilds(port: MessagePort, data: RebuildWorkerData = {}, rebuild: RebuildArticles = analyseAndIndex): void {
  let held = new Map<string, Article>();
  const post = (reply: RebuildReply, transfer: ArrayBuffer[] = []): void => port.postMessage(reply, transfer);
  const onWarning = (message: string, err?: unknown): void =>
    post(err === undefined ? { type: 'warning', message } : { type: 'warning', message, error: toSentError(err) });

  const handle = async (request: RebuildRequest): Promise<void> => {
    if (request.type === 'seed') {
      held = new Map(request.articles.map((a) => [a.id, a]));
      return;
    }
    try {
      const next = new Map(held);
      for (const id of request.removed) next.delete(id);
      for (const article of request.changed) next.set(article.id, article);
      // Word vectors the main thread converted are used from the first rebuild after they exist.
      if (!activeWordVectors())
        await prepareWordVectors({ cacheDir: data.cacheDir ?? DEFAULT_VECTORS_CACHE_DIR, convert: 'never', warn: onWarning });
      let built = await rebuild(sortArticles(next.values()), { cacheDir: data.cacheDir, onWarning });
      const failed: FailedRebuild[] = [];
      // An article whose analysis fails is left out, and the others go in; when it had a good
      // version before, that version stays (indexing again, its analysis comes from the cache).
      while (built.failed.length > 0) {
        let keptAny = false;
        for (const failure of built.failed) {
          const before = held.get(failure.id);
          const kept = before !== undefined && before !== next.get(failure.id);
          if (kept) next.set(failure.id, before);
          else next.delete(failure.id);
          keptAny ||= kept;
          failed.push({ ...failure, kept });
        }
        if (!keptAny) break;
        built = await rebuild(sortArticles(next.values()), { cacheDir: data.cacheDir, onWarning });
      }
      const changed = new Set(request.changed.map((a) => a.id));
      const analyses = built.articles
        .filter((a) => changed.has(a.article.id) && held.get(a.article.id) !== a.article)
        .map((a): [string, typeof a.analysis] => [a.article.id, a.analysis]);
      const { index, transfer } = toTransferredIndex(built.search.serialise());
      const names = toJsonChunks(collectNameDocs(built.articles));
      held = next;
      post({ type: 'rebuilt', id: request.id, order: built.articles.map((a) => a.article.id), analyses, failed, index, names }, transfer);
    } catch (err) {
      post({ type: 'failed', id: request.id, error: toSentError(err) });
    }
  };

  let queue = Promise.resolve();
  port.on('message', (request: RebuildRequest) => {
    queue = queue.then(() => handle(request));
  });
}
