import type { AnalysedArticle, Corpus } from '../model/corpus.ts';
import { userError, type UserError } from '../model/user-error.ts';
import { displayTitle } from '../model/display-title.ts';
import { normaliseUserText } from './user-text.ts';

/** Article-search score accepted outright as the article a member meant. */
const ARTICLE_MATCH_MIN_SCORE = 0.5;
/** A weaker score still accepted when no other article comes close (within this ratio). */
const ARTICLE_MATCH_CLEAR_SCORE = 0.3;
const ARTICLE_MATCH_CLEAR_RATIO = 0.6;

/**
 * The article a member named (by id, headline or a fuzzy part of it), or a UserError with the
 * closest headlines. With no article given, returns null: the caller decides (all articles,
 * or the newest).
 */
export function resolveArticle(corpus: Corpus, raw: string | undefined): AnalysedArticle | UserError | null {
  if (corpus.articles.length === 0)
    return userError('empty-corpus', 'No articles are loaded yet. Add .txt, .md or .html files to the data directory.');
  if (raw === undefined) return null;
  const query = normaliseUserText(raw);
  if (query === '') return null;
  const byId = corpus.byId.get(query);
  if (byId) return byId;
  const exact = exactNames(corpus).get(query.toLowerCase());
  if (exact) return exact;
  const hits = corpus.search.articles(query, 5);
  const [best, second] = hits;
  const clearWinner =
    best !== undefined && best.score >= ARTICLE_MATCH_CLEAR_SCORE && (!second || second.score < best.score * ARTICLE_MATCH_CLEAR_RATIO);
  if (best && (best.score >= ARTICLE_MATCH_MIN_SCORE || clearWinner)) {
    const found = corpus.byId.get(best.article);
    if (found) return found;
  }
  return userError('unknown-article', `No article matches "${query.slice(0, 100)}".`, hits.map((h) => h.title).slice(0, 3));
}

/** Per corpus, computed once (a corpus never changes): articles by lower-cased headline and id, and the newest. */
const exactNamesOf = new WeakMap<Corpus, ReadonlyMap<string, AnalysedArticle>>();
const newestOf = new WeakMap<Corpus, AnalysedArticle | undefined>();

/** Articles by lower-cased headline or id; the first article wins a shared one, as a scan in order would. */
function exactNames(corpus: Corpus): ReadonlyMap<string, AnalysedArticle> {
  let names = exactNamesOf.get(corpus);
  if (!names) {
    const map = new Map<string, AnalysedArticle>();
    for (const a of corpus.articles) {
      for (const key of [displayTitle(a.article).toLowerCase(), a.article.id.toLowerCase()]) if (!map.has(key)) map.set(key, a);
    }
    names = map;
    exactNamesOf.set(corpus, names);
  }
  return names;
}

/** The article to use when none was named: the newest by publication date, else the first. */
export function defaultArticle(corpus: Corpus): AnalysedArticle | undefined {
  if (!newestOf.has(corpus)) newestOf.set(corpus, findNewest(corpus));
  return newestOf.get(corpus);
}

function findNewest(corpus: Corpus): AnalysedArticle | undefined {
  let best: AnalysedArticle | undefined;
  for (const a of corpus.articles) {
    const date = a.article.published ? Date.parse(a.article.published) : NaN;
    const bestDate = best?.article.published ? Date.parse(best.article.published) : NaN;
    if (!best || (!Number.isNaN(date) && (Number.isNaN(bestDate) || date > bestDate))) best = a;
  }
  return best;
}
