import Fuse, { type FuseIndex } from 'fuse.js';
import type { Article } from '../model/article.ts';
import type { ArticleHit } from '../model/corpus.ts';
import { clampLimit, roundScore } from './clamp-results.ts';
import { EXACT_SCORE, FUZZY_MAX_SCORE, scoreTier } from './match-tier.ts';
import { nameKey } from './name-search.ts';
import { ARTICLE_FUSE_OPTIONS, MAX_NAME_QUERY_CHARS } from './search-settings.ts';

/** One searchable article: its id and the headline shown for it. */
export interface ArticleDoc {
  id: string;
  title: string;
}

/** Serialised fuse.js index (what `FuseIndex.toJSON()` returns). */
export type SerialisedFuseIndex = ReturnType<FuseIndex<ArticleDoc>['toJSON']>;

/** Words of the first paragraph used as a title when an article has no headline. */
const FALLBACK_TITLE_WORDS = 12;

/** The headline of an article, or its first words when it has none, or its id. */
export function displayTitle(article: Article): string {
  if (article.title && article.title.trim() !== '') return article.title.trim();
  const first = article.paragraphs[0]?.text.trim();
  if (!first) return article.id;
  const words = first.split(/\s+/);
  return words.length > FALLBACK_TITLE_WORDS ? `${words.slice(0, FALLBACK_TITLE_WORDS).join(' ')}…` : first;
}

/** Articles by headline or id: exact and prefix matches first, then fuse.js fuzzy matches. */
export class ArticleSearch {
  private readonly fuse: Fuse<ArticleDoc>;
  private readonly keys: ReadonlyArray<{ title: string; id: string }>;

  constructor(
    private readonly docs: readonly ArticleDoc[],
    index: FuseIndex<ArticleDoc>,
  ) {
    this.fuse = new Fuse(docs, { ...ARTICLE_FUSE_OPTIONS }, index);
    this.keys = docs.map((d) => ({ title: nameKey(d.title), id: nameKey(d.id) }));
  }

  /** Indexes the articles from scratch. */
  static build(docs: readonly ArticleDoc[]): ArticleSearch {
    return new ArticleSearch(docs, Fuse.createIndex(ARTICLE_FUSE_OPTIONS.keys ?? [], docs));
  }

  /** Restores from `serialise()` output; the docs must be the list the index was built from. */
  static load(docs: readonly ArticleDoc[], data: SerialisedFuseIndex): ArticleSearch {
    const index = Fuse.parseIndex<ArticleDoc>(data as Parameters<typeof Fuse.parseIndex>[0]);
    if (index.size() !== docs.length) throw new Error('article index does not match its documents');
    return new ArticleSearch(docs, index);
  }

  /** The fuse.js index as plain data. */
  serialise(): SerialisedFuseIndex {
    return this.fuse.getIndex().toJSON();
  }

  /** Articles matching `query`, best first; an empty query lists all articles in corpus order. */
  search(query: string, limitAsked: number): ArticleHit[] {
    const limit = clampLimit(limitAsked);
    if (limit === 0) return [];
    const key = nameKey(query).slice(0, MAX_NAME_QUERY_CHARS).trim();
    if (key === '') return this.docs.slice(0, limit).map((d) => ({ article: d.id, title: d.title, score: EXACT_SCORE }));
    const scores = new Map<number, number>();
    this.keys.forEach((k, i) => {
      const tier = Math.max(scoreTier(k.title, key), scoreTier(k.id, key));
      if (tier > 0) scores.set(i, tier);
    });
    for (const result of this.fuse.search(key)) {
      if (!scores.has(result.refIndex)) scores.set(result.refIndex, FUZZY_MAX_SCORE * (1 - (result.score ?? 1)));
    }
    return [...scores.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([i, score]) => ({ article: this.docs[i]!.id, title: this.docs[i]!.title, score: roundScore(score) }));
  }
}
