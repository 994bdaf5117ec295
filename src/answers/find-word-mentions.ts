import type { Citation } from '../model/answer.ts';
import type { Corpus } from '../model/corpus.ts';
import { cleanQuery } from '../search/clean-query.ts';
import { foldTerm } from '../search/search-settings.ts';

/** Paragraphs the paragraph index is asked for; the words are then checked in each (bounds the work). */
export const MENTION_CANDIDATES = 100;

/** Where words were found: the paragraphs, and the words as the text writes them. */
export interface WordMentions {
  /** The most frequent way the text writes the words ("Nora Rivers"). */
  surface: string;
  /** Paragraphs that contain the words, in the index's order (best first). */
  mentions: Citation[];
}

/** A word of text with where it sits, folded for comparison. */
interface Token {
  folded: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) tokens.push({ folded: foldTerm(m[0]), start: m.index, end: m.index + m[0].length });
  return tokens;
}

/** Edits allowed for a query word when typos are tolerated: none for short words. */
function allowedEdits(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
}

/** Levenshtein distance, giving up (returning max + 1) as soon as it exceeds `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** The words of `query` in `text` as whole words, in order and adjacent; the span as written, or null. */
export function findWords(text: string, query: readonly string[], typos: boolean): string | null {
  if (query.length === 0) return null;
  const tokens = tokenize(text);
  for (let i = 0; i + query.length <= tokens.length; i++) {
    let all = true;
    for (let k = 0; k < query.length && all; k++) {
      const word = query[k]!;
      const token = tokens[i + k]!.folded;
      all = token === word || (typos && editDistance(word, token, allowedEdits(word)) <= allowedEdits(word));
    }
    if (all) return text.slice(tokens[i]!.start, tokens[i + query.length - 1]!.end);
  }
  return null;
}

/** False when the paragraph index cannot look the words up: only very common words ("the", "of") or single letters. */
export function hasSearchableWord(query: string): boolean {
  return cleanQuery(query).terms.length > 0;
}

/** The query as folded words. */
export function queryWords(query: string): string[] {
  return tokenize(query.slice(0, 200)).map((t) => t.folded);
}

/**
 * Paragraphs in which the words of `query` occur as whole words (case and accents ignored; one
 * or two typos per long word when `typos`). Candidates come from the paragraph index (at most
 * MENTION_CANDIDATES), so the cost does not grow with the corpus; each is then checked word by
 * word, so a paragraph that is only similar never counts. Null when the words occur nowhere.
 */
export function findWordMentions(corpus: Corpus, query: string, options: { article?: string; typos: boolean }): WordMentions | null {
  const words = queryWords(query);
  if (words.length === 0) return null;
  // The words themselves are wanted, so the search by meaning (the costly part) is skipped.
  const hits = corpus.search.paragraphs(query, { article: options.article, limit: MENTION_CANDIDATES, wordsOnly: true });
  // Exactly as asked first; only when the words occur nowhere, with typos tolerated.
  for (const typos of options.typos ? [false, true] : [false]) {
    const mentions: Citation[] = [];
    const surfaces = new Map<string, number>();
    for (const hit of hits) {
      const span = findWords(hit.text, words, typos);
      if (span === null) continue;
      mentions.push({ article: hit.article, paragraph: hit.paragraph });
      surfaces.set(span, (surfaces.get(span) ?? 0) + 1);
    }
    if (mentions.length > 0) return { surface: mostCommon(surfaces), mentions };
  }
  return null;
}

/** The most frequent writing; on a tie, a capitalised one (a name more likely than a common word). */
function mostCommon(surfaces: ReadonlyMap<string, number>): string {
  return [...surfaces.entries()].sort((a, b) => b[1] - a[1] || capitalised(b[0]) - capitalised(a[0]))[0]![0];
}

function capitalised(text: string): number {
  return /^\p{Lu}/u.test(text) ? 1 : 0;
}
