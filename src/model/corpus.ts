import type { Article, SkippedFile } from './article.ts';
import type { ArticleAnalysis } from './analysis.ts';

export interface AnalysedArticle {
  article: Article;
  analysis: ArticleAnalysis;
}

export interface ParagraphHit {
  article: string;
  paragraph: number;
  text: string;
  /** 0..1, higher is better. */
  score: number;
  /** When found by meaning: topic words and the paragraph words close to them ("demonstrations" ≈ "protests"). */
  meaning?: MeaningMatch[];
}

/** A topic word matched by a different word of similar meaning in the text. */
export interface MeaningMatch {
  topic: string;
  text: string;
}

export interface NameHit {
  article: string;
  entityId: string;
  name: string;
  /** The alias or name string that matched the query. */
  matched: string;
  /** 0..1, higher is better. */
  score: number;
  /** The person or organisation across articles that this entity belongs to (made when the index is built). */
  group?: NameGroup;
}

/** One entity of one article that belongs to a NameGroup. */
export interface NameGroupMember {
  article: string;
  entityId: string;
  /** How often the article mentions it. */
  mentions: number;
}

/**
 * One person or organisation across the corpus: the entities of every article with the same
 * full name, or with a variant of it that fits no one else ("Putin" when the only Putin is
 * Vladimir Putin). Computed once per index.
 */
export interface NameGroup {
  /** Unique within one index. */
  id: number;
  /** The fullest name, as most often written ("Vladimir Putin"). */
  name: string;
  kind: 'person' | 'organisation';
  /** Every member, most mentioned first (then corpus order). */
  members: readonly NameGroupMember[];
  /** Number of distinct articles among the members. */
  articles: number;
  /** Mentions of all members together. */
  mentions: number;
}

export interface ArticleHit {
  article: string;
  title: string;
  /** 0..1, higher is better. */
  score: number;
}

export interface SearchOptions {
  /** Restrict to one article id. */
  article?: string;
  /**
   * Restrict to these article ids (what one server sees: src/engine/scope-corpus.ts). Honoured
   * inside the search, so `limit` counts only hits from them; name groups are those of these
   * articles alone. Pass the same Set object each time: what is prepared for it is kept with it.
   */
  articles?: ReadonlySet<string>;
  limit: number;
  /** Paragraphs only: the words (exact, prefix, typo) without the search by meaning, for callers that need the words themselves. Default false. */
  wordsOnly?: boolean;
}

/** Fuzzy lookups over a corpus. Queries are user text: any string must be safe. */
export interface SearchIndex {
  /** Paragraphs about a topic, best first. */
  paragraphs(query: string, options: SearchOptions): ParagraphHit[];
  /**
   * People and organisations by name or alias (typo-tolerant), best first; one hit per entity.
   * An empty query lists an article's entities, or (no article) the most mentioned people and
   * organisations of the corpus, one hit per group.
   */
  names(query: string, options: SearchOptions): NameHit[];
  /**
   * Articles by headline (and id), best first; `options.articles` restricts them as in
   * SearchOptions. With `options.wordsOnly`, only the articles whose headline holds the query's
   * words (stop words left out; a word of 4+ letters also begins a headline word), scored by the
   * share of them it holds: no prefix-of-headline or fuzzy matching (that is for autocomplete).
   */
  articles(query: string, limit: number, options?: Pick<SearchOptions, 'articles' | 'wordsOnly'>): ArticleHit[];
}

export interface Corpus {
  articles: AnalysedArticle[];
  byId: ReadonlyMap<string, AnalysedArticle>;
  search: SearchIndex;
  /** Files in the data directory that were skipped, with why. */
  skipped: SkippedFile[];
}
