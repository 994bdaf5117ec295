/** A fingerprint of an article's text: the same story reads the same whatever its markup, spacing or quotes. */
import { createHash } from 'node:crypto';

/**
 * `sha256:<hex>` of the paragraph texts, normalised: Unicode NFKC, lower case, only letters
 * and digits kept, words separated by one space, paragraphs by a newline. Crossheads, headline
 * and metadata are left out, so a page re-fetched with a new headline or date is still one story.
 */
export function hashParagraphs(paragraphs: ReadonlyArray<{ text: string }>): string {
  const text = paragraphs
    .map((paragraph) =>
      paragraph.text
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim(),
    )
    .filter((line) => line !== '')
    .join('\n');
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}
