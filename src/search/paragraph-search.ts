import type { ParagraphHit, SearchOptions } from '../model/corpus.ts';
import { fuseCloseness } from './fuse-closeness.ts';
import { clampLimit, cutAtWord, roundScore } from './clamp-results.ts';
import { cleanQuery } from './clean-query.ts';
import { paragraphWords } from './index-words.ts';
import { MAX_FUSE_PATTERN_CHARS, PARAGRAPH_CANDIDATES, PARAGRAPH_RERANKED, TERM_SCORING, expandParagraphWord } from './search-settings.ts';
import { TermIndex, type SerialisedTermIndex } from './term-index.ts';
import { ParagraphVectors, type SemanticMatch } from './vectors/paragraph-vectors.ts';
import type { WordVectors } from './vectors/word-vectors.ts';

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
 * How the lexical and semantic rankings are merged: by reciprocal rank (RRF, Cormack, Clarke &
 * Büttcher 2009), a paragraph scores Σ weight / (k + rank) over the rankings that hold it. k = 60 is the paper's
 * value. Words typed by the member weigh more than meaning (lexicalWeight 1 vs semanticWeight), so a topic
 * that matches words keeps its best word matches on top and meaning fills in around them.
 */
export const RANK_MERGING = Object.freeze({ k: 60, lexicalWeight: 1, semanticWeight: 0.5, semanticResults: 20 });

/**
 * Paragraph topic search. Candidates: a TermIndex (BM25 over words, with MiniSearch's radix tree
 * for prefix and fuzzy word expansion) returns at most PARAGRAPH_CANDIDATES paragraphs, restricted
 * to one article by id range. Ranking: fuse.js's closeness of the whole query (fuseCloseness)
 * to the best PARAGRAPH_RERANKED of them is blended with BM25 (query-word coverage and score
 * relative to the best); the other candidates follow in BM25 order.
 */
export class ParagraphSearch {
  private readonly ranges: ReadonlyMap<string, ParagraphRange>;
  /** For each set of visible article ids (SearchOptions.articles): one byte per paragraph, 1 when its article is visible. */
  private readonly masks = new WeakMap<ReadonlySet<string>, Uint8Array>();

  constructor(
    private readonly docs: readonly ParagraphDoc[],
    private readonly terms: TermIndex,
    private readonly semantic: ParagraphVectors | null = null,
  ) {
    const ranges = new Map<string, ParagraphRange>();
    for (const doc of docs) {
      const range = ranges.get(doc.article);
      if (range) range.end = doc.id + 1;
      else ranges.set(doc.article, { start: doc.id, end: doc.id + 1 });
    }
    this.ranges = ranges;
  }

  /** Indexes the paragraphs from scratch; with word vectors, also by meaning. */
  static build(docs: readonly ParagraphDoc[], vectors: WordVectors | null = null): ParagraphSearch {
    const texts = docs.map((d) => d.text);
    return new ParagraphSearch(docs, TermIndex.build(texts, paragraphWords), vectors ? ParagraphVectors.build(texts, vectors) : null);
  }

  /**
   * Restores from `serialise()` output; throws unless it was built from these same docs. With word
   * vectors, the saved paragraph vectors are used when they were made with the same vectors,
   * else computed now.
   */
  static load(
    docs: readonly ParagraphDoc[],
    data: SerialisedTermIndex,
    semantic: unknown = null,
    vectors: WordVectors | null = null,
  ): ParagraphSearch {
    const terms = TermIndex.load(data);
    if (terms.size !== docs.length) throw new Error('paragraph index does not match its documents');
    const meaning = vectors
      ? (ParagraphVectors.load(semantic, vectors, docs.length) ??
        ParagraphVectors.build(
          docs.map((d) => d.text),
          vectors,
        ))
      : null;
    return new ParagraphSearch(docs, terms, meaning);
  }

  /** The term index as JSON-ready data. */
  serialise(): SerialisedTermIndex {
    return this.terms.serialise();
  }

  /** The paragraph vectors as JSON-ready data, or null without word vectors. */
  serialiseSemantic(): ReturnType<ParagraphVectors['serialise']> | null {
    return this.semantic?.serialise() ?? null;
  }

  /**
   * Paragraphs about `query`, best first, scores 0..1: the lexical ranking, merged with the
   * semantic one when there are word vectors (a paragraph found by meaning says why).
   */
  search(query: string, options: SearchOptions): ParagraphHit[] {
    const limit = clampLimit(options.limit);
    const { text, terms } = cleanQuery(query);
    if (limit === 0 || terms.length === 0) return [];
    let range: ParagraphRange | undefined;
    let visible: Uint8Array | undefined;
    if (options.article !== undefined) {
      range = this.ranges.get(options.article);
      if (!range || (options.articles && !options.articles.has(options.article))) return [];
    } else if (options.articles) {
      visible = this.maskOf(options.articles);
    }
    const lexical = this.searchWords(text, terms, limit, range, visible);
    // When words alone fill the page, meaning cannot add a paragraph to it (a paragraph found by
    // meaning alone ranks below the 62nd word match once merged), so the scan of every paragraph is skipped;
    // paragraphs both paths find would only trade places. Meaning fills the pages words leave short.
    const filled = lexical.length >= Math.min(limit, RANK_MERGING.k + 2);
    if (!this.semantic || options.wordsOnly || filled) return lexical.slice(0, limit).map(({ doc, score }) => toHit(doc, score));
    const meaning = this.semantic.search(
      text,
      range ?? { start: 0, end: this.docs.length },
      (id) => this.docs[id]!.text,
      Math.max(limit, RANK_MERGING.semanticResults),
      visible,
    );
    return mergeRankings(lexical, meaning, this.docs, limit);
  }

  /** One byte per paragraph, 1 for those of the visible articles; made once per set. */
  private maskOf(articles: ReadonlySet<string>): Uint8Array {
    let mask = this.masks.get(articles);
    if (!mask) {
      mask = new Uint8Array(this.docs.length);
      for (const id of articles) {
        const range = this.ranges.get(id);
        if (range) mask.fill(1, range.start, range.end);
      }
      this.masks.set(articles, mask);
    }
    return mask;
  }

  /** The lexical ranking: BM25 candidates, the head re-ranked with fuse.js. */
  private searchWords(
    text: string,
    terms: string[],
    limit: number,
    range: ParagraphRange | undefined,
    visible: Uint8Array | undefined,
  ): Array<{ doc: ParagraphDoc; score: number }> {
    const found = this.terms.search(terms, expandParagraphWord, TERM_SCORING, Math.max(limit, PARAGRAPH_CANDIDATES), range, visible);
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
    const fuzzy = fuseCloseness(cutAtWord(text, MAX_FUSE_PATTERN_CHARS), head);
    const scored: Array<{ doc: ParagraphDoc; score: number }> = [];
    for (const doc of head) {
      const distance = fuzzy.get(doc.id);
      const f = distance === undefined ? undefined : 1 - distance;
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
    return scored;
  }
}

function toHit(doc: ParagraphDoc, score: number): ParagraphHit {
  return { article: doc.article, paragraph: doc.n, text: doc.text, score: roundScore(score) };
}

/**
 * The lexical ranking and the semantic matches merged by weighted reciprocal rank (see
 * RANK_MERGING); scores are the merged value over its maximum (first in both rankings), so 0..1. A paragraph the
 * semantic path found carries the word pairs that explain it.
 */
export function mergeRankings(
  lexical: ReadonlyArray<{ doc: ParagraphDoc; score: number }>,
  meaning: readonly SemanticMatch[],
  docs: readonly ParagraphDoc[],
  limit: number,
): ParagraphHit[] {
  const { k, lexicalWeight, semanticWeight } = RANK_MERGING;
  const merged = new Map<number, { score: number; pairs: SemanticMatch['pairs'] }>();
  lexical.forEach(({ doc }, rank) => merged.set(doc.id, { score: lexicalWeight / (k + rank + 1), pairs: [] }));
  meaning.forEach((match, rank) => {
    const entry = merged.get(match.id);
    if (entry) entry.score += semanticWeight / (k + rank + 1);
    // Found by meaning only: say which words made the match.
    else merged.set(match.id, { score: semanticWeight / (k + rank + 1), pairs: match.pairs });
  });
  const best = (lexicalWeight + semanticWeight) / (k + 1);
  return [...merged.entries()]
    .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])
    .slice(0, limit)
    .map(([id, { score, pairs }]) => {
      const hit = toHit(docs[id]!, score / best);
      return pairs.length > 0 ? { ...hit, meaning: pairs.map((p) => ({ topic: p.query, text: p.text })) } : hit;
    });
}
