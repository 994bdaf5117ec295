import Fuse from 'fuse.js';
import type { ParagraphHit, SearchOptions } from '../model/corpus.ts';
import { clampLimit, cutAtWord, roundScore } from './clamp-results.ts';
import { cleanQuery } from './clean-query.ts';
import { paragraphWords } from './index-words.ts';
import {
  MAX_FUSE_PATTERN_CHARS,
  PARAGRAPH_CANDIDATES,
  PARAGRAPH_FUSE_OPTIONS,
  PARAGRAPH_RERANKED,
  TERM_SCORING,
  expandParagraphWord,
} from './search-settings.ts';
import { TermIndex, type SerialisedTermIndex } from './term-index.ts';

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

/**
 * Paragraph topic search. Candidates: a TermIndex (BM25 over words, with MiniSearch's radix tree
 * for prefix and fuzzy word expansion) returns at most PARAGRAPH_CANDIDATES paragraphs, restricted
 * to one article by id range. Ranking: a small per-query fuse.js over the best PARAGRAPH_RERANKED
 * of them blends fuse.js closeness of the whole query with BM25 (query-word coverage and score
 * relative to the best); the other candidates follow in BM25 order.
 */
export class ParagraphSearch {
  private readonly ranges: ReadonlyMap<string, ParagraphRange>;

  constructor(
    private readonly docs: readonly ParagraphDoc[],
    private readonly terms: TermIndex,
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
    return new ParagraphSearch(docs, TermIndex.build(docs.map((d) => d.text), paragraphWords));
  }

  /** Restores from `serialise()` output; throws unless it was built from these same docs. */
  static load(docs: readonly ParagraphDoc[], data: SerialisedTermIndex): ParagraphSearch {
    const terms = TermIndex.load(data);
    if (terms.size !== docs.length) throw new Error('paragraph index does not match its documents');
    return new ParagraphSearch(docs, terms);
  }

  /** The term index as JSON-ready data. */
  serialise(): SerialisedTermIndex {
    return this.terms.serialise();
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
    const found = this.terms.search(terms, expandParagraphWord, TERM_SCORING, Math.max(limit, PARAGRAPH_CANDIDATES), range);
    const best = found[0]?.score ?? 0;
    const lexical = new Map<number, number>();
    for (const match of found) {
      lexical.set(match.id, COVERAGE_WEIGHT * match.coverage + (1 - COVERAGE_WEIGHT) * (match.score / best));
    }
    const candidates = found.map((match) => this.docs[match.id]!);
    if (candidates.length === 0 && range && range.end - range.start <= PARAGRAPH_RERANKED) {
      // Nothing close enough word by word in a small scope: let fuse.js look at all of it.
      candidates.push(...this.docs.slice(range.start, range.end));
    }
    if (candidates.length === 0) return [];
    const head = candidates.slice(0, PARAGRAPH_RERANKED);
    const fuzzy = new Map<number, number>();
    for (const result of new Fuse(head, { ...PARAGRAPH_FUSE_OPTIONS }).search(cutAtWord(text, MAX_FUSE_PATTERN_CHARS))) {
      fuzzy.set(result.item.id, 1 - (result.score ?? 1));
    }
    const scored: Array<{ doc: ParagraphDoc; score: number }> = [];
    for (const doc of head) {
      const f = fuzzy.get(doc.id);
      const l = lexical.get(doc.id);
      if (f === undefined && l === undefined) continue;
      scored.push({ doc, score: FUSE_WEIGHT * (f ?? 0) + (1 - FUSE_WEIGHT) * (l ?? 0) });
    }
    scored.sort((a, b) => b.score - a.score || a.doc.id - b.doc.id);
    // The rest keep BM25 order, scored without the fuse.js share and never above the re-ranked head.
    let floor = scored[scored.length - 1]?.score ?? 1;
    for (const doc of candidates.slice(PARAGRAPH_RERANKED)) {
      floor = Math.min(floor, (1 - FUSE_WEIGHT) * (lexical.get(doc.id) ?? 0));
      scored.push({ doc, score: floor });
    }
    return scored.slice(0, limit).map(({ doc, score }) => ({
      article: doc.article,
      paragraph: doc.n,
      text: doc.text,
      score: roundScore(score),
    }));
  }
}
