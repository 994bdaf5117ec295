import { analyseArticle } from '../../src/analysis/analyse-article.ts';
import { toCorpus } from '../../src/engine/load-corpus.ts';
import type { Article } from '../../src/model/article.ts';
import type { Corpus } from '../../src/model/corpus.ts';
import { buildSearchIndex } from '../../src/search/build-search-index.ts';
import { articleFromParagraphs, fixtureArticles, seedArticle } from './article-from-paragraphs.ts';

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
  return corpusOf(fixtureArticles());
}

/** Two made-up articles that both quote one minister, Maria Okonkwo (a person across articles). */
export function ministerInTwoArticles(): Corpus {
  return corpusOf([
    articleFromParagraphs(
      'rail-budget',
      ['Maria Okonkwo defended the cuts to regional lines.', '"Every line will stay open," said Maria Okonkwo.'],
      { title: 'Rail budget cuts regional lines' },
    ),
    articleFromParagraphs(
      'radio-interview',
      ['In a radio interview, Maria Okonkwo spoke about the strike.', '"I have no regrets," Maria Okonkwo told listeners.'],
      { title: 'Minister speaks on the radio' },
    ),
  ]);
}
