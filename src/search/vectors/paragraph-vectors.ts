/**
 * The semantic side of paragraph search: one SIF embedding per paragraph (see word-vectors.ts),
 * int8-quantised in one contiguous matrix; the nearest found by brute force in a small scope (an
 * article, a corpus under CLUSTER_SETTINGS.from paragraphs), and in a big corpus among the rows
 * of the clusters nearest the topic (row-clusters.ts: a bounded scan, where brute force cost
 * N × D multiply-adds, 10M and 13–18 ms at 100k paragraphs); then the best few re-scored word
 * by word so a match can say why ("protests ≈ demonstrations") and unrelated topics fall under a floor.
 */
import { STOP_WORDS } from '../search-settings.ts';
import { CLUSTER_SETTINGS, checkClusters, clusterRows, clustersByDistance, type RowClusters } from './row-clusters.ts';
import { quantiseRow } from './vector-file.ts';
import type { WordVectors } from './word-vectors.ts';

/** Semantic search settings, frozen. */
export const SEMANTIC_SETTINGS = Object.freeze({
  /** Version of the serialised paragraph vectors; bump when embedding changes. 2: clusters. */
  format: 2,
  /** Paragraphs the brute-force pass hands to the word-by-word re-scoring. */
  candidates: 30,
  /**
   * Least word alignment (the weighted mean, over the topic's words, of each word's best cosine
   * with a paragraph word) for a semantic match: near-synonyms score 0.7–0.9 ("protests" ≈
   * "demonstrations" 0.91, "army" ≈ "military" 0.86), loosely related words 0.4–0.6 ("tariffs" ≈
   * "sanctions" 0.56). Below it the paragraph is not about the topic.
   */
  alignmentFloor: 0.65,
  /**
   * A relative floor below it, for words whose nearest neighbours are all far ("diplomat": its
   * tenth nearest among the 10,000 commonest words is at 0.60, "foreign" at 0.61; "demonstrations"
   * has ten at 0.70 and more): a topic also matches when each word's best cosine reaches, in the
   * weighted mean, that word's `neighbourRank`-th nearest neighbour's among the `neighbourPool`
   * commonest words (a match as close as the word's own near neighbours), never below `relativeFloor`.
   * Measured only for topics that fall between the two floors.
   */
  relativeFloor: 0.55,
  neighbourRank: 10,
  neighbourPool: 10_000,
  /** Least whole-paragraph cosine for a semantic match (the topic must fit the paragraph as a whole too). */
  cosineFloor: 0.2,
  /** Least word cosine shown as a reason ("protests ≈ demonstrations"). */
  reasonFloor: 0.6,
});

/** Why a paragraph matched by meaning: a topic word and the paragraph word closest to it. */
export interface MeaningPair {
  query: string;
  text: string;
}

export interface SemanticMatch {
  id: number;
  /** 0..1: how well the paragraph covers the topic's meaning. */
  score: number;
  /** Topic words matched by a different paragraph word, most similar first. */
  pairs: MeaningPair[];
}

/** The serialised form: base64 int8 rows and float32 scales, tagged with the vectors used. */
export interface SerialisedParagraphVectors {
  format: number;
  vectorsId: string;
  dimensions: number;
  rows: string | ArrayBuffer;
  scales: string | ArrayBuffer;
  /** The clusters of a big corpus (row-clusters.ts), base64 float32 / int32 arrays. */
  clusters?: { centroids: string | ArrayBuffer; ids: string | ArrayBuffer; starts: string | ArrayBuffer };
}

export class ParagraphVectors {
  private readonly query: Float32Array;
  /**
   * The rows again in cluster order (row ids[at] at position at), so a query reads the rows of
   * the clusters it opens one after another instead of ~10,000 rows scattered over the matrix
   * (a cache miss each: at 100k paragraphs, on a busy machine, most of a search by meaning).
   * Same bytes, so the same cosines; null without clusters.
   */
  private readonly clusterOrder: Int8Array | null;

  private constructor(
    private readonly vectors: WordVectors,
    private readonly rows: Int8Array,
    private readonly scales: Float32Array,
    private readonly clusters: RowClusters | null,
    private readonly scanBudget: number = CLUSTER_SETTINGS.scanBudget,
  ) {
    this.query = new Float32Array(vectors.dimensions);
    this.clusterOrder = clusters ? inClusterOrder(rows, clusters.ids, vectors.dimensions) : null;
  }

  /** Number of paragraphs. */
  get size(): number {
    return this.scales.length;
  }

  /**
   * Embeds every text (linear in the total text length); from `clustering.from` texts on, also
   * clusters them (row-clusters.ts, ~1 s at 100k paragraphs, at index time). Tests give smaller
   * settings than CLUSTER_SETTINGS to cluster a small corpus.
   */
  static build(
    texts: readonly string[],
    vectors: WordVectors,
    clustering: { from: number; scanBudget: number } = CLUSTER_SETTINGS,
  ): ParagraphVectors {
    const d = vectors.dimensions;
    const rows = new Int8Array(texts.length * d);
    const scales = new Float32Array(texts.length);
    const v = new Float32Array(d);
    texts.forEach((text, i) => {
      scales[i] = vectors.embedRows(contentRows(vectors, text), v) ? quantiseRow(v, rows, i * d) : 0;
    });
    const clusters = clusterRows({ rows, scales, dimensions: d }, clustering.from);
    return new ParagraphVectors(vectors, rows, scales, clusters, clustering.scanBudget);
  }

  /** Restores `serialise()` output made with these same vectors for `size` paragraphs; null otherwise. */
  static load(
    data: unknown,
    vectors: WordVectors,
    size: number,
    clustering: { from: number; scanBudget: number } = CLUSTER_SETTINGS,
  ): ParagraphVectors | null {
    if (typeof data !== 'object' || data === null) return null;
    const d = data as Partial<SerialisedParagraphVectors>;
    if (d.format !== SEMANTIC_SETTINGS.format || d.vectorsId !== vectors.id || d.dimensions !== vectors.dimensions) return null;
    const rows = toBytes(d.rows);
    const scales = toBytes(d.scales);
    if (!rows || !scales || rows.byteLength !== size * vectors.dimensions || scales.byteLength !== size * 4) return null;
    const int8 = new Int8Array(rows);
    const floats = new Float32Array(scales);
    let clusters: RowClusters | null = null;
    if (d.clusters !== undefined) {
      const centroids = toBytes(d.clusters?.centroids);
      const ids = toBytes(d.clusters?.ids);
      const starts = toBytes(d.clusters?.starts);
      if (!centroids || !ids || !starts || centroids.byteLength % 4 !== 0 || ids.byteLength % 4 !== 0 || starts.byteLength % 4 !== 0)
        return null;
      clusters = checkClusters(
        { centroids: new Float32Array(centroids), ids: new Int32Array(ids), starts: new Int32Array(starts) },
        size,
        vectors.dimensions,
      );
      if (!clusters) return null;
    } else if (size >= clustering.from) {
      return null;
    }
    return new ParagraphVectors(vectors, int8, floats, clusters, clustering.scanBudget);
  }

  serialise(): SerialisedParagraphVectors {
    return {
      format: SEMANTIC_SETTINGS.format,
      vectorsId: this.vectors.id,
      dimensions: this.vectors.dimensions,
      rows: base64(this.rows),
      scales: base64(this.scales),
      ...(this.clusters
        ? { clusters: { centroids: base64(this.clusters.centroids), ids: base64(this.clusters.ids), starts: base64(this.clusters.starts) } }
        : {}),
    };
  }

  /**
   * Paragraphs in [start, end) about the topic by meaning, best first, each at or above the
   * floors; `textOf` gives a paragraph's text for the word-by-word re-scoring. `visible` (one
   * byte per paragraph) leaves out those whose byte is 0 before the nearest are chosen.
   */
  search(
    topic: string,
    range: { start: number; end: number },
    textOf: (id: number) => string,
    limit: number,
    visible?: Uint8Array,
  ): SemanticMatch[] {
    const topicRows = contentRows(this.vectors, topic);
    if (topicRows.length === 0 || !this.vectors.embedRows(topicRows, this.query)) return [];
    const candidates = this.nearest(this.query, range, SEMANTIC_SETTINGS.candidates, visible);
    const matches: SemanticMatch[] = [];
    let floor: number | undefined;
    for (const { id, cosine } of candidates) {
      if (cosine < SEMANTIC_SETTINGS.cosineFloor) continue;
      const aligned = this.align(topicRows, contentRows(this.vectors, textOf(id)));
      // The relative floor is never below relativeFloor, so only a near miss needs it measured.
      if (aligned.score < SEMANTIC_SETTINGS.alignmentFloor) {
        if (aligned.score < SEMANTIC_SETTINGS.relativeFloor || aligned.score < (floor ??= this.relativeFloor(topicRows))) continue;
      }
      matches.push({ id, score: Math.min(1, 0.5 * aligned.score + 0.5 * Math.max(0, cosine)), pairs: aligned.pairs });
    }
    return matches.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, limit);
  }

  /**
   * The `count` paragraphs in range whose embedding is closest to `q` (cosine), best first: every
   * row of a range no bigger than the scan budget (an article); in a bigger one of a clustered
   * corpus (the whole corpus, or a server's part of it), the rows of the nearest clusters, until
   * the budget's worth of rows were scanned and `count` found.
   */
  private nearest(
    q: Float32Array,
    range: { start: number; end: number },
    count: number,
    visible?: Uint8Array,
  ): Array<{ id: number; cosine: number }> {
    const best = new NearestRows(count);
    const usable = (id: number): boolean => this.scales[id]! !== 0 && !(visible && visible[id] === 0);
    if (!this.clusters || range.end - range.start <= this.scanBudget) {
      for (let id = range.start; id < range.end; id++) if (usable(id)) best.offer(id, this.cosine(q, id));
      return best.sorted();
    }
    const { ids, starts } = this.clusters;
    const ordered = this.clusterOrder!;
    const d = this.vectors.dimensions;
    let scanned = 0;
    for (const c of clustersByDistance(this.clusters, q)) {
      if (scanned >= this.scanBudget && best.size >= count) break;
      for (let at = starts[c]!; at < starts[c + 1]!; at++) {
        const id = ids[at]!;
        if (id < range.start || id >= range.end || !usable(id)) continue;
        best.offer(id, dot(q, ordered, at * d, d) * this.scales[id]!);
        scanned++;
      }
    }
    return best.sorted();
  }

  /** Cosine of the query and paragraph `id` (its int8 row times its scale). */
  private cosine(q: Float32Array, id: number): number {
    const d = this.vectors.dimensions;
    return dot(q, this.rows, id * d, d) * this.scales[id]!;
  }

  /** The topic's relative floor (see SEMANTIC_SETTINGS.relativeFloor): weighted like the alignment. */
  private relativeFloor(topicRows: readonly number[]): number {
    const s = SEMANTIC_SETTINGS;
    let total = 0;
    let weightSum = 0;
    for (const q of new Set(topicRows)) {
      const weight = this.vectors.weightOf(q);
      const near = this.vectors.neighbourSimilarity(q, s.neighbourRank, s.neighbourPool);
      total += weight * Math.min(s.alignmentFloor, Math.max(s.relativeFloor, near));
      weightSum += weight;
    }
    return weightSum > 0 ? total / weightSum : s.alignmentFloor;
  }

  /** Weighted mean over topic words of each one's best cosine with a paragraph word, and the reasons. */
  private align(topicRows: readonly number[], textRows: readonly number[]): { score: number; pairs: MeaningPair[] } {
    const words = new Set(textRows);
    let total = 0;
    let weightSum = 0;
    const pairs: Array<MeaningPair & { similarity: number }> = [];
    for (const q of new Set(topicRows)) {
      const weight = this.vectors.weightOf(q);
      let best = 0;
      let bestRow = -1;
      if (words.has(q)) best = 1;
      else {
        for (const w of words) {
          const s = this.vectors.similarity(q, w);
          if (s > best) {
            best = s;
            bestRow = w;
          }
        }
      }
      total += weight * best;
      weightSum += weight;
      if (bestRow >= 0 && best >= SEMANTIC_SETTINGS.reasonFloor)
        pairs.push({ query: this.vectors.wordAt(q), text: this.vectors.wordAt(bestRow), similarity: best });
    }
    pairs.sort((a, b) => b.similarity - a.similarity);
    return { score: weightSum > 0 ? total / weightSum : 0, pairs: pairs.map(({ query, text }) => ({ query, text })) };
  }
}

/** The query times the int8 row of `d` values at `at`. */
function dot(q: Float32Array, rows: Int8Array, at: number, d: number): number {
  // Four running sums: independent multiply-adds the CPU can overlap (~2× a plain loop).
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < d; i += 4, at += 4) {
    s0 += q[i]! * rows[at]!;
    s1 += q[i + 1]! * rows[at + 1]!;
    s2 += q[i + 2]! * rows[at + 2]!;
    s3 += q[i + 3]! * rows[at + 3]!;
  }
  for (; i < d; i++, at++) s0 += q[i]! * rows[at]!;
  return s0 + s1 + s2 + s3;
}

/** The rows listed by `ids`, one after another (rows in no cluster are left out). */
function inClusterOrder(rows: Int8Array, ids: Int32Array, d: number): Int8Array {
  const ordered = new Int8Array(ids.length * d);
  for (let at = 0; at < ids.length; at++) ordered.set(rows.subarray(ids[at]! * d, ids[at]! * d + d), at * d);
  return ordered;
}

/** Per word table: 1 = the row's word carries meaning, 2 = it does not, 0 = not decided yet. */
const contentFlags = new WeakMap<WordVectors, Uint8Array>();

/** Rows of the words of a text that carry meaning (search stop words, 1-letter words and numbers left out). */
export function contentRows(vectors: WordVectors, text: string): number[] {
  let flags = contentFlags.get(vectors);
  if (!flags) contentFlags.set(vectors, (flags = new Uint8Array(vectors.size)));
  const out: number[] = [];
  for (const row of vectors.rowsOf(text)) {
    let flag = flags[row]!;
    if (flag === 0) {
      const word = vectors.wordAt(row);
      flag = word.length > 1 && !STOP_WORDS.has(word) && /\p{L}/u.test(word) ? 1 : 2;
      flags[row] = flag;
    }
    if (flag === 1) out.push(row);
  }
  return out;
}

/** The `count` best rows offered, kept in order (a query keeps ~30). */
class NearestRows {
  private readonly best: Array<{ id: number; cosine: number }> = [];
  private worst = -Infinity;

  constructor(private readonly count: number) {}

  get size(): number {
    return this.best.length;
  }

  offer(id: number, cosine: number): void {
    const { best, count } = this;
    if (best.length < count) {
      best.push({ id, cosine });
      if (best.length === count) {
        best.sort((a, b) => b.cosine - a.cosine || a.id - b.id);
        this.worst = best[count - 1]!.cosine;
      }
    } else if (cosine > this.worst) {
      // Insert in order, drop the last.
      let at = count - 1;
      while (at > 0 && best[at - 1]!.cosine < cosine) at--;
      best.splice(at, 0, { id, cosine });
      best.pop();
      this.worst = best[count - 1]!.cosine;
    }
  }

  sorted(): Array<{ id: number; cosine: number }> {
    return [...this.best].sort((a, b) => b.cosine - a.cosine || a.id - b.id);
  }
}

function base64(array: Int8Array | Int32Array | Float32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

function toBytes(data: unknown): ArrayBuffer | null {
  if (data instanceof ArrayBuffer) return data;
  if (typeof data !== 'string') return null;
  const bytes = Buffer.from(data, 'base64');
  const out = new ArrayBuffer(bytes.length);
  new Uint8Array(out).set(bytes);
  return out;
}
