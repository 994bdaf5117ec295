import type { Corpus, ParagraphHit } from '../model/corpus.ts';
import { cleanQuery } from '../search/clean-query.ts';
import { paragraphWords } from '../search/index-words.ts';

/**
 * How the signals of an article's relevance to a topic add up. The best paragraph counts most:
 * one paragraph squarely about the topic beats many that brush it. The headline says what the
 * whole article is about. The share of the article's paragraphs about the topic adds a little,
 * and being a share it does not grow with the article's length (the sum of paragraph scores it
 * replaces let long articles win).
 */
export const ARTICLE_RANKING = Object.freeze({
  /** Weight of the best paragraph's score (0..1, the paragraph search's own scale). */
  bestParagraph: 1,
  /** Weight of the headline match: the share of the topic's words the headline holds (0..1). */
  headline: 0.5,
  /** Weight of the share of the article's paragraphs among the topic's paragraph hits (0..1). */
  breadth: 0.25,
  /** A topic word of this many letters also matches the headline words it begins ("sanction" → "sanctions"), as the paragraph search does. */
  prefixFrom: 4,
});

/** Articles more headlines are looked at for (besides those of the paragraph hits). */
const HEADLINE_CANDIDATES = 25;

/** One article's relevance to a topic, with its parts (for tests and explanations). */
export interface RankedArticle {
  article: string;
  score: number;
  best: number;
  headline: number;
  breadth: number;
}

/**
 * The articles most relevant to a topic, best first: those of the paragraph hits (`pool`) and
 * those whose headline matches it, each scored by its best paragraph, its headline and the
 * share of its paragraphs the topic hits (ARTICLE_RANKING). Work: the pool and a headline search.
 */
export function rankRelatedArticles(corpus: Corpus, topic: string, pool: readonly ParagraphHit[]): RankedArticle[] {
  const terms = cleanQuery(topic).terms;
  const hits = new Map<string, { best: number; count: number }>();
  for (const hit of pool) {
    const seen = hits.get(hit.article);
    if (seen) {
      seen.best = Math.max(seen.best, hit.score);
      seen.count += 1;
    } else hits.set(hit.article, { best: hit.score, count: 1 });
  }
  const candidates = new Set(hits.keys());
  for (const found of corpus.search.articles(topic, HEADLINE_CANDIDATES, { wordsOnly: true })) candidates.add(found.article);
  const ranked: RankedArticle[] = [];
  for (const id of candidates) {
    const entry = corpus.byId.get(id);
    if (!entry) continue;
    const { best = 0, count = 0 } = hits.get(id) ?? {};
    const headline = headlineMatch(terms, entry.article.title);
    const breadth = count / Math.max(1, entry.article.paragraphs.length);
    if (best === 0 && headline === 0) continue;
    const score = ARTICLE_RANKING.bestParagraph * best + ARTICLE_RANKING.headline * headline + ARTICLE_RANKING.breadth * breadth;
    ranked.push({ article: id, score, best, headline, breadth });
  }
  return ranked.sort((a, b) => b.score - a.score || a.article.localeCompare(b.article));
}

/** The share of the topic's words (stop words left out) that the headline holds. */
export function headlineMatch(terms: readonly string[], title: string | null): number {
  if (!title || terms.length === 0) return 0;
  const words = paragraphWords(title);
  const matched = terms.filter((term) =>
    words.some((word) => word === term || (term.length >= ARTICLE_RANKING.prefixFrom && word.startsWith(term))),
  );
  return matched.length / terms.length;
}
