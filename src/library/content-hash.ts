/** A fingerprint of an article's text: the same story reads the same whatever its markup, spacing or quotes. */
import { createHash } from 'node:crypto';

/**
 * `sha256:<hex>` of the paragraph texts, normalised: Unicode NFKC, lower case, only letters
 * and digits kept, words separated by one space, paragraphs by a newline. Crossheads, headline
 * and metadata are left out, so a page re-fetched with a new headline or date is still one story.
 */
export function hashParagraphs(paragraphs: ReadonlyArray<{ text: string }>): string {
  return `sha256:${createHash('sha256').update(normaliseParagraphs(paragraphs)).digest('hex')}`;
}

/**
 * Below this many characters of normalised text (about 50 words) the text says too little to
 * tell two stories apart ("This story is developing."): equal texts that short are not duplicates.
 */
const MIN_DISTINCT_CHARS = 280;

/** Whether the text is long enough for an equal hash to mean the same story. */
export function isDistinctiveText(paragraphs: ReadonlyArray<{ text: string }>): boolean {
  return normaliseParagraphs(paragraphs).length >= MIN_DISTINCT_CHARS;
}

function normaliseParagraphs(paragraphs: ReadonlyArray<{ text: string }>): string {
  return paragraphs
    .map((paragraph) =>
      paragraph.text
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim(),
    )
    .filter((line) => line !== '')
    .join('\n');
}
