import { MAX_QUERY_CHARS, MAX_QUERY_TERMS, normaliseTerm } from './search-settings.ts';

/** A user query made safe to search: plain words only, bounded in length. */
export interface CleanQuery {
  /** Words joined by single spaces, at most MAX_QUERY_CHARS long ('' when nothing searchable). */
  text: string;
  /** Folded words for the candidate stage, stop words removed, at most MAX_QUERY_TERMS. */
  terms: string[];
}

/**
 * Turns any user string into plain searchable words: Unicode-normalised, invisible/format
 * characters removed, every operator, regex character, emoji and other punctuation replaced
 * by a space, cut to MAX_QUERY_CHARS on a word boundary. Never throws, whatever the input.
 */
export function cleanQuery(raw: unknown): CleanQuery {
  if (typeof raw !== 'string') return { text: '', terms: [] };
  // Bound the work before any normalisation: a few times the cap is plenty.
  const bounded = raw.slice(0, MAX_QUERY_CHARS * 4).normalize('NFKC');
  const words = bounded
    .replace(/\p{Cf}+/gu, '') // zero-width joiners/spaces, BOMs, bidi marks: glue, not space
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0);
  let text = '';
  for (const word of words) {
    const next = text === '' ? word : `${text} ${word}`;
    if (next.length > MAX_QUERY_CHARS) {
      if (text === '') text = word.slice(0, MAX_QUERY_CHARS);
      break;
    }
    text = next;
  }
  const terms: string[] = [];
  for (const word of text.split(' ')) {
    const term = normaliseTerm(word);
    if (term !== null && !terms.includes(term)) terms.push(term);
    if (terms.length >= MAX_QUERY_TERMS) break;
  }
  return { text, terms };
}
