/**
 * Word vectors for meaning-based matching: a VectorTable with a word index, frequency weights
 * and the common direction shared by all text, ready to embed texts.
 *
 * Texts become vectors the SIF way (Arora, Liang & Ma 2017, "A simple but tough-to-beat baseline
 * for sentence embeddings"): each known word weighs a / (a + p(w)), p(w) its corpus frequency
 * (here estimated from its frequency rank by Zipf's law, p ≈ 1 / (rank · H_N)), so "the" counts
 * ~1% and a topical word ~100%; the weighted average then has its projection on the common
 * component removed, and is scaled to unit length. The common component is computed from the
 * table alone (the frequency-weighted mean direction of the vocabulary, as in "all-but-the-top",
 * Mu & Viswanath 2018), never from the articles, so a query and a paragraph use the same one.
 */
import type { VectorTable } from './vector-file.ts';

/** Settings of text embedding, frozen. */
export const EMBEDDING_SETTINGS = Object.freeze({
  /** SIF smoothing `a` (the paper's recommended 1e-3). */
  sifWeight: 1e-3,
  /** Most frequent words whose weighted mean direction is the common component. */
  commonWords: 50_000,
});

/** Lower-case letter/digit words of a text; apostrophes inside words kept ("don't"). */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Most neighbour similarities remembered (a few bytes each; cleared when full). */
const NEIGHBOUR_CACHE = 10_000;

export class WordVectors {
  readonly dimensions: number;
  private readonly index: WordIndex;
  private readonly weights: Float32Array;
  private readonly inverseNorms: Float32Array;
  private readonly common: Float32Array;
  private readonly neighbours = new Map<string, number>();

  /** `id` names the table (its source and version), so data derived from it can be matched to it. */
  constructor(
    readonly id: string,
    private readonly table: VectorTable,
  ) {
    this.dimensions = table.dimensions;
    this.index = new WordIndex(table.words);
    const n = table.words.length;
    const harmonic = Math.log(n) + 0.5772;
    const a = EMBEDDING_SETTINGS.sifWeight;
    this.weights = new Float32Array(n);
    for (let r = 0; r < n; r++) this.weights[r] = a / (a + 1 / ((r + 1) * harmonic));
    // Filled on first use (-1 = not yet): most rows are never compared.
    this.inverseNorms = new Float32Array(n).fill(-1);
    this.common = this.computeCommon();
  }

  /** Number of words. */
  get size(): number {
    return this.table.words.length;
  }

  /** The row of a word (lower-cased), or -1. */
  rowOf(word: string): number {
    return this.index.find(word.toLowerCase());
  }

  /** The word of a row. */
  wordAt(row: number): string {
    return this.table.words[row]!;
  }

  /** The SIF weight of a row (0..1). */
  weightOf(row: number): number {
    return this.weights[row]!;
  }

  /** The rows of the known words of a text, in order (unknown words skipped). */
  rowsOf(text: string): number[] {
    const rows: number[] = [];
    for (const match of text.matchAll(WORD)) {
      const row = this.rowOf(match[0].replace(/’/g, "'"));
      if (row >= 0) rows.push(row);
    }
    return rows;
  }

  /** Adds `weight` × the vector of `row` into `out`. */
  addRow(out: Float32Array, row: number, weight: number): void {
    const d = this.dimensions;
    const scale = this.table.scales[row]! * weight;
    const rows = this.table.rows;
    for (let i = 0, at = row * d; i < d; i++, at++) out[i]! += rows[at]! * scale;
  }

  /** Cosine similarity of two words' vectors (rows). */
  similarity(a: number, b: number): number {
    const d = this.dimensions;
    const rows = this.table.rows;
    let dot = 0;
    for (let i = 0, x = a * d, y = b * d; i < d; i++, x++, y++) dot += rows[x]! * rows[y]!;
    return dot * this.inverseNorm(a) * this.inverseNorm(b);
  }

  /**
   * The cosine of a word (row) with its `k`-th nearest word among the `among` most frequent words
   * (rows are in frequency order): how close a word's near neighbours are, which differs from word
   * to word ("demonstrations" 0.70, "diplomat" 0.60 at k = 10). Remembered per row and settings.
   */
  neighbourSimilarity(row: number, k: number, among: number): number {
    const key = `${row}:${k}:${among}`;
    let value = this.neighbours.get(key);
    if (value === undefined) {
      const best = new Float32Array(k).fill(-1);
      const end = Math.min(among, this.size);
      for (let r = 0; r < end; r++) {
        if (r === row) continue;
        const s = this.similarity(row, r);
        if (s <= best[k - 1]!) continue;
        let at = k - 1;
        for (; at > 0 && best[at - 1]! < s; at--) best[at] = best[at - 1]!;
        best[at] = s;
      }
      value = best[k - 1]!;
      if (this.neighbours.size >= NEIGHBOUR_CACHE) this.neighbours.clear();
      this.neighbours.set(key, value);
    }
    return value;
  }

  private inverseNorm(row: number): number {
    let value = this.inverseNorms[row]!;
    if (value < 0) {
      const d = this.dimensions;
      const rows = this.table.rows;
      let sum = 0;
      for (let i = row * d, end = i + d; i < end; i++) sum += rows[i]! * rows[i]!;
      value = sum > 0 ? 1 / Math.sqrt(sum) : 0;
      this.inverseNorms[row] = value;
    }
    return value;
  }

  /**
   * The SIF embedding of the words (rows) into `out` (length `dimensions`), unit length with the
   * common component removed; false (and `out` zero) when no word is known.
   */
  embedRows(rows: readonly number[], out: Float32Array): boolean {
    out.fill(0);
    if (rows.length === 0) return false;
    for (const row of rows) this.addRow(out, row, this.weights[row]!);
    removeComponent(out, this.common);
    return normalise(out);
  }

  /** The embedding of a text (see embedRows); null when it has no known word. */
  embed(text: string): Float32Array | null {
    const out = new Float32Array(this.dimensions);
    return this.embedRows(this.rowsOf(text), out) ? out : null;
  }

  private computeCommon(): Float32Array {
    const common = new Float32Array(this.dimensions);
    const top = Math.min(this.size, EMBEDDING_SETTINGS.commonWords);
    const unit = new Float32Array(this.dimensions);
    for (let r = 0; r < top; r++) {
      unit.fill(0);
      this.addRow(unit, r, 1);
      if (!normalise(unit)) continue;
      // Frequency-weighted (Zipf): frequent words shape the shared direction most.
      const w = 1 / (r + 1);
      for (let i = 0; i < unit.length; i++) common[i]! += w * unit[i]!;
    }
    normalise(common);
    return common;
  }
}

/**
 * Word → row, as an open-addressing hash table in one typed array (FNV-1a over UTF-16 code
 * units, linear probing). Built in tens of ms for 340k words, where a Map took over a second and
 * ~30 MB of small objects. The first row of a repeated word wins.
 */
class WordIndex {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(private readonly words: readonly string[]) {
    let size = 1;
    while (size < words.length * 2) size <<= 1;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    words.forEach((word, row) => {
      let slot = hashWord(word) & this.mask;
      for (;;) {
        const at = this.slots[slot]!;
        if (at === -1) {
          this.slots[slot] = row;
          return;
        }
        if (words[at] === word) return;
        slot = (slot + 1) & this.mask;
      }
    });
  }

  /** The row of `word`, or -1. */
  find(word: string): number {
    let slot = hashWord(word) & this.mask;
    for (;;) {
      const at = this.slots[slot]!;
      if (at === -1 || this.words[at] === word) return at;
      slot = (slot + 1) & this.mask;
    }
  }
}

function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Scales `v` to unit length; false when it is zero. */
export function normalise(v: Float32Array): boolean {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  if (!(sum > 1e-12)) {
    v.fill(0);
    return false;
  }
  const inv = 1 / Math.sqrt(sum);
  for (let i = 0; i < v.length; i++) v[i]! *= inv;
  return true;
}

/** Removes from `v` its projection on the unit vector `u`. */
function removeComponent(v: Float32Array, u: Float32Array): void {
  let dot = 0;
  for (let i = 0; i < v.length; i++) dot += v[i]! * u[i]!;
  for (let i = 0; i < v.length; i++) v[i]! -= dot * u[i]!;
}
