import type { SkippedFile } from '../model/article.ts';
import type { AnalysedArticle, Corpus } from '../model/corpus.ts';
import { buildSearchIndex } from '../search/build-search-index.ts';

/** A queryable corpus from analysed articles: lookup by id and the search indexes. */
export function buildCorpus(articles: AnalysedArticle[], skipped: SkippedFile[] = []): Corpus {
  return {
    articles,
    byId: new Map(articles.map((a) => [a.article.id, a])),
    search: buildSearchIndex(articles),
    skipped,
  };
}
