import type { RoundupAnswer, RoundupArticle } from '../model/answer.ts';
import type { AnalysedArticle, Corpus } from '../model/corpus.ts';
import { isUserError, userError, type UserError } from '../model/user-error.ts';
import { uniqueCitations } from './article-ref.ts';
import { summarize } from './summarize.ts';

/** Defaults of the round-up, in one place. */
export const ROUNDUP_DEFAULTS = Object.freeze({
  /**
   * Articles shown; the rest are counted ("and 4 more"). Ten: one Discord embed each, and
   * Discord allows ten embeds per message.
   */
  maxArticles: 10,
  /** Cited points per article: the top of its /summary, enough to tell what the story is. */
  pointsPerArticle: 2,
});

export interface RoundupOptions {
  /** The articles added in the period (ids in the corpus; unknown ones are left out). */
  articleIds: readonly string[];
  /** The start of the period (ISO 8601), named in the answer and in "nothing new since …"; null for no start. */
  since: string | null;
  maxArticles?: number;
  pointsPerArticle?: number;
}

/**
 * A round-up of the given articles in a corpus (already the corpus the server sees): newest
 * added first, each with its headline, link and its best points from the summary ranking
 * (summarize), capped at `maxArticles` with the rest counted. A user error when none of them is
 * there: "Nothing new since …".
 */
export function roundup(corpus: Corpus, options: RoundupOptions): RoundupAnswer | UserError {
  const maxArticles = options.maxArticles ?? ROUNDUP_DEFAULTS.maxArticles;
  const length = options.pointsPerArticle ?? ROUNDUP_DEFAULTS.pointsPerArticle;
  const found = [...new Set(options.articleIds)]
    .map((id) => corpus.byId.get(id))
    .filter((a): a is AnalysedArticle => a !== undefined)
    .sort(newestAddedFirst);
  if (found.length === 0) {
    return userError('not-found', options.since ? `Nothing new since ${describeTime(options.since)}.` : 'No articles have been added yet.');
  }
  const articles: RoundupArticle[] = [];
  for (const owner of found.slice(0, Math.max(1, maxArticles))) {
    const summary = summarize(corpus, { article: owner.article.id, length });
    if (isUserError(summary)) continue;
    articles.push({ article: summary.article, added: owner.article.added ?? null, points: summary.points });
  }
  return {
    command: 'roundup',
    since: options.since,
    articles,
    moreArticles: found.length - articles.length,
    citations: uniqueCitations(articles.flatMap((a) => a.points)),
  };
}

/** Newest `added` first; articles without one (placed by hand) after, in corpus order. */
function newestAddedFirst(a: AnalysedArticle, b: AnalysedArticle): number {
  const at = (x: AnalysedArticle) => (x.article.added ? Date.parse(x.article.added) : NaN);
  const [ta, tb] = [at(a), at(b)];
  if (Number.isNaN(ta) || Number.isNaN(tb)) return Number.isNaN(ta) ? (Number.isNaN(tb) ? 0 : 1) : -1;
  return tb - ta;
}

/** "1 December 2026, 08:00 UTC": a time as a person reads it (UTC: the answer is the same for every reader). */
export function describeTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso.slice(0, 40);
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${day}, ${time} UTC`;
}
