/**
 * Tiers for short strings (names, headlines): an exact match beats a prefix match beats a
 * word-prefix match beats any fuzzy match, whatever fuse.js says.
 */
export const EXACT_SCORE = 1;
const STARTS_WITH = 0.9;
const WORD_STARTS_WITH = 0.85;
/** Fuzzy matches are scaled into 0..FUZZY_MAX_SCORE, below every prefix tier. */
export const FUZZY_MAX_SCORE = 0.8;

/**
 * The tier score of `query` against `text` (both already folded by nameKey): 1 for equal,
 * ~0.9 when text starts with it, ~0.85 when a later word does (a little more for covering
 * more of the text), else 0 (leave it to fuzzy matching).
 */
export function scoreTier(text: string, query: string): number {
  if (text === query) return EXACT_SCORE;
  const cover = (0.04 * query.length) / Math.max(1, text.length);
  if (text.startsWith(query)) return STARTS_WITH + cover;
  if (text.includes(` ${query}`)) return WORD_STARTS_WITH + cover;
  return 0;
}
