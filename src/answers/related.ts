import type { RelatedAnswer, RelatedResult } from '../model/answer.ts';
import type { Corpus } from '../model/corpus.ts';
import { userError, type UserError } from '../model/user-error.ts';
import { toArticleRef, uniqueCitations } from './article-ref.ts';
import { ANSWER_DEFAULTS } from './command-spec.ts';
import { rankRelatedArticles } from './rank-related-articles.ts';
import { resolveArticle } from './resolve-article.ts';
import { hasWordCharacter, normaliseUserText } from './user-text.ts';

export interface RelatedOptions {
  topic: string;
  article?: string;
}

/** Paragraph hits gathered to rank whole articles by the topic (rankRelatedArticles). */
const ARTICLE_POOL = 50;

/** The paragraphs most related to a topic (cited), and the articles most relevant to it (rankRelatedArticles). */
export function related(corpus: Corpus, options: RelatedOptions): RelatedAnswer | UserError {
  const topic = normaliseUserText(options.topic ?? '');
  if (!hasWordCharacter(topic)) return userError('bad-option', 'Give a topic of a word or more, e.g. /related topic:mercenaries.');
  const resolved = resolveArticle(corpus, options.article);
  if (resolved && 'error' in resolved) return resolved;
  const articleId = resolved?.article.id;
  // Over the whole corpus, the best paragraphs are the head of the pool that ranks articles
  // (the search ranks the same candidates whatever the limit), so one search serves both.
  const pool = corpus.search.paragraphs(topic, { limit: ARTICLE_POOL });
  const best = articleId
    ? corpus.search.paragraphs(topic, { article: articleId, limit: ANSWER_DEFAULTS.relatedResults })
    : pool.slice(0, ANSWER_DEFAULTS.relatedResults);
  const results: RelatedResult[] = best.map((h) => ({
    article: h.article,
    paragraph: h.paragraph,
    text: h.text,
    score: round(h.score),
    ...(h.meaning && h.meaning.length > 0 ? { meaning: h.meaning } : {}),
  }));
  if (results.length === 0) {
    return userError('not-found', `Nothing in ${resolved ? 'that article' : 'the articles'} is about "${topic.slice(0, 100)}".`);
  }
  const shown = new Set(results.map((r) => r.article));
  const articles = rankRelatedArticles(corpus, topic, pool)
    .filter(({ article: id }) => !(resolved ? id === articleId : shown.size === 1 && shown.has(id)))
    .slice(0, ANSWER_DEFAULTS.relatedArticles)
    .flatMap(({ article: id }) => {
      const a = corpus.byId.get(id);
      return a ? [toArticleRef(a.article)] : [];
    });
  return { command: 'related', topic, results, articles, citations: uniqueCitations(results) };
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
