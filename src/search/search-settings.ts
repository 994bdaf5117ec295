/**
 * Every fuse.js and MiniSearch option used by the search indexes, frozen in one place.
 * Changing anything here changes results: bump SEARCH_INDEX_VERSION so cached indexes are rebuilt.
 */
import type { IFuseOptions } from 'fuse.js';
import type { Options as MiniSearchOptions, SearchOptions as MiniSearchSearchOptions } from 'minisearch';

/** Version of the index layout and settings; part of the cache key. */
export const SEARCH_INDEX_VERSION = 1;

/** Longest query text actually searched; the rest of a longer input is ignored. */
export const MAX_QUERY_CHARS = 200;

/** Longest name/headline query used: no name is longer, and fuse.js cost grows with pattern length. */
export const MAX_NAME_QUERY_CHARS = 80;

/** Most query words used for the candidate stage (each word costs a trie walk). */
export const MAX_QUERY_TERMS = 12;

/** Most candidates the MiniSearch stage hands to the fuse.js re-ranker per query. */
export const PARAGRAPH_CANDIDATES = 150;

/** Most distinct name strings the MiniSearch stage hands to the fuse.js re-ranker. */
export const NAME_CANDIDATES = 200;

/**
 * Words too common to find anything by themselves. Removed from paragraph indexing and queries
 * (they would otherwise expand to most of the corpus); a query made only of them finds nothing.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a an and are as at be been but by for from had has have he her his i if in into is it its ' +
    'me my no not of on or our she so than that the their them then there these they this those ' +
    'to was we were what when which who will with would you your').split(' '),
);

/**
 * fuse.js options for the paragraph re-ranker (a small Fuse built per query over the candidates).
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
  /** Loose enough to tolerate typos in several words (default 0.6 kept explicit). */
  threshold: 0.6,
  /** Case-insensitive (default false kept explicit). */
  isCaseSensitive: false,
  /** "Zelenskiy" ~ "Zelenskíy": accents do not matter (default false). */
  ignoreDiacritics: true,
  /** Raw user input: operators such as ' ! ^ = | $ must be plain text (default false). */
  useExtendedSearch: false,
  /** Each query word is matched on its own and scores combine (default false: whole-string bitap). */
  useTokenSearch: false,
  /** Ignore one-letter fragments when matching (default 1). */
  minMatchCharLength: 2,
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
  /** Tighter than paragraphs (default 0.6): a name must resemble the query. */
  threshold: 0.4,
  /** Case-insensitive (default false kept explicit). */
  isCaseSensitive: false,
  /** Accents do not matter (default false). */
  ignoreDiacritics: true,
  /** Raw user input, no operators (default false). */
  useExtendedSearch: false,
});

/** fuse.js options for articles by headline and id (one persistent, serialisable index). */
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

/** MiniSearch options for the paragraph candidate index (document id = position in the paragraph list). */
export const PARAGRAPH_MINISEARCH_OPTIONS: Readonly<MiniSearchOptions> = Object.freeze({
  /** The paragraph text is the only field. */
  fields: ['text'],
  /** The article id is stored so searches can be restricted to one article by filter. */
  storeFields: ['article'],
  /** Numeric position in the corpus-wide paragraph list. */
  idField: 'id',
  /** Lowercase, accents folded, stop words dropped (default: lowercase only). */
  processTerm: normaliseTerm,
});

/** MiniSearch options for the distinct name strings (candidate stage of names()). */
export const NAME_MINISEARCH_OPTIONS: Readonly<MiniSearchOptions> = Object.freeze({
  /** The name or alias string. */
  fields: ['text'],
  /** Nothing stored: owners are kept beside the index. */
  storeFields: [],
  /** Numeric position in the distinct-name list. */
  idField: 'id',
  /** Lowercase and accents folded; stop words kept ("the" in aliases is harmless here). */
  processTerm: (term: string) => foldTerm(term) || null,
});

/** MiniSearch query options for candidates: typo-tolerant, prefix for autocomplete. */
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

/** MiniSearch query options for name candidates: every word a prefix (autocomplete), typos tolerated. */
export const NAME_CANDIDATE_SEARCH_OPTIONS: Readonly<MiniSearchSearchOptions> = Object.freeze({
  /** Any query word may match (default 'OR' kept explicit). */
  combineWith: 'OR',
  /** "lavr" must find "Lavrov" while typing, whatever the word length. */
  prefix: true,
  /** Names are often misspelt: 25% of a word of 4+ letters ("lavrof" → "lavrov"). */
  fuzzy: (term: string) => (term.length >= 4 ? 0.25 : false),
  /** Never more than 2 edits (default 6). */
  maxFuzzy: 2,
});

/** Lowercases and removes diacritics; returns '' for nothing left. */
export function foldTerm(term: string): string {
  return term.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** MiniSearch term processing for paragraph text: fold, drop stop words and 1-letter words. */
export function normaliseTerm(term: string): string | null {
  const folded = foldTerm(term);
  if (folded.length < 2 || STOP_WORDS.has(folded)) return null;
  return folded;
}
