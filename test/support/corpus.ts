import { analyseArticle } from '../../src/analysis/analyse-article.ts';
import { toCorpus } from '../../src/engine/load-corpus.ts';
import type { Article } from '../../src/model/article.ts';
import type { Corpus } from '../../src/model/corpus.ts';
import { buildSearchIndex } from '../../src/search/build-search-index.ts';
import { devArticle, seedArticle } from './article-from-paragraphs.ts';

/** A corpus of the given articles, analysed and indexed as the product does it (no cache). */
export function corpusOf(articles: Article[]): Corpus {
  const analysed = articles.map((article) => ({ article, analysis: analyseArticle(article) }));
  return toCorpus({ articles: analysed, search: buildSearchIndex(analysed) }, []);
}

/** The bundled article alone. */
export function seedCorpus(): Corpus {
  return corpusOf([seedArticle()]);
}

/** The bundled article and the four Wikinews fixtures. */
export function fullCorpus(): Corpus {
  return corpusOf([
    seedArticle(),
    devArticle('wikinews-20070223-train'),
    devArticle('wikinews-20070306-drain'),
    devArticle('wikinews-20160706-telescope'),
    devArticle('wikinews-20160714-UN'),
  ]);
}
