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
  limit: number;
}

/** Fuzzy lookups over a corpus. Queries are user text: any string must be safe. */
export interface SearchIndex {
  /** Paragraphs about a topic, best first. */
  paragraphs(query: string, options: SearchOptions): ParagraphHit[];
  /** People and organisations by name or alias (typo-tolerant), best first; one hit per entity. */
  names(query: string, options: SearchOptions): NameHit[];
  /** Articles by headline (and id), best first. */
  articles(query: string, limit: number): ArticleHit[];
}

export interface Corpus {
  articles: AnalysedArticle[];
  byId: ReadonlyMap<string, AnalysedArticle>;
  search: SearchIndex;
  /** Files in the data directory that were skipped, with why. */
  skipped: SkippedFile[];
}
