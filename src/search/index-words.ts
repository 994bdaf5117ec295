import { foldTerm, normaliseTerm } from './search-settings.ts';

/** Splits text into words the way queries are split: letters/marks/digits, invisible format characters removed. */
export function splitWords(text: string): string[] {
  // Plain ASCII (most English text) needs no Unicode normalisation: a cheaper split gives the same words.
  const words = /^[\x00-\x7f]*$/.test(text)
    ? text.split(/[^A-Za-z0-9]+/)
    : text
        .normalize('NFKC')
        .replace(/\p{Cf}+/gu, '')
        .split(/[^\p{L}\p{M}\p{N}]+/u);
  return words.filter((w) => w.length > 0);
}

/** Index words of paragraph text: folded, stop words and 1-letter words dropped. */
export function paragraphWords(text: string): string[] {
  const out: string[] = [];
  for (const word of splitWords(text)) {
    const term = normaliseTerm(word);
    if (term !== null) out.push(term);
  }
  return out;
}

/** Index words of a name, alias or headline: folded, every word kept. */
export function nameWords(text: string): string[] {
  return splitWords(text)
    .map(foldTerm)
    .filter((w) => w.length > 0);
}
