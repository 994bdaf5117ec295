/**
 * Every search setting, frozen in one place: candidate-stage (TermIndex) scoring and word
 * expansion, fuse.js ranking options, limits, stop words, and the MiniSearch options of the
 * benchmark baseline. Changing index-time settings (stop words, term processing) changes the
 * serialised indexes: bump SEARCH_INDEX_VERSION so cached ones are rebuilt.
 */
import type { IFuseOptions } from 'fuse.js';
import type { Options as MiniSearchOptions, SearchOptions as MiniSearchSearchOptions } from 'minisearch';
import type { TermExpansion, TermScoring } from './term-index.ts';

/** Version of the index layout and settings; part of the cache key. */
export const SEARCH_INDEX_VERSION = 2;

/** Longest query text actually searched; the rest of a longer input is ignored. */
export const MAX_QUERY_CHARS = 200;

/** Longest name/headline query used: no name is longer, and fuse.js cost grows with pattern length. */
export const MAX_NAME_QUERY_CHARS = 64;

/**
 * Longest query text given to a fuse.js ranker, cut at a word: one bitap chunk (fuse.js splits
 * longer patterns into 32-character chunks and scans the text once per chunk). Longer queries
 * still count in full in the candidate stage and the exact/prefix tiers.
 */
export const MAX_FUSE_PATTERN_CHARS = 32;

/** Most query words used for the candidate stage (each word costs a trie walk). */
export const MAX_QUERY_TERMS = 12;

/** Most paragraphs the candidate stage returns per query (BM25 order); bounds all later work. */
export const PARAGRAPH_CANDIDATES = 100;

/**
 * How many of the best candidates get fuse.js's closeness score. fuse.js itself cost ~0.1–0.3 ms
 * per news paragraph (a bitap pass per error level over the whole text); the same score by one
 * bit-parallel pass (src/search/fuse-closeness.ts) costs a few µs, and this still bounds the work;
 * the other candidates follow in BM25 order.
 */
export const PARAGRAPH_RERANKED = 20;

/** Articles fuse.js scans in full; above this, only this many TermIndex candidates. */
export const ARTICLE_CANDIDATES = 50;

/** Names fuse.js scans in full (per article or small corpus); above this, only this many TermIndex candidates. */
export const NAME_CANDIDATES = 100;

/**
 * Words too common to find anything by themselves. Removed from paragraph indexing and queries
 * (they would otherwise expand to most of the corpus); a query made only of them finds nothing.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about after all also an and any are as at be been but by can could did do does during each ' +
    'for from had has have he her his i if in into is it its me more most my no not of on or other ' +
    'our over said says she so some such than that the their them then there these they this those ' +
    'to up very was we were what when which who will with would you your'
  ).split(' '),
);

/**
 * fuse.js options for the paragraph re-ranker: the score fuse.js would give the candidates with
 * them (fuseCloseness computes it, and falls back to a Fuse over them when these change).
 */
export const PARAGRAPH_FUSE_OPTIONS: Readonly<IFuseOptions<{ text: string }>> = Object.freeze({
  /** Match the paragraph text only. */
  keys: ['text'],
  /** We need the score to blend and normalise (0 = perfect, 1 = no match). */
  includeScore: true,
  /** A topic can be anywhere in a paragraph; default (false) only looks near `location` 0. */
  ignoreLocation: true,
  /** Long paragraphs are not worse matches; default (false) penalises longer fields. */
  ignoreFieldNorm: true,
  /** Tolerates a typo or two per word (default 0.6: looser, and bitap cost grows with it). */
  threshold: 0.45,
  /** Case-insensitive (default false kept explicit). */
  isCaseSensitive: false,
  /** "Zelenskiy" ~ "Zelenskíy": accents do not matter (default false). */
  ignoreDiacritics: true,
  /** Raw user input: operators such as ' ! ^ = | $ must be plain text (default false). */
  useExtendedSearch: false,
  /** Each query word is matched on its own and scores combine (default false: whole-string bitap). */
  useTokenSearch: false,
  /** Default 1 kept: above 1 makes fuse.js build a match mask per paragraph (garbage, GC pauses). */
  minMatchCharLength: 1,
});

/** fuse.js options for person/organisation names and aliases. */
export const NAME_FUSE_OPTIONS: Readonly<IFuseOptions<{ text: string }>> = Object.freeze({
  /** The name or alias string. */
  keys: ['text'],
  /** Needed for tiers and normalised scores. */
  includeScore: true,
  /** "lavrof" should match the surname inside "Sergei Lavrov"; default (false) anchors near 0. */
  ignoreLocation: true,
  /** Short aliases are not better than full names by length alone (default false). */
  ignoreFieldNorm: true,
  /** Tight (default 0.6): one typo in a short name, not "putin" ~ "Mishustin". */
  threshold: 0.3,
  /** Case-insensitive (default false kept explicit). */
  isCaseSensitive: false,
  /** Accents do not matter (default false). */
  ignoreDiacritics: true,
  /** Raw user input, no operators (default false). */
  useExtendedSearch: false,
});

/** fuse.js options for articles by headline and id (a per-query Fuse over the candidates). */
export const ARTICLE_FUSE_OPTIONS: Readonly<IFuseOptions<{ title: string; id: string }>> = Object.freeze({
  /** The headline counts more than the file-derived id. */
  keys: [
    { name: 'title', weight: 2 },
    { name: 'id', weight: 1 },
  ],
  /** Needed for normalised scores. */
  includeScore: true,
  /** Words of a headline can be anywhere in it (default false). */
  ignoreLocation: true,
  /** Long headlines are not worse (default false). */
  ignoreFieldNorm: true,
  /** Autocomplete wants partial, typo-tolerant matches (default 0.6 kept explicit). */
  threshold: 0.5,
  /** Case-insensitive (default false kept explicit). */
  isCaseSensitive: false,
  /** Accents do not matter (default false). */
  ignoreDiacritics: true,
  /** Raw user input, no operators (default false). */
  useExtendedSearch: false,
});

/**
 * BM25 scoring of the candidate stage (TermIndex). Same values as MiniSearch's defaults
 * (k1 1.2, b 0.7, BM25+ delta 0.5), and its expansion weights made a little stricter.
 */
export const TERM_SCORING: Readonly<TermScoring> = Object.freeze({
  /** Term-frequency saturation (MiniSearch default 1.2). */
  k1: 1.2,
  /** Length normalisation (MiniSearch default 0.7). */
  b: 0.7,
  /** BM25+ floor for any occurrence (MiniSearch default 0.5). */
  delta: 0.5,
  /** A prefix expansion counts half an exact word (MiniSearch default 0.375). */
  prefixWeight: 0.5,
  /** A fuzzy expansion counts 0.45 of an exact word (MiniSearch default 0.45). */
  fuzzyWeight: 0.45,
  /** Closest 40 expansions per query word at most: bounds the work of short or common words. */
  maxExpansions: 40,
  /** ~1–3 ms of scoring: a 12-word query of common misspelt words stops here instead of running on. */
  maxPostings: 200_000,
});

/** Fuzzy edits allowed for a word: 20% of its length for 4+ letters, at most 2 ("mercenarys" → "mercenaries"). */
function fuzzyEdits(word: string, share: number): number {
  return word.length >= 4 ? Math.min(2, Math.max(1, Math.round(word.length * share))) : 0;
}

/**
 * Paragraph query words: every word of 4+ letters also matches longer words it starts (a stand-in
 * for stemming: "ukrain" → "ukrainian"), the last word from 3 letters (typed to the end); typos
 * tolerated by fuzzyEdits at 20%.
 */
export function expandParagraphWord(word: string, index: number, words: readonly string[]): TermExpansion {
  return { prefix: word.length >= 4 || (word.length === 3 && index === words.length - 1), maxEdits: fuzzyEdits(word, 0.2) };
}

/** Topic words against headlines (/related): as written, a word of 4+ letters also the start of a longer one; no typos. */
export function expandHeadlineWord(word: string): TermExpansion {
  return { prefix: word.length >= 4, maxEdits: 0 };
}

/** Name query words: every word a prefix from 2 letters, the last from 1 (autocomplete); typos at 25%. */
export function expandNameWord(word: string, index: number, words: readonly string[]): TermExpansion {
  return { prefix: word.length >= 2 || index === words.length - 1, maxEdits: fuzzyEdits(word, 0.25) };
}

/**
 * MiniSearch options of the "MiniSearch alone" baseline in the benchmark (the product's candidate
 * stage is TermIndex, which is ~10× faster at 100k paragraphs; see bench/).
 */
export const PARAGRAPH_MINISEARCH_OPTIONS: Readonly<MiniSearchOptions> = Object.freeze({
  /** The paragraph text is the only field. */
  fields: ['text'],
  /** Nothing stored (default []). */
  storeFields: [],
  /** Numeric position in the corpus-wide paragraph list. */
  idField: 'id',
  /** Lowercase, accents folded, stop words dropped (default: lowercase only). */
  processTerm: normaliseTerm,
});

/** MiniSearch query options of the benchmark baseline: typo-tolerant, prefix (as the brief's earlier design). */
export const CANDIDATE_SEARCH_OPTIONS: Readonly<MiniSearchSearchOptions> = Object.freeze({
  /** Any query word may match; BM25 rewards matching more of them (default 'OR' kept explicit). */
  combineWith: 'OR',
  /** Prefix matching only for words of 3+ letters (shorter ones would expand to half the vocabulary). */
  prefix: (term: string) => term.length >= 3,
  /** Edit distance 20% of the word for words of 4+ letters ("mercenarys" → "mercenaries"). */
  fuzzy: (term: string) => (term.length >= 4 ? 0.2 : false),
  /** Never more than 2 edits, which bounds the trie walk (default 6). */
  maxFuzzy: 2,
  /** Exact words count most, then prefix, then fuzzy (defaults 0.375 / 0.45). */
  weights: { prefix: 0.5, fuzzy: 0.45 },
});

/** Lowercases and removes diacritics; returns '' for nothing left. */
export function foldTerm(term: string): string {
  // Plain ASCII (most English text) has nothing to fold: skip the Unicode work.
  if (/^[\x00-\x7f]*$/.test(term)) return term.toLowerCase();
  return term
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Term processing for paragraph text and topic queries: fold, drop stop words and 1-letter words. */
export function normaliseTerm(term: string): string | null {
  const folded = foldTerm(term);
  if (folded.length < 2 || STOP_WORDS.has(folded)) return null;
  return folded;
}
