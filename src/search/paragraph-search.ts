import Fuse from 'fuse.js';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { ParagraphHit, SearchOptions } from '../model/corpus.ts';
import { clampLimit, roundScore } from './clamp-results.ts';
import { cleanQuery } from './clean-query.ts';
import {
  CANDIDATE_SEARCH_OPTIONS,
  PARAGRAPH_CANDIDATES,
  PARAGRAPH_FUSE_OPTIONS,
  PARAGRAPH_MINISEARCH_OPTIONS,
} from './search-settings.ts';

/** One searchable paragraph; `id` is its position in the corpus-wide list. */
export interface ParagraphDoc {
  id: number;
  article: string;
  n: number;
  text: string;
}

/** Where one article's paragraphs sit in the corpus-wide list: [start, end). */
export interface ParagraphRange {
  start: number;
  end: number;
}

/** How much the fuse.js closeness counts in the final score; the rest is the BM25 side. */
const FUSE_WEIGHT = 0.5;
/** Share of the BM25 side given to "how many query words matched" (the rest: score relative to the best). */
const COVERAGE_WEIGHT = 0.5;

/** Paragraph topic search: MiniSearch picks bounded candidates, a small per-query Fuse re-ranks them. */
export class ParagraphSearch {
  private readonly ranges: ReadonlyMap<string, ParagraphRange>;

  constructor(
    private readonly docs: readonly ParagraphDoc[],
    private readonly miniSearch: MiniSearch<ParagraphDoc>,
  ) {
    const ranges = new Map<string, ParagraphRange>();
    for (const doc of docs) {
      const range = ranges.get(doc.article);
      if (range) range.end = doc.id + 1;
      else ranges.set(doc.article, { start: doc.id, end: doc.id + 1 });
    }
    this.ranges = ranges;
  }

  /** Indexes the paragraphs from scratch. */
  static build(docs: readonly ParagraphDoc[]): ParagraphSearch {
    const miniSearch = new MiniSearch<ParagraphDoc>({ ...PARAGRAPH_MINISEARCH_OPTIONS });
    miniSearch.addAll(docs);
    return new ParagraphSearch(docs, miniSearch);
  }

  /** Restores from `serialise()` output; the docs must be the same list the index was built from. */
  static load(docs: readonly ParagraphDoc[], data: AsPlainObject): ParagraphSearch {
    const miniSearch = MiniSearch.loadJS<ParagraphDoc>(data, { ...PARAGRAPH_MINISEARCH_OPTIONS });
    if (miniSearch.documentCount !== docs.length) throw new Error('paragraph index does not match its documents');
    return new ParagraphSearch(docs, miniSearch);
  }

  /** The MiniSearch index as plain data (JSON-ready). */
  serialise(): AsPlainObject {
    return this.miniSearch.toJSON();
  }

  /** Paragraphs about `query`, best first, scores 0..1. */
  search(query: string, options: SearchOptions): ParagraphHit[] {
    const limit = clampLimit(options.limit);
    const { text, terms } = cleanQuery(query);
    if (limit === 0 || terms.length === 0) return [];
    let range: ParagraphRange | undefined;
    if (options.article !== undefined) {
      range = this.ranges.get(options.article);
      if (!range) return [];
    }
    const inRange = range ? (id: number) => id >= range.start && id < range.end : undefined;
    const found = this.miniSearch
      .search(terms.join(' '), { ...CANDIDATE_SEARCH_OPTIONS, ...(inRange ? { filter: (r) => inRange(r.id as number) } : {}) })
      .slice(0, PARAGRAPH_CANDIDATES);
    const best = found[0]?.score ?? 0;
    const lexical = new Map<number, number>();
    for (const result of found) {
      const coverage = Math.min(1, result.queryTerms.length / terms.length);
      lexical.set(result.id as number, COVERAGE_WEIGHT * coverage + (1 - COVERAGE_WEIGHT) * (result.score / best));
    }
    const candidates = found.map((r) => this.docs[r.id as number]!);
    if (candidates.length === 0 && range && range.end - range.start <= PARAGRAPH_CANDIDATES) {
      // Nothing close enough word by word in a small scope: let fuse.js look at all of it.
      candidates.push(...this.docs.slice(range.start, range.end));
    }
    if (candidates.length === 0) return [];
    const fuzzy = new Map<number, number>();
    for (const result of new Fuse(candidates, { ...PARAGRAPH_FUSE_OPTIONS }).search(text)) {
      fuzzy.set(result.item.id, 1 - (result.score ?? 1));
    }
    const scored: Array<{ doc: ParagraphDoc; score: number }> = [];
    for (const doc of candidates) {
      const f = fuzzy.get(doc.id);
      const l = lexical.get(doc.id);
      if (f === undefined && l === undefined) continue;
      scored.push({ doc, score: FUSE_WEIGHT * (f ?? 0) + (1 - FUSE_WEIGHT) * (l ?? 0) });
    }
    scored.sort((a, b) => b.score - a.score || a.doc.id - b.doc.id);
    return scored.slice(0, limit).map(({ doc, score }) => ({
      article: doc.article,
      paragraph: doc.n,
      text: doc.text,
      score: roundScore(score),
    }));
  }
}
