/**
 * Extractive summary ranking: which sentences of an article make the best summary points.
 *
 * Score = (centrality + lead bias + headline overlap) × stand-alone quality, where centrality
 * is TextRank (PageRank over a TF-IDF cosine similarity graph of the article's sentences),
 * the lead bias favours early sentences as news is written top-down, and quality penalises
 * fragments, questions, dependent openers and bare quotes (see rank-quality.ts).
 * Deterministic, and linear in the number of articles: all work is within one article.
 */
import type { Article } from '../model/article.ts';
import type { RankedSentence, Sentence } from '../model/analysis.ts';
import { rateSentenceQuality } from './rank-quality.ts';
import { countTerms, extractTerms } from './rank-terms.ts';

/**
 * Ranking weights, frozen. Lead weight and span, and the MMR trade-off below, were set with
 * bench/summary-quality.ts (five articles: the bundled one and four Wikinews fixtures),
 * choosing values in the middle of the range that beat lead-3 rather than the single best.
 */
export const RANKING_DEFAULTS = Object.freeze({
  /** Weight of TextRank centrality (normalised so the most central sentence has 1). */
  centrality: 1,
  /** Weight of the lead bias: the first sentence gets it in full, sentence k gets 1 / (1 + k / leadSpan). */
  lead: 0.9,
  /** Sentences over which the lead bias halves (the fifth sentence gets half of it). */
  leadSpan: 4,
  /** Weight of the cosine similarity to the headline (when the article has one). */
  headline: 0.4,
  /** PageRank damping factor (the classic 0.85). */
  damping: 0.85,
  /** PageRank stops after this many iterations, or earlier when scores move less than `tolerance`. */
  maxIterations: 100,
  tolerance: 1e-7,
});

/** Summary selection options, frozen. */
export const SUMMARY_DEFAULTS = Object.freeze({
  /**
   * MMR trade-off: 1 picks by score alone, 0 by novelty alone. Below one half because the
   * ranking already favours the lead, whose sentences restate each other.
   */
  relevance: 0.4,
  /**
   * TF-IDF cosine similarity (IDF over the ranked sentences) at or above which a candidate
   * repeats a chosen point and is never taken; identical texts always count as repeats.
   */
  duplicate: 0.5,
});

export type RankingOptions = typeof RANKING_DEFAULTS;
export type SummaryOptions = typeof SUMMARY_DEFAULTS;

type TermVector = Map<string, number>;

/**
 * Ranks every sentence of an article best-first for extractive summaries. Each sentence
 * appears exactly once; scores are in (0, 1] with the best sentence at 1. Ties keep
 * reading order; the input may come in any order.
 */
export function rankSentences(
  article: Article,
  sentences: Sentence[],
  options: RankingOptions = RANKING_DEFAULTS,
): RankedSentence[] {
  if (sentences.length === 0) return [];
  const ordered = [...sentences].sort((a, b) => a.paragraph - b.paragraph || a.index - b.index);
  const termLists = ordered.map((s) => extractTerms(s.text));
  const vectors = weighTerms(termLists);
  const centrality = normaliseToMax(runPageRank(buildSimilarityGraph(vectors), options));
  const headline = article.title ? unitVector(countTerms(extractTerms(article.title))) : null;

  const raw = ordered.map((sentence, k) => {
    const lead = 1 / (1 + k / options.leadSpan);
    const onHeadline = headline ? dot(unitVector(countTerms(termLists[k]!)), headline) : 0;
    const base = options.centrality * centrality[k]! + options.lead * lead + options.headline * onHeadline;
    return base * rateSentenceQuality(sentence.text);
  });
  const scores = normaliseToMax(raw);

  return ordered
    .map((s, k) => ({ paragraph: s.paragraph, index: s.index, text: s.text, score: scores[k]!, k }))
    .sort((a, b) => b.score - a.score || a.k - b.k)
    .map(({ paragraph, index, text, score }) => ({ paragraph, index, text, score }));
}

/**
 * Picks up to `length` summary points from a ranking with maximal marginal relevance (score
 * against similarity to points already chosen), never taking a near-duplicate of a chosen
 * point, and returns them in article order. Fewer come back only when the ranking runs out
 * of non-redundant sentences. A length below 1 gives none.
 */
export function selectSummary(
  ranked: RankedSentence[],
  length: number,
  options: SummaryOptions = SUMMARY_DEFAULTS,
): RankedSentence[] {
  const wanted = Math.floor(length);
  if (!(wanted >= 1) || ranked.length === 0) return [];
  const best = ranked.reduce((m, r) => (r.score > m ? r.score : m), 0);
  const scale = best > 0 ? best : 1;
  const vectors = weighTerms(ranked.map((r) => extractTerms(r.text)));
  const candidates = ranked.map((r, order) => ({ r, order, v: vectors[order]! }));
  const chosen: typeof candidates = [];
  const redundancy = new Map<number, number>(candidates.map((c) => [c.order, 0]));

  while (chosen.length < wanted) {
    let pick: (typeof candidates)[number] | null = null;
    let pickValue = -Infinity;
    for (const c of candidates) {
      const overlap = redundancy.get(c.order)!;
      if (overlap >= options.duplicate || chosen.includes(c)) continue;
      const value = options.relevance * (c.r.score / scale) - (1 - options.relevance) * overlap;
      if (value > pickValue) {
        pick = c;
        pickValue = value;
      }
    }
    if (!pick) break;
    chosen.push(pick);
    for (const c of candidates) {
      const similarity = c.r.text === pick.r.text ? 1 : dot(c.v, pick.v);
      if (similarity > redundancy.get(c.order)!) redundancy.set(c.order, similarity);
    }
  }
  return chosen.map((c) => c.r).sort((a, b) => a.paragraph - b.paragraph || a.index - b.index);
}

/** TF-IDF unit vectors, IDF computed over the article's own sentences. */
function weighTerms(termLists: readonly string[][]): TermVector[] {
  const documentFrequency = new Map<string, number>();
  for (const terms of termLists) {
    for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const n = termLists.length;
  return termLists.map((terms) => {
    const weighted = new Map<string, number>();
    for (const [term, count] of countTerms(terms)) {
      weighted.set(term, (1 + Math.log(count)) * Math.log(1 + n / documentFrequency.get(term)!));
    }
    return unitVector(weighted);
  });
}

/** A sparse symmetric graph: for each sentence, its neighbours and the edge weights. */
interface Graph {
  neighbours: number[][];
  weights: number[][];
}

/**
 * Cosine-similarity graph between sentences. Pairs are found through shared terms only
 * (an inverted index with a dense accumulator per row), so unrelated sentences cost nothing.
 */
function buildSimilarityGraph(vectors: readonly TermVector[]): Graph {
  const n = vectors.length;
  const postings = new Map<string, { ids: number[]; weights: number[] }>();
  vectors.forEach((vector, i) => {
    for (const [term, weight] of vector) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = { ids: [], weights: [] }));
      list.ids.push(i);
      list.weights.push(weight);
    }
  });
  const graph: Graph = { neighbours: vectors.map(() => []), weights: vectors.map(() => []) };
  const accumulator = new Float64Array(n);
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const [term, wi] of vectors[i]!) {
      const { ids, weights } = postings.get(term)!;
      // Postings are in sentence order: only pairs (i, j > i) are summed, each pair once.
      for (let p = ids.length - 1; p >= 0 && ids[p]! > i; p--) {
        const j = ids[p]!;
        if (accumulator[j] === 0) touched.push(j);
        accumulator[j]! += wi * weights[p]!;
      }
    }
    for (const j of touched) {
      const w = accumulator[j]!;
      graph.neighbours[i]!.push(j);
      graph.weights[i]!.push(w);
      graph.neighbours[j]!.push(i);
      graph.weights[j]!.push(w);
      accumulator[j] = 0;
    }
    touched.length = 0;
  }
  return graph;
}

/** Weighted PageRank; sentences with no similar neighbour spread their score evenly. */
function runPageRank(graph: Graph, options: RankingOptions): number[] {
  const { neighbours, weights } = graph;
  const n = neighbours.length;
  const outWeight = weights.map((w) => w.reduce((sum, x) => sum + x, 0));
  let scores = new Float64Array(n).fill(1 / n);
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    let dangling = 0;
    for (let i = 0; i < n; i++) if (outWeight[i] === 0) dangling += scores[i]!;
    const next = new Float64Array(n).fill((1 - options.damping) / n + (options.damping * dangling) / n);
    for (let j = 0; j < n; j++) {
      if (outWeight[j] === 0) continue;
      const share = (options.damping * scores[j]!) / outWeight[j]!;
      const to = neighbours[j]!;
      const w = weights[j]!;
      for (let e = 0; e < to.length; e++) next[to[e]!]! += share * w[e]!;
    }
    let moved = 0;
    for (let i = 0; i < n; i++) moved += Math.abs(next[i]! - scores[i]!);
    scores = next;
    if (moved < options.tolerance) break;
  }
  return Array.from(scores);
}

function unitVector(vector: TermVector): TermVector {
  const norm = Math.sqrt([...vector.values()].reduce((sum, w) => sum + w * w, 0));
  if (norm === 0) return vector;
  return new Map([...vector].map(([term, w]) => [term, w / norm]));
}

function dot(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, w] of small) sum += w * (large.get(term) ?? 0);
  return sum;
}

function normaliseToMax(values: readonly number[]): number[] {
  const max = values.reduce((m, v) => (v > m ? v : m), 0);
  return max > 0 ? values.map((v) => v / max) : values.map(() => 0);
}
