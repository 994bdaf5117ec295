import { selectSummary } from '../analysis/rank-sentences.ts';
import type { SummaryAnswer } from '../model/answer.ts';
import type { Corpus } from '../model/corpus.ts';
import { userError, type UserError } from '../model/user-error.ts';
import { toArticleRef, uniqueCitations } from './article-ref.ts';
import { ANSWER_DEFAULTS } from './command-spec.ts';
import { defaultArticle, resolveArticle } from './resolve-article.ts';

export interface SummaryOptions {
  article?: string;
  length?: number;
}

/** An extractive summary of one article: its best sentences in article order, each cited. */
export function summarize(corpus: Corpus, options: SummaryOptions): SummaryAnswer | UserError {
  const length = options.length ?? ANSWER_DEFAULTS.summaryLength;
  if (!Number.isInteger(length) || length < ANSWER_DEFAULTS.summaryMin || length > ANSWER_DEFAULTS.summaryMax) {
    return userError('bad-option', `length must be a whole number from ${ANSWER_DEFAULTS.summaryMin} to ${ANSWER_DEFAULTS.summaryMax}.`);
  }
  const resolved = resolveArticle(corpus, options.article);
  if (resolved && 'error' in resolved) return resolved;
  const target = resolved ?? defaultArticle(corpus);
  if (!target) return userError('empty-corpus', 'No articles are loaded yet.');
  const points = selectSummary(target.analysis.ranking, length).map((s) => ({
    text: s.text,
    article: target.article.id,
    paragraph: s.paragraph,
  }));
  return { command: 'summary', article: toArticleRef(target.article), points, citations: uniqueCitations(points) };
}
