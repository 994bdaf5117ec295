import type { Article } from '../model/article.ts';
import type { ArticleAnalysis } from '../model/analysis.ts';
import { findEntities } from './entities.ts';
import { findQuotes } from './quotes.ts';
import { rankSentences } from './rank-sentences.ts';
import { splitSentences } from './sentences.ts';

/** The folder of the analysis code: its hash versions cached analyses (see src/cache). */
export const ANALYSIS_DIR = new URL('./', import.meta.url);

/** Runs every analysis over one article: sentences, people/organisations, quotes, ranking. */
export function analyseArticle(article: Article): ArticleAnalysis {
  const sentences = splitSentences(article);
  const entities = findEntities(article, sentences);
  const quotes = findQuotes(article, sentences, entities);
  const ranking = rankSentences(article, sentences);
  return { sentences, entities, quotes, ranking };
}
