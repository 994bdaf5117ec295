import type { ArticleChanges } from '../ingest/watch-articles.ts';

/**
 * One batch of changes equivalent to applying `first` then `then`: the later version of an
 * article wins, an article removed after a change is removed, one re-added after a removal is
 * changed, and a file that parses again is no longer reported as skipped.
 */
export function mergeArticleChanges(first: ArticleChanges, then: ArticleChanges): ArticleChanges {
  const changed = new Map(first.changed.map((a) => [a.id, a]));
  const removed = new Set(first.removed);
  for (const id of then.removed) {
    changed.delete(id);
    removed.add(id);
  }
  for (const article of then.changed) {
    changed.set(article.id, article);
    removed.delete(article.id);
  }
  const parsedAgain = new Set(then.changed.map((a) => a.file));
  const skippedNow = new Set(then.skipped.map((s) => s.file));
  const skipped = [...first.skipped.filter((s) => !parsedAgain.has(s.file) && !skippedNow.has(s.file)), ...then.skipped];
  return { changed: [...changed.values()], removed: [...removed], skipped };
}
