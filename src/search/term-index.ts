import SearchableMap from 'minisearch/SearchableMap';

/** How one query word may expand to indexed words. */
export interface TermExpansion {
  /** Also match indexed words that start with this query word. */
  prefix: boolean;
  /** Also match indexed words within this many edits (0: none). */
  maxEdits: number;
}

/** BM25 parameters and expansion weights of the term index. */
export interface TermScoring {
  /** Term-frequency saturation (BM25 k1). */
  k1: number;
  /** Length normalisation (BM25 b). */
  b: number;
  /** BM25+ lower bound added for any occurrence. */
  delta: number;
  /** Weight of a prefix expansion at distance 0 (decays slowly with extra letters). */
  prefixWeight: number;
  /** Weight of a fuzzy expansion at distance 0 (decays with edits). */
  fuzzyWeight: number;
  /** Most prefix/fuzzy expansions followed per query word (closest first). */
  maxExpansions: number;
  /**
   * Most postings visited per query: exact words first, then expansions by weight, until the
   * budget is spent (bounds the cost of long queries of common or misspelt words).
   */
  maxPostings: number;
}

/** A document that matched: its id, BM25 score, and the share of query words it matched (0..1). */
export interface TermMatch {
  id: number;
  score: number;
  coverage: number;
}

/** The index as JSON-ready data (postings as base64 typed arrays). */
export interface SerialisedTermIndex {
  terms: string[];
  offsets: string;
  docs: string;
  freqs: string;
  lengths: string;
}

/**
 * A compact inverted index for candidate search: words in MiniSearch's radix tree (prefix and
 * fuzzy lookups), postings in flat typed arrays sorted by document id, BM25+ scoring into a
 * reused score array. Documents are numbered 0..N-1; a contiguous id range can restrict a search
 * (binary search into each posting list), and only the best `limit` matches are materialised.
 */
export class TermIndex {
  private readonly vocabulary: SearchableMap<number>;
  private readonly averageLength: number;
  private readonly scores: Float64Array;
  private readonly matched: Uint32Array;
  /** Per scoring settings, each document's BM25 length term k1 × (1 − b + b × length / average), computed once. */
  private readonly lengthTerms = new WeakMap<TermScoring, Float64Array>();
  /** Scratch for selectBest: the touched documents' scores, reordered by selection. */
  private readonly selection: Float64Array;
  /**
   * Scratch for search: the documents a query touched, in order. Reused, so a query of common
   * words does not allocate (and later collect) a list of up to every document.
   */
  private readonly touched: Int32Array;

  private constructor(
    private readonly terms: readonly string[],
    private readonly offsets: Int32Array,
    private readonly docs: Int32Array,
    private readonly freqs: Uint16Array,
    private readonly lengths: Uint16Array,
  ) {
    this.vocabulary = new SearchableMap<number>();
    terms.forEach((term, i) => this.vocabulary.set(term, i));
    let total = 0;
    for (const length of lengths) total += length;
    this.averageLength = lengths.length > 0 ? Math.max(1, total / lengths.length) : 1;
    this.scores = new Float64Array(lengths.length);
    this.matched = new Uint32Array(lengths.length);
    this.selection = new Float64Array(lengths.length);
    this.touched = new Int32Array(lengths.length);
  }

  /** Number of documents indexed. */
  get size(): number {
    return this.lengths.length;
  }

  /** Indexes `texts` (document i = texts[i]) using `tokenize` to turn a text into index words. */
  static build(texts: readonly string[], tokenize: (text: string) => string[]): TermIndex {
    const termIds = new Map<string, number>();
    const postingDocs: number[][] = [];
    const postingFreqs: number[][] = [];
    const lengths = new Uint16Array(texts.length);
    texts.forEach((text, doc) => {
      const words = tokenize(text);
      lengths[doc] = Math.min(65_535, words.length);
      const counts = new Map<string, number>();
      for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
      for (const [word, count] of counts) {
        let id = termIds.get(word);
        if (id === undefined) {
          id = termIds.size;
          termIds.set(word, id);
          postingDocs.push([]);
          postingFreqs.push([]);
        }
        postingDocs[id]!.push(doc);
        postingFreqs[id]!.push(Math.min(65_535, count));
      }
    });
    const offsets = new Int32Array(termIds.size + 1);
    postingDocs.forEach((list, id) => (offsets[id + 1] = offsets[id]! + list.length));
    const docs = new Int32Array(offsets[termIds.size]!);
    const freqs = new Uint16Array(docs.length);
    postingDocs.forEach((list, id) => {
      docs.set(list, offsets[id]);
      freqs.set(postingFreqs[id]!, offsets[id]);
    });
    return new TermIndex([...termIds.keys()], offsets, docs, freqs, lengths);
  }

  /** Restores `serialise()` output; throws when it is malformed. */
  static load(data: SerialisedTermIndex): TermIndex {
    if (!Array.isArray(data.terms) || !data.terms.every((t) => typeof t === 'string')) throw new Error('term index: bad terms');
    const offsets = new Int32Array(decode(data.offsets, 4));
    const docs = new Int32Array(decode(data.docs, 4));
    const freqs = new Uint16Array(decode(data.freqs, 2));
    const lengths = new Uint16Array(decode(data.lengths, 2));
    if (offsets.length !== data.terms.length + 1 || offsets[offsets.length - 1] !== docs.length || freqs.length !== docs.length) {
      throw new Error('term index: postings do not fit the vocabulary');
    }
    for (const doc of docs) if (doc < 0 || doc >= lengths.length) throw new Error('term index: posting out of range');
    return new TermIndex(data.terms, offsets, docs, freqs, lengths);
  }

  /** The index as JSON-ready data. */
  serialise(): SerialisedTermIndex {
    return {
      terms: [...this.terms],
      offsets: encode(this.offsets),
      docs: encode(this.docs),
      freqs: encode(this.freqs),
      lengths: encode(this.lengths),
    };
  }

  /**
   * The best `limit` documents for the query words (any may match; BM25+ over the words and
   * their expansions), best first, ties by id. `range` keeps ids in [start, end); `visible`
   * (one byte per document) leaves out the documents whose byte is 0, before the best are
   * chosen, so a left-out document never takes the place of one that is kept.
   */
  search(
    words: readonly string[],
    expand: (word: string, index: number, words: readonly string[]) => TermExpansion,
    scoring: TermScoring,
    limit: number,
    range?: { start: number; end: number },
    visible?: Uint8Array,
  ): TermMatch[] {
    const queryWords = words.slice(0, 32);
    const start = range?.start ?? 0;
    const end = range?.end ?? this.size;
    const touched = this.touched;
    let touchedCount = 0;
    const n = this.size;
    const lists: Array<{ termId: number; weight: number; bit: number; order: number }> = [];
    queryWords.forEach((word, qi) => {
      for (const [termId, weight] of this.expand(word, expand(word, qi, queryWords), scoring)) {
        lists.push({ termId, weight, bit: 1 << qi, order: lists.length });
      }
    });
    lists.sort((a, b) => b.weight - a.weight || a.order - b.order);
    const lengthTerms = this.lengthTermsFor(scoring);
    const k1Plus1 = scoring.k1 + 1;
    const delta = scoring.delta;
    const { docs, freqs, scores, matched } = this;
    let budget = scoring.maxPostings;
    for (const { termId, weight, bit } of lists) {
      const from = this.offsets[termId]!;
      const to = this.offsets[termId + 1]!;
      const df = to - from;
      if (df > budget && touchedCount > 0) continue;
      budget -= df;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      // weight × idf × (BM25 term + delta), multiplied in that order as before (same scores to the bit).
      const scale = weight * idf;
      for (let p = lowerBound(docs, from, to, start); p < to; p++) {
        const doc = docs[p]!;
        if (doc >= end) break;
        if (visible !== undefined && visible[doc] === 0) continue;
        const tf = freqs[p]!;
        const gain = scale * ((tf * k1Plus1) / (tf + lengthTerms[doc]!) + delta);
        const was = matched[doc]!;
        if (was === 0) touched[touchedCount++] = doc;
        scores[doc] = scores[doc]! + gain;
        matched[doc] = was | bit;
      }
    }
    const found = touched.subarray(0, touchedCount);
    const results = this.selectBest(found, limit, queryWords.length);
    for (const doc of found) {
      scores[doc] = 0;
      matched[doc] = 0;
    }
    return results;
  }

  private lengthTermsFor(scoring: TermScoring): Float64Array {
    let terms = this.lengthTerms.get(scoring);
    if (!terms) {
      terms = new Float64Array(this.lengths.length);
      for (let doc = 0; doc < terms.length; doc++) {
        terms[doc] = scoring.k1 * (1 - scoring.b + (scoring.b * this.lengths[doc]!) / this.averageLength);
      }
      this.lengthTerms.set(scoring, terms);
    }
    return terms;
  }

  /**
   * Indexed words for one query word with their weights: exact 1, then prefix expansions, and
   * fuzzy (typo) expansions only when the word itself is not in the index.
   */
  private expand(word: string, how: TermExpansion, scoring: TermScoring): Map<number, number> {
    const out = new Map<number, number>();
    const exact = this.vocabulary.get(word);
    if (exact !== undefined) out.set(exact, 1);
    const extra: Array<{ id: number; weight: number }> = [];
    if (how.prefix) {
      for (const [term, id] of this.vocabulary.atPrefix(word)) {
        if (term === word) continue;
        const distance = term.length - word.length;
        extra.push({ id, weight: (scoring.prefixWeight * term.length) / (term.length + 0.3 * distance) });
      }
    }
    // A word the index holds is taken as written: typo expansions are for words it does not hold
    // ("religion" must not find "region"; "mercenarys" still finds "mercenaries").
    if (how.maxEdits > 0 && exact === undefined) {
      for (const [term, [id, distance]] of this.vocabulary.fuzzyGet(word, how.maxEdits)) {
        if (distance === 0) continue;
        extra.push({ id, weight: (scoring.fuzzyWeight * term.length) / (term.length + distance) });
      }
    }
    extra.sort((a, b) => b.weight - a.weight || a.id - b.id);
    for (const { id, weight } of extra) {
      if (out.size > scoring.maxExpansions) break;
      if (!out.has(id)) out.set(id, weight);
    }
    return out;
  }

  /**
   * The best `limit` of the touched documents, best first, ties by id: the limit-th best score by
   * selection (linear) over a reused buffer, then only the documents above it and as many of
   * those equal to it as fit (lowest ids first) are materialised and sorted.
   */
  private selectBest(touched: Int32Array, limit: number, wordCount: number): TermMatch[] {
    let pool: number[];
    if (touched.length > limit * 2) {
      const values = this.selection.subarray(0, touched.length);
      for (let i = 0; i < touched.length; i++) values[i] = this.scores[touched[i]!]!;
      const threshold = selectKth(values, touched.length - limit);
      pool = [];
      const tied: number[] = [];
      for (let i = 0; i < touched.length; i++) {
        const doc = touched[i]!;
        const score = this.scores[doc]!;
        if (score > threshold) pool.push(doc);
        else if (score === threshold) tied.push(doc);
      }
      tied.sort((a, b) => a - b);
      for (let i = 0; i < tied.length && pool.length < limit; i++) pool.push(tied[i]!);
    } else {
      pool = [...touched];
    }
    const words = Math.max(1, wordCount);
    const matches: TermMatch[] = new Array<TermMatch>(pool.length);
    for (let i = 0; i < pool.length; i++) {
      const doc = pool[i]!;
      matches[i] = { id: doc, score: this.scores[doc]!, coverage: popCount(this.matched[doc]!) / words };
    }
    matches.sort((a, b) => b.score - a.score || a.id - b.id);
    if (matches.length > limit) matches.length = limit;
    return matches;
  }
}

/**
 * The k-th smallest value (0-based) of `values`, reordering them: Hoare's quickselect with a
 * middle pivot, linear on average.
 */
export function selectKth(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}

function lowerBound(array: Int32Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (array[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function popCount(bits: number): number {
  let count = 0;
  for (let b = bits; b !== 0; b &= b - 1) count++;
  return count;
}

function encode(array: Int32Array | Uint16Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

/**
 * Decodes base64 into a fresh, aligned ArrayBuffer of whole elements of `width` bytes; an
 * ArrayBuffer (postings handed over from a worker thread) is taken as it is.
 */
function decode(text: unknown, width: number): ArrayBuffer {
  if (text instanceof ArrayBuffer) {
    if (text.byteLength % width !== 0) throw new Error('term index: truncated postings');
    return text;
  }
  if (typeof text !== 'string') throw new Error('term index: bad postings');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % width !== 0) throw new Error('term index: truncated postings');
  const buffer = new ArrayBuffer(bytes.length);
  new Uint8Array(buffer).set(bytes);
  return buffer;
}
