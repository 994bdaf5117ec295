import Fuse from 'fuse.js';
import type { ArticleHit } from '../model/corpus.ts';
import { clampLimit, cutAtWord, roundScore } from './clamp-results.ts';
import { EXACT_SCORE, FUZZY_MAX_SCORE, scoreTier } from './match-tier.ts';
import { nameKey } from './name-search.ts';
import { nameWords } from './index-words.ts';
import {
  ARTICLE_CANDIDATES,
  ARTICLE_FUSE_OPTIONS,
  MAX_FUSE_PATTERN_CHARS,
  MAX_NAME_QUERY_CHARS,
  TERM_SCORING,
  expandHeadlineWord,
  expandNameWord,
} from './search-settings.ts';
import { cleanQuery } from './clean-query.ts';
import { TermIndex, type SerialisedTermIndex } from './term-index.ts';

/** One searchable article: its id and the headline shown for it. */
export interface ArticleDoc {
  id: string;
  title: string;
}

/**
 * Articles by headline or id: exact and prefix matches (checked on every article: plain string
 * tests) first, then fuse.js fuzzy matches over every article of a small corpus, or over the
 * ARTICLE_CANDIDATES best of a TermIndex over headline and id words in a big one.
 */
export class ArticleSearch {
  private readonly keys: ReadonlyArray<{ title: string; id: string }>;
  /** For each set of visible article ids (SearchOptions.articles): one byte per doc, and the visible docs' positions. */
  private readonly restricted = new WeakMap<ReadonlySet<string>, { mask: Uint8Array; positions: number[] }>();
  /** 0..N-1: every doc. */
  private readonly everyPosition: readonly number[];

  constructor(
    private readonly docs: readonly ArticleDoc[],
    private readonly terms: TermIndex,
  ) {
    this.keys = docs.map((d) => ({ title: nameKey(d.title), id: nameKey(d.id) }));
    this.everyPosition = docs.map((_, i) => i);
  }

  /** Indexes the articles from scratch. */
  static build(docs: readonly ArticleDoc[]): ArticleSearch {
    return new ArticleSearch(
      docs,
      TermIndex.build(
        docs.map((d) => `${d.title} ${d.id}`),
        nameWords,
      ),
    );
  }

  /** Restores from `serialise()` output; throws unless it was built from these same docs. */
  static load(docs: readonly ArticleDoc[], data: SerialisedTermIndex): ArticleSearch {
    const terms = TermIndex.load(data);
    if (terms.size !== docs.length) throw new Error('article index does not match its documents');
    return new ArticleSearch(docs, terms);
  }

  /** The term index as JSON-ready data. */
  serialise(): SerialisedTermIndex {
    return this.terms.serialise();
  }

  /**
   * Articles matching `query`, best first; an empty query lists all articles in corpus order.
   * With `visible`, only those article ids are searched (the limit counts only them).
   */
  search(query: string, limitAsked: number, visible?: ReadonlySet<string>): ArticleHit[] {
    const limit = clampLimit(limitAsked);
    if (limit === 0) return [];
    const only = visible ? this.restrictTo(visible) : null;
    const positions = only?.positions ?? this.everyPosition;
    const key = nameKey(query).slice(0, MAX_NAME_QUERY_CHARS).trim();
    if (key === '')
      return positions.slice(0, limit).map((i) => ({ article: this.docs[i]!.id, title: this.docs[i]!.title, score: EXACT_SCORE }));
    const scores = new Map<number, number>();
    for (const i of positions) {
      const k = this.keys[i]!;
      const tier = Math.max(scoreTier(k.title, key), scoreTier(k.id, key));
      if (tier > 0) scores.set(i, tier);
    }
    const pool =
      positions.length <= ARTICLE_CANDIDATES
        ? positions
        : this.terms.search(nameWords(key), expandNameWord, TERM_SCORING, ARTICLE_CANDIDATES, undefined, only?.mask).map((m) => m.id);
    const fuzzyPool = pool.filter((i) => !scores.has(i));
    if (fuzzyPool.length > 0) {
      const fuse = new Fuse(
        fuzzyPool.map((i) => ({ ...this.docs[i]!, index: i })),
        { ...ARTICLE_FUSE_OPTIONS },
      );
      for (const result of fuse.search(cutAtWord(key, MAX_FUSE_PATTERN_CHARS)))
        scores.set(result.item.index, FUZZY_MAX_SCORE * (1 - (result.score ?? 1)));
    }
    return [...scores.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([i, score]) => ({ article: this.docs[i]!.id, title: this.docs[i]!.title, score: roundScore(score) }));
  }

  /**
   * Articles whose headline (or id) holds the query's words, best first (BM25 over the headline
   * words), scored by the share of the query's words they hold; stop words left out, a word of
   * 4+ letters also matching the headline words it begins. A lookup of the query's words, not a
   * pass over every headline.
   */
  searchWords(query: string, limitAsked: number, visible?: ReadonlySet<string>): ArticleHit[] {
    const limit = clampLimit(limitAsked);
    const { terms } = cleanQuery(query);
    if (limit === 0 || terms.length === 0) return [];
    const mask = visible ? this.restrictTo(visible).mask : undefined;
    return this.terms
      .search(terms, expandHeadlineWord, TERM_SCORING, limit, undefined, mask)
      .map((m) => ({ article: this.docs[m.id]!.id, title: this.docs[m.id]!.title, score: roundScore(m.coverage) }));
  }

  /** The docs of these article ids, worked out once per set. */
  private restrictTo(visible: ReadonlySet<string>): { mask: Uint8Array; positions: number[] } {
    let found = this.restricted.get(visible);
    if (!found) {
      const mask = new Uint8Array(this.docs.length);
      const positions: number[] = [];
      this.docs.forEach((d, i) => {
        if (!visible.has(d.id)) return;
        mask[i] = 1;
        positions.push(i);
      });
      found = { mask, positions };
      this.restricted.set(visible, found);
    }
    return found;
  }
}
